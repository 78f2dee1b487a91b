using Attract.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Attract.Core.Privacy;

/// <summary>
/// The suppression hashes in force, loaded once for a pull run or an export (the table holds a few rows per erasure),
/// with the hasher to check a person against them.
/// </summary>
public sealed class SuppressionList(SuppressionHasher hasher, IReadOnlySet<string> hashes)
{
    public static async Task<SuppressionList> LoadAsync(AttractDbContext db, SuppressionHasher hasher, CancellationToken ct = default) =>
        new(hasher, (await db.ErasureSuppressions.AsNoTracking().Select(s => s.Hash).Distinct().ToListAsync(ct)).ToHashSet(StringComparer.Ordinal));

    public int Count => hashes.Count;

    public bool ContainsUrn(string? personUrn) => Contains(SuppressionKinds.PersonUrn, personUrn);

    public bool ContainsEmail(string? email) => Contains(SuppressionKinds.Email, email);

    /// <summary>True when any identifier of the person (URN, an email, the profile URL) belongs to an erased candidate.</summary>
    public bool ContainsAny(string? personUrn, IEnumerable<string?> emails, string? profileUrl = null) =>
        hashes.Count > 0 && hasher.HashesOf(personUrn, emails, profileUrl).Any(h => hashes.Contains(h.Hash));

    private bool Contains(string kind, string? value) => hashes.Count > 0 && hasher.Hash(kind, value) is { } hash && hashes.Contains(hash);
}
