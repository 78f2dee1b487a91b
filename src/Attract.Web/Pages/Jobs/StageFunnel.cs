using Attract.Core.Data;
using Attract.Core.Jobs;
using Attract.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Attract.Web.Pages.Jobs;

/// <summary>One stage of the funnel: how many applications reached it, and what share of those that reached the previous stage went on to it.</summary>
public sealed record FunnelStage(string Name, int Reached, double? ConversionPercent);

/// <summary>How many of a job's applications first reached the stage at <paramref name="First"/> and got as far as <paramref name="Furthest"/> (stage orders).</summary>
public sealed record FunnelSpan(int First, int Furthest, int Count);

/// <summary>
/// The job page's stage funnel. An application <em>reached</em> a stage when the stage lies between the first and the furthest
/// of the job's current stages it has been in (its recorded stage moves and its current stage): it is in the stage, or moved
/// past it. A move recorded before its stage had an id (an application saved together with its new job) is matched by name. Rejected applications count for the stages they reached. An application added straight into a later stage (an
/// applicant who was never a prospect) did not reach the stages before it, so the conversion into a stage is taken over the
/// applications that reached the previous stage: the share of them that reached this one too.
/// </summary>
public static class StageFunnel
{
    /// <summary>One grouped query: applications counted per (first, furthest) stage order, a few rows per job whatever its size.</summary>
    public static async Task<IReadOnlyList<FunnelSpan>> ReadSpansAsync(AttractDbContext db, int jobId, CancellationToken ct = default)
    {
        // First and furthest as two scalar subqueries (SQLite does not translate a GroupBy over a grouped subquery).
        var spans = await db.Applications.AsNoTracking().Where(a => a.JobId == jobId)
            .Select(a => new
            {
                First = db.JobStages.Where(s => s.JobId == jobId && (s.Id == a.StageId
                    || a.History.Any(m => m.ToStageId == s.Id || (m.ToStageId == null && m.ToStageName == s.Name)))).Min(s => s.Order),
                Furthest = db.JobStages.Where(s => s.JobId == jobId && (s.Id == a.StageId
                    || a.History.Any(m => m.ToStageId == s.Id || (m.ToStageId == null && m.ToStageName == s.Name)))).Max(s => s.Order),
            })
            .GroupBy(x => new { x.First, x.Furthest })
            .Select(g => new { g.Key.First, g.Key.Furthest, Count = g.Count() })
            .ToListAsync(ct);
        return [.. spans.Select(s => new FunnelSpan(s.First, s.Furthest, s.Count))];
    }

    /// <summary>The funnel over the job's stages in order, from <see cref="ReadSpansAsync"/>.</summary>
    public static IReadOnlyList<FunnelStage> Compute(IReadOnlyList<JobStage> stages, IReadOnlyList<FunnelSpan> spans) =>
        [.. stages.Select((stage, i) =>
        {
            var reached = spans.Where(s => s.First <= stage.Order && s.Furthest >= stage.Order).Sum(s => s.Count);
            if (i == 0)
            {
                return new FunnelStage(stage.Name, reached, null);
            }
            var previous = stages[i - 1].Order;
            var fromPrevious = spans.Where(s => s.First <= previous && s.Furthest >= previous).Sum(s => s.Count);
            var onward = spans.Where(s => s.First <= previous && s.Furthest >= stage.Order).Sum(s => s.Count);
            return new FunnelStage(stage.Name, reached, fromPrevious == 0 ? null : Math.Round(100.0 * onward / fromPrevious, 1));
        })];

    public static ChartFigure Chart(IReadOnlyList<FunnelStage> funnel) => new("funnel", ChartKind.HorizontalBar,
        "Stage funnel: applications that reached each stage, with the conversion from the previous stage", "Stage",
        [.. funnel.Select(f => f.Name)],
        [
            new ChartSeries("Reached", [.. funnel.Select(f => (double?)f.Reached)]),
            new ChartSeries("Conversion from previous stage", [.. funnel.Select(f => f.ConversionPercent)], "0.0'%'", Plotted: false),
        ]);
}
