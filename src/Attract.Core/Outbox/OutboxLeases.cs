using Microsoft.EntityFrameworkCore;

namespace Attract.Core.Outbox;

/// <summary>
/// Leasing outbox rows so that several Attract instances on one database never send the same row at once: a batch of
/// due rows, oldest first, leased with <see cref="Leases"/> (a conditional UPDATE, so when two instances race for the
/// same rows each row ends up with exactly one owner). Live rows come before backfill rows (<see cref="OutboxMessage.Backfill"/>):
/// two lanes read in one ordered range of <c>IX_OutboxMessages_Lanes</c>.
/// </summary>
public static class OutboxLeases
{
    /// <summary>Unprocessed rows of <paramref name="entityTypes"/> whose lease (or retry backoff) has run out.</summary>
    public static IQueryable<OutboxMessage> Due(this IQueryable<OutboxMessage> outbox, IReadOnlyCollection<string> entityTypes, DateTime nowUtc,
        int maxAttempts = int.MaxValue) =>
        outbox.Pending(entityTypes, maxAttempts).Unclaimed(nowUtc);

    /// <summary>
    /// Leases up to <paramref name="size"/> due rows, live rows first, each lane oldest first, until <paramref name="nowUtc"/> +
    /// <paramref name="lease"/>; backfill rows only when <paramref name="includeBackfill"/>, live rows only when
    /// <paramref name="includeLive"/> (so each lane can have its own worker). Returns the owner token (load the rows with
    /// <see cref="Owned"/>), or null when nothing was due.
    /// </summary>
    public static async Task<string?> LeaseAsync(this DbSet<OutboxMessage> outbox, IReadOnlyCollection<string> entityTypes, int size, TimeSpan lease,
        DateTime nowUtc, string purpose, int maxAttempts = int.MaxValue, bool includeBackfill = true, bool includeLive = true, CancellationToken ct = default)
    {
        if (!includeBackfill && !includeLive)
        {
            return null;
        }
        var due = outbox.AsNoTracking().Due(entityTypes, nowUtc, maxAttempts);
        if (!includeBackfill)
        {
            due = due.Where(o => !o.Backfill);
        }
        if (!includeLive)
        {
            due = due.Where(o => o.Backfill);
        }
        var ids = await due.OrderBy(o => o.Backfill).ThenBy(o => o.Id).Select(o => o.Id).Take(size).ToListAsync(ct);
        if (ids.Count == 0)
        {
            return null;
        }
        var owner = Leases.NewOwner(purpose);
        await outbox.Pending(entityTypes, maxAttempts).Where(o => ids.Contains(o.Id)).ClaimAsync(owner, nowUtc, lease, ct: ct);
        return owner;
    }

    /// <summary>The unprocessed rows <paramref name="owner"/> holds, oldest first.</summary>
    public static IQueryable<OutboxMessage> Owned(this IQueryable<OutboxMessage> outbox, string owner) =>
        outbox.Where(o => o.ClaimedBy == owner && o.ProcessedAtUtc == null).OrderBy(o => o.Id);

    private static IQueryable<OutboxMessage> Pending(this IQueryable<OutboxMessage> outbox, IReadOnlyCollection<string> entityTypes, int maxAttempts)
    {
        var pending = outbox.Where(o => entityTypes.Contains(o.EntityType) && o.ProcessedAtUtc == null);
        return maxAttempts == int.MaxValue ? pending : pending.Where(o => o.Attempts < maxAttempts);
    }
}
