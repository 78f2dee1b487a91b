using System.Security.Cryptography;
using Attract.Core.Data;
using Attract.Core.Privacy;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace Attract.Web.Infrastructure;

/// <summary>
/// The HMAC key of the erasure suppression list: 256 random bits made on first use and stored only encrypted with ASP.NET
/// Core Data Protection (like the LinkedIn secrets, whose keys live in the same database and are themselves protected in
/// production), in <see cref="ErasureSuppressionKey"/>. Read in its own scope, so a caller's unsaved changes are never
/// saved with it; kept in memory afterwards. Several instances creating it at once: the first insert wins, the others
/// read it back.
/// </summary>
public sealed class ErasureSuppressionKeyring(IServiceScopeFactory scopes, IDataProtectionProvider dataProtection)
{
    private readonly IDataProtector _protector = dataProtection.CreateProtector("Attract.Erasure.SuppressionKey.v1");
    private readonly SemaphoreSlim _gate = new(1, 1);
    private SuppressionHasher? _hasher;

    public async Task<SuppressionHasher> GetHasherAsync(CancellationToken ct = default)
    {
        if (_hasher is { } cached)
        {
            return cached;
        }
        await _gate.WaitAsync(ct);
        try
        {
            return _hasher ??= new SuppressionHasher(await LoadOrCreateAsync(ct));
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>The suppression hashes in force, with the hasher.</summary>
    public async Task<SuppressionList> LoadListAsync(AttractDbContext db, CancellationToken ct = default) =>
        await SuppressionList.LoadAsync(db, await GetHasherAsync(ct), ct);

    private async Task<byte[]> LoadOrCreateAsync(CancellationToken ct)
    {
        for (var attempt = 0; ; attempt++)
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AttractDbContext>();
            var stored = await db.Set<ErasureSuppressionKey>().AsNoTracking()
                .Where(k => k.Id == ErasureSuppressionKey.CurrentId).Select(k => k.KeyProtected).FirstOrDefaultAsync(ct);
            if (stored is not null)
            {
                return _protector.Unprotect(Convert.FromBase64String(stored));
            }
            var key = RandomNumberGenerator.GetBytes(32);
            db.Add(new ErasureSuppressionKey
            {
                Id = ErasureSuppressionKey.CurrentId,
                KeyProtected = Convert.ToBase64String(_protector.Protect(key)),
                CreatedAtUtc = db.UtcNow,
            });
            try
            {
                await db.SaveChangesAsync(ct);
                return key;
            }
            catch (DbUpdateException) when (attempt == 0)
            {
                // another instance stored its key first: use that one
            }
        }
    }
}
