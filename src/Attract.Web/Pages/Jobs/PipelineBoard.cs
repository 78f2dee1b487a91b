using System.Globalization;
using System.Linq.Expressions;
using Attract.Core.Data;
using Attract.Core.Jobs;
using Attract.Core.Pipeline;
using Microsoft.EntityFrameworkCore;

namespace Attract.Web.Pages.Jobs;

/// <summary>
/// The pipeline board's reads. Counts come from one grouped COUNT over the job's applications; cards come a page of
/// <see cref="PageSize"/> per stage and status at a time, in keyset order (time entered the stage, then id), both served
/// by the index (JobId, StageId, Status, EnteredStageAtUtc, Id) without loading or sorting the rest of the job.
/// </summary>
public static class PipelineBoard
{
    public const int PageSize = 20;

    public record Card(int ApplicationId, string Name, string? Title, string? Company, ApplicationStatus Status, string? Reason, DateTime EnteredStageAtUtc);

    /// <summary>One page of one stage's active or rejected cards; <paramref name="Next"/> is the key after it, if there are more.</summary>
    public record CardPage(int StageId, bool Rejected, IReadOnlyList<Card> Cards, CardKey? Next);

    public record StageCounts(int Active, int Rejected);

    /// <summary>What the board shows of a job: its stages (the job is read untracked, without its team), counts and pages.</summary>
    public sealed record Snapshot(Job Job, IReadOnlyDictionary<int, StageCounts> Counts, IReadOnlyList<CardPage> Pages)
    {
        public StageCounts CountsOf(JobStage stage) => Counts.GetValueOrDefault(stage.Id, new StageCounts(0, 0));

        public CardPage? PageOf(JobStage stage, bool rejected) => Pages.FirstOrDefault(p => p.StageId == stage.Id && p.Rejected == rejected);
    }

    /// <summary>
    /// The board of a job (null: no such job): every column's first page of active cards, and of rejected ones with
    /// <paramref name="showRejected"/>, except the column <paramref name="continued"/> names, which starts after its key.
    /// Who may see the job is not checked here.
    /// </summary>
    public static async Task<Snapshot?> ReadAsync(AttractDbContext db, int jobId, bool showRejected, PageRequest? continued = null)
    {
        if (await JobAsync(db, jobId) is not { } job)
        {
            return null;
        }
        var requests = job.OrderedStages.SelectMany(stage => showRejected ? new[] { Request(stage, false), Request(stage, true) } : [Request(stage, false)]).ToList();
        return new Snapshot(job, await CountsAsync(db, jobId), await PagesAsync(db, jobId, requests));

        PageRequest Request(JobStage stage, bool rejected) =>
            continued is { } c && c.StageId == stage.Id && c.Rejected == rejected ? c : new PageRequest(stage.Id, rejected, null);
    }

    /// <summary>The job with its stages, untracked and without its team (null: no such job); who may see it is not checked here.</summary>
    public static Task<Job?> JobAsync(AttractDbContext db, int jobId) =>
        db.Jobs.AsNoTracking().Include(j => j.Stages).FirstOrDefaultAsync(j => j.Id == jobId);

    public static async Task<IReadOnlyDictionary<int, StageCounts>> CountsAsync(AttractDbContext db, int jobId)
    {
        var rows = await db.Applications.Where(a => a.JobId == jobId)
            .GroupBy(a => new { a.StageId, a.Status })
            .Select(g => new { g.Key.StageId, g.Key.Status, Count = g.Count() })
            .ToListAsync();
        return rows.GroupBy(r => r.StageId).ToDictionary(g => g.Key, g => new StageCounts(
            g.Where(r => r.Status == ApplicationStatus.Active).Sum(r => r.Count),
            g.Where(r => r.Status == ApplicationStatus.Rejected).Sum(r => r.Count)));
    }

    /// <summary>One column's page of active or rejected cards after <paramref name="after"/> (or its first).</summary>
    public static async Task<CardPage> PageAsync(AttractDbContext db, int jobId, int stageId, bool rejected, CardKey? after) =>
        (await PagesAsync(db, jobId, [new PageRequest(stageId, rejected, after)]))[0];

    /// <summary>Which page of which column: a stage's active or rejected cards, after a key or from the first.</summary>
    public readonly record struct PageRequest(int StageId, bool Rejected, CardKey? After);

