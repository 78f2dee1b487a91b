using Attract.Core.Candidates;
using Attract.Core.Jobs;
using Attract.Core.Pipeline;
using Attract.Web.Infrastructure;
using Attract.Web.Pages.Prospects;
using Microsoft.EntityFrameworkCore;

namespace Attract.Web.Pages.Jobs;

/// <summary>
/// The pipeline's most viewed reads, shared by every request of this instance for <see cref="MaxAge"/>: a job's board
/// (<see cref="PipelineBoard.Snapshot"/>), a page of the prospect review list, and the job page's counts and funnel. A large job's board costs three queries
/// (the job, a grouped count of every application, a first page per stage), most of a view's time; many people looking at
/// the same board share one read. Both are dropped at once when this instance saves an application, a candidate, a job or
/// a stage (<see cref="Invalidator"/>); another instance's change shows within <see cref="MaxAge"/>. A user's own change
/// always shows: the page after a move or a review reads afresh. Who may see a job is never taken from these: the pages
/// read the viewer's team roles live, and the prospect list is keyed by the jobs the viewer works on, read live.
/// </summary>
public sealed class PipelineReads(TimeProvider clock)
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(5);

    public const int Capacity = 200;

    public SharedReads<(int JobId, bool ShowRejected), PipelineBoard.Snapshot?> Boards { get; } = new(clock, MaxAge, Capacity);

    public SharedReads<ProspectListKey, ProspectList> Prospects { get; } = new(clock, MaxAge, Capacity);

    /// <summary>The job page's counts and funnel (<see cref="JobStats"/>), by job id.</summary>
    public SharedReads<int, JobStats> Stats { get; } = new(clock, MaxAge, Capacity);

    public void Invalidate()
    {
        Boards.Invalidate();
        Prospects.Invalidate();
        Stats.Invalidate();
    }

    /// <summary>Drops the shared reads after a SaveChanges that involved an application, candidate, job or stage.</summary>
    public sealed class Invalidator(PipelineReads reads) : SavedChangesListener
    {
        protected override void OnSaved(DbContext context)
        {
            var tracker = context.ChangeTracker;
            if (tracker.Entries<JobApplication>().Any() || tracker.Entries<Candidate>().Any() || tracker.Entries<Job>().Any() || tracker.Entries<JobStage>().Any())
            {
                reads.Invalidate();
            }
        }
    }
}
