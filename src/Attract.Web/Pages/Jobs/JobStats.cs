using Attract.Core.Data;
using Attract.Core.Jobs;

namespace Attract.Web.Pages.Jobs;

/// <summary>
/// The job page's two reads over every application of the job: the board's counts per stage
/// (<see cref="PipelineBoard.CountsAsync"/>) and the funnel's spans (<see cref="StageFunnel.ReadSpansAsync"/>). For a
/// large job they are most of the page's time, so they are shared (<see cref="PipelineReads.Stats"/>); the job itself,
/// and who may see it, are read live.
/// </summary>
public sealed record JobStats(IReadOnlyDictionary<int, PipelineBoard.StageCounts> Counts, IReadOnlyList<FunnelSpan> Spans)
{
    public PipelineBoard.StageCounts CountsOf(JobStage stage) => Counts.GetValueOrDefault(stage.Id, new PipelineBoard.StageCounts(0, 0));

    public static async Task<JobStats> ReadAsync(AttractDbContext db, int jobId) =>
        new(await PipelineBoard.CountsAsync(db, jobId), await StageFunnel.ReadSpansAsync(db, jobId));
}
