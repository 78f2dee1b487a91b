using Attract.Core.Data;
using Attract.Core.Pipeline;
using Microsoft.EntityFrameworkCore;

namespace Attract.Web.Pages.Jobs;

/// <summary>
/// The job page's two reads over every application of the job: the counts per stage and status, and the funnel's spans
/// (<see cref="StageFunnel.ReadSpansAsync"/>). For a large job they are most of the page's time, so they are shared
/// (<see cref="PipelineReads.Stats"/>); the job itself, and who may see it, are read live.
/// </summary>
public sealed record JobStats(IReadOnlyList<JobStats.StageCount> Counts, IReadOnlyList<FunnelSpan> Spans)
{
    public sealed record StageCount(int StageId, ApplicationStatus Status, int Count);

    public int CountOf(int stageId, ApplicationStatus status) =>
        Counts.Where(c => c.StageId == stageId && c.Status == status).Sum(c => c.Count);

    public static async Task<JobStats> ReadAsync(AttractDbContext db, int jobId)
    {
        var counts = await db.Applications.AsNoTracking().Where(a => a.JobId == jobId)
            .GroupBy(a => new { a.StageId, a.Status }).Select(g => new { g.Key.StageId, g.Key.Status, Count = g.Count() }).ToListAsync();
        return new JobStats([.. counts.Select(c => new StageCount(c.StageId, c.Status, c.Count))], await StageFunnel.ReadSpansAsync(db, jobId));
    }
}