    /// <summary>
    /// Several columns' pages in one query (a UNION ALL of one seek per page, each on the index), answered in the order
    /// asked: the board's first screen is one round trip, not one per stage.
    /// </summary>
    public static async Task<IReadOnlyList<CardPage>> PagesAsync(AttractDbContext db, int jobId, IReadOnlyList<PageRequest> requests)
    {
        IQueryable<CardRow>? union = null;
        foreach (var request in requests)
        {
            var page = Page(db, jobId, request);
            union = union is null ? page : union.Concat(page);
        }
        var rows = union is null ? [] : await union.ToListAsync();
        return requests.Select(request =>
        {
            var status = request.Rejected ? ApplicationStatus.Rejected : ApplicationStatus.Active;
            var cards = rows.Where(r => r.StageId == request.StageId && r.Status == status)
                .OrderBy(r => r.EnteredStageAtUtc).ThenBy(r => r.ApplicationId)
                .Select(r => new Card(r.ApplicationId, r.Name, r.Title, r.Company, r.Status, r.Reason, r.EnteredStageAtUtc))
                .ToList();
            if (cards.Count <= PageSize)
            {
                return new CardPage(request.StageId, request.Rejected, cards, null);
            }
            var last = cards[PageSize - 1];
            return new CardPage(request.StageId, request.Rejected, cards.GetRange(0, PageSize), new CardKey(last.EnteredStageAtUtc, last.ApplicationId));
        }).ToList();
    }

    /// <summary>A card with its column, as the UNION's rows (set by member init: EF cannot UNION constructor projections).</summary>
    private sealed class CardRow
    {
        public int ApplicationId { get; init; }

        public int StageId { get; init; }

        public string Name { get; init; } = "";

        public string? Title { get; init; }

        public string? Company { get; init; }

        public ApplicationStatus Status { get; init; }

        public string? Reason { get; init; }

        public DateTime EnteredStageAtUtc { get; init; }
    }

    private static IQueryable<CardRow> Page(AttractDbContext db, int jobId, PageRequest request)
    {
        var (stageId, status) = (request.StageId, request.Rejected ? ApplicationStatus.Rejected : ApplicationStatus.Active);
        var query = db.Applications.AsNoTracking().Where(a => a.JobId == jobId && a.StageId == stageId && a.Status == status);
        if (request.After is { } key)
        {
            // written as a range on EnteredStageAtUtc plus a tie-break, so the index seeks instead of scanning the stage
            query = query.Where(a => a.EnteredStageAtUtc >= key.EnteredAtUtc && (a.EnteredStageAtUtc > key.EnteredAtUtc || a.Id > key.Id));
        }
        // only rejected cards show the reason: an active page reads the index and the candidates alone
        return query.OrderBy(a => a.EnteredStageAtUtc).ThenBy(a => a.Id).Take(PageSize + 1).Select(request.Rejected ? WithReason : WithoutReason);
    }

    private static readonly Expression<Func<JobApplication, CardRow>> WithReason = a => new CardRow
    {
        ApplicationId = a.Id,
        StageId = a.StageId,
        Name = a.Candidate == null ? "Erased candidate" : a.Candidate.FirstName + " " + a.Candidate.LastName,
        Title = a.Candidate == null ? null : a.Candidate.CurrentTitle,
        Company = a.Candidate == null ? null : a.Candidate.CurrentCompany,
        Status = a.Status,
        Reason = a.RejectionReason,
        EnteredStageAtUtc = a.EnteredStageAtUtc,
    };

    /// <summary><see cref="WithReason"/> with the reason left out, so an active page never reads an application's row.</summary>
    private static readonly Expression<Func<JobApplication, CardRow>> WithoutReason =
        (Expression<Func<JobApplication, CardRow>>)new ReasonLeftOut().Visit(WithReason);

    private sealed class ReasonLeftOut : ExpressionVisitor
    {
        protected override Expression VisitMember(MemberExpression node) => node.Member.Name == nameof(JobApplication.RejectionReason)
            ? Expression.Constant(null, typeof(string))
            : base.VisitMember(node);
    }

    /// <summary>"3 days in stage", from when the application entered its current stage.</summary>
    public static string TimeInStage(DateTime enteredAtUtc, DateTime nowUtc) => (int)Math.Floor((nowUtc - enteredAtUtc).TotalDays) switch
    {
        < 1 => "Less than a day in stage",
        1 => "1 day in stage",
        var days => $"{days} days in stage",
    };
}

/// <summary>A position in a column's keyset order, written in links as <c>ticks-id</c>.</summary>
public readonly record struct CardKey(DateTime EnteredAtUtc, int Id)
{
    public override string ToString() => $"{EnteredAtUtc.Ticks.ToString(CultureInfo.InvariantCulture)}-{Id.ToString(CultureInfo.InvariantCulture)}";

    public static bool TryParse(string? text, out CardKey key)
    {
        key = default;
        var parts = text?.Split('-');
        if (parts is not [var ticks, var id]
            || !long.TryParse(ticks, NumberStyles.None, CultureInfo.InvariantCulture, out var t) || t < DateTime.MinValue.Ticks || t > DateTime.MaxValue.Ticks
            || !int.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var i))
        {
            return false;
        }
        key = new CardKey(new DateTime(t, DateTimeKind.Utc), i);
        return true;
    }
}
