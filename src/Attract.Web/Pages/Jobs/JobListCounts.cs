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

    private readonly SharedReads<bool, IReadOnlyDictionary<int, int>> _counts = new(clock, MaxAge, 1);

    /// <summary>Forgets the counts (an application was added, moved, rejected or deleted here).</summary>
    public void Invalidate() => _counts.Invalidate();

    /// <summary>The counts, shared; one grouped count at a time reads them (the requests that miss together wait for it).</summary>
    public Task<IReadOnlyDictionary<int, int>> GetAsync(AttractDbContext db) =>
        _counts.GetAsync(true, async () => await db.Applications.AsNoTracking().Where(a => a.Status == ApplicationStatus.Active)
            .GroupBy(a => a.JobId).Select(g => new { JobId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.JobId, x => x.Count));

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
