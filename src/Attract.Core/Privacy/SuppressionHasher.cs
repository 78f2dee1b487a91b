using System.Security.Cryptography;
using System.Text;
using Attract.Core.Candidates;

namespace Attract.Core.Privacy;

/// <summary>
/// Keyed hashes (HMAC-SHA256) of the identifiers of a person, normalised the way Attract matches them: the person URN
/// trimmed, emails as <see cref="CandidateEmail.Normalize"/>, profile URLs as <see cref="Candidate.NormalizeLinkedInUrl"/>.
/// The kind is part of the hashed text, so an email never collides with a URN. Without the key, a hash can't be checked
/// against a guessed email (unlike a plain SHA-256).
/// </summary>
public sealed class SuppressionHasher
{
    private readonly byte[] _key;

    public SuppressionHasher(byte[] key)
    {
        if (key.Length < 32)
        {
            throw new ArgumentException("The suppression key must be at least 256 bits.", nameof(key));
        }
        _key = (byte[])key.Clone();
    }

    /// <summary>The hash of one identifier, or null when it is blank.</summary>
    public string? Hash(string kind, string? value)
    {
        var normalized = kind switch
        {
            SuppressionKinds.PersonUrn => string.IsNullOrWhiteSpace(value) ? null : value.Trim(),
            SuppressionKinds.Email => string.IsNullOrWhiteSpace(value) ? null : CandidateEmail.Normalize(value),
            SuppressionKinds.ProfileUrl => Candidate.NormalizeLinkedInUrl(value) is { Length: > 0 } key ? key : null,
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown suppression kind."),
        };
        return normalized is null
            ? null
            : Convert.ToHexStringLower(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(kind + "\n" + normalized)));
    }

    /// <summary>Every (kind, hash) of a person; blanks are skipped and duplicates removed.</summary>
    public IReadOnlyList<(string Kind, string Hash)> HashesOf(string? personUrn, IEnumerable<string?> emails, string? profileUrl) =>
        new[] { (SuppressionKinds.PersonUrn, personUrn), (SuppressionKinds.ProfileUrl, profileUrl) }
            .Concat(emails.Select(e => (SuppressionKinds.Email, e)))
            .Select(x => (Kind: x.Item1, Hash: Hash(x.Item1, x.Item2)))
            .Where(x => x.Hash is not null)
            .Select(x => (x.Kind, x.Hash!))
            .Distinct()
            .ToList();
}
