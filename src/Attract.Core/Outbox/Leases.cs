using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;

namespace Attract.Core.Outbox;

/// <summary>
/// Leasing rows so that several Attract instances on one database never work on the same row at once. A lease is a
/// conditional UPDATE: only rows nobody holds (unclaimed, or whose lease ran out) are stamped with the caller's owner
/// token and an expiry, so when instances race for the same rows each row ends up with exactly one owner. The owner
/// then writes its outcome only where it still holds the lease (<see cref="ReleaseAsync"/>), so an instance whose lease
/// ran out and was taken over changes nothing. A lease that runs out (the instance died) makes the row due again;
/// <see cref="ILeasable.ClaimedUntilUtc"/> without an owner is the retry's "not before".
/// </summary>
public static class Leases
{
    /// <summary>
    /// A new owner token: machine and process id (so a processed row tells which instance did the work: the soak
    /// harness counts each instance's share by it), purpose and a random part.
    /// </summary>
    public static string NewOwner(string purpose) =>
        $"{Environment.MachineName}/{Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture)}:{purpose}:{Guid.NewGuid():N}";

    /// <summary>Rows nobody holds at <paramref name="nowUtc"/>: never claimed, released, or with an expired lease.</summary>
    public static IQueryable<T> Unclaimed<T>(this IQueryable<T> rows, DateTime nowUtc)
        where T : class, ILeasable =>
        rows.Where(r => r.ClaimedUntilUtc == null || r.ClaimedUntilUtc < nowUtc);

    /// <summary>
    /// Leases the unclaimed ones of <paramref name="rows"/> to <paramref name="owner"/> until <paramref name="nowUtc"/> +
    /// <paramref name="lease"/>, setting <paramref name="alsoSet"/> in the same UPDATE. Returns how many rows it got.
    /// </summary>
    public static Task<int> ClaimAsync<T>(this IQueryable<T> rows, string owner, DateTime nowUtc, TimeSpan lease,
        Action<UpdateSettersBuilder<T>>? alsoSet = null, CancellationToken ct = default)
        where T : class, ILeasable
    {
        var until = nowUtc + lease;
        return rows.Unclaimed(nowUtc).ExecuteUpdateAsync(s =>
        {
            s.SetProperty(r => r.ClaimedBy, owner).SetProperty(r => r.ClaimedUntilUtc, until);
            alsoSet?.Invoke(s);
        }, ct);
    }

    /// <summary>
    /// Ends <paramref name="owner"/>'s lease on those of <paramref name="rows"/> it still holds, setting <paramref name="alsoSet"/>
    /// (the outcome) in the same UPDATE; the rows are not due again before <paramref name="notBeforeUtc"/> (null: at once).
    /// Returns how many rows it released (0 when the lease was lost).
    /// </summary>
    public static Task<int> ReleaseAsync<T>(this IQueryable<T> rows, string owner, DateTime? notBeforeUtc,
        Action<UpdateSettersBuilder<T>>? alsoSet = null, CancellationToken ct = default)
        where T : class, ILeasable =>
        rows.Where(r => r.ClaimedBy == owner).ExecuteUpdateAsync(s =>
        {
            s.SetProperty(r => r.ClaimedBy, (string?)null).SetProperty(r => r.ClaimedUntilUtc, notBeforeUtc);
            alsoSet?.Invoke(s);
        }, ct);
}
