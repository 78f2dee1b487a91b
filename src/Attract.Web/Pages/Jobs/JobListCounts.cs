using Attract.Core.Data;
using Attract.Core.Pipeline;
using Attract.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Attract.Web.Pages.Jobs;

/// <summary>
/// Active applications per job for the job list. Counting them reads every active application's index entry (60,000 at
/// 100,000 candidates, a few milliseconds of CPU a view), so one grouped count is shared by every user for
/// <see cref="MaxAge"/>, and dropped at once when this instance saves an application (<see cref="Invalidator"/>). Another
/// instance's change shows within <see cref="MaxAge"/>.
/// </summary>
public sealed class JobListCounts(TimeProvider clock)
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(10);

    private readonly SemaphoreSlim _reading = new(1, 1);
    private Snapshot? _snapshot;
    private long _version;

    /// <summary>Forgets the counts (an application was added, moved, rejected or deleted here).</summary>
    public void Invalidate() => Interlocked.Increment(ref _version);

    public async Task<IReadOnlyDictionary<int, int>> GetAsync(AttractDbContext db, CancellationToken ct = default)
    {
        if (Fresh() is { } counts)
        {
            return counts;
        }
        await _reading.WaitAsync(ct);
        try
        {
            if (Fresh() is { } read)
            {
                return read; // another request read them while this one waited
            }
            var version = Interlocked.Read(ref _version);
            var now = clock.GetUtcNow();
            var fresh = await db.Applications.AsNoTracking().Where(a => a.Status == ApplicationStatus.Active)
                .GroupBy(a => a.JobId).Select(g => new { JobId = g.Key, Count = g.Count() })
                .ToDictionaryAsync(x => x.JobId, x => x.Count, ct);
            Volatile.Write(ref _snapshot, new Snapshot(fresh, version, now));
            return fresh;
        }
        finally
        {
            _reading.Release();
        }
    }

    private IReadOnlyDictionary<int, int>? Fresh()
    {
        var snapshot = Volatile.Read(ref _snapshot);
        return snapshot is not null && snapshot.Version == Interlocked.Read(ref _version) && clock.GetUtcNow() - snapshot.ReadAt < MaxAge
            ? snapshot.Counts
            : null;
    }

    private sealed record Snapshot(IReadOnlyDictionary<int, int> Counts, long Version, DateTimeOffset ReadAt);

    /// <summary>Drops the counts after a SaveChanges that added, changed or deleted an application.</summary>
    public sealed class Invalidator(JobListCounts counts) : SavedChangesListener
    {
        protected override void OnSaved(DbContext context)
        {
            if (context.ChangeTracker.Entries<JobApplication>().Any())
            {
                counts.Invalidate();
            }
        }
    }
}
