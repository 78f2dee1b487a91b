using System.Globalization;
using Attract.Core.Data;
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
    public const int PageSize = 50;

    public record Card(int ApplicationId, string Name, string? Title, string? Company, ApplicationStatus Status, string? Reason, DateTime EnteredStageAtUtc);

    /// <summary>One page of one stage's active or rejected cards; <paramref name="Next"/> is the key after it, if there are more.</summary>
    public record CardPage(int StageId, bool Rejected, IReadOnlyList<Card> Cards, CardKey? Next);

    public record StageCounts(int Active, int Rejected);

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

    public static async Task<CardPage> PageAsync(AttractDbContext db, int jobId, int stageId, bool rejected, CardKey? after)
    {
        var status = rejected ? ApplicationStatus.Rejected : ApplicationStatus.Active;
        var query = db.Applications.AsNoTracking().Where(a => a.JobId == jobId && a.StageId == stageId && a.Status == status);
        if (after is { } key)
        {
            // written as a range on EnteredStageAtUtc plus a tie-break, so the index seeks instead of scanning the stage
            query = query.Where(a => a.EnteredStageAtUtc >= key.EnteredAtUtc && (a.EnteredStageAtUtc > key.EnteredAtUtc || a.Id > key.Id));
        }
        var cards = await query.OrderBy(a => a.EnteredStageAtUtc).ThenBy(a => a.Id).Take(PageSize + 1)
            .Select(a => new Card(a.Id,
                a.Candidate == null ? "Erased candidate" : a.Candidate.FirstName + " " + a.Candidate.LastName,
                a.Candidate == null ? null : a.Candidate.CurrentTitle, a.Candidate == null ? null : a.Candidate.CurrentCompany,
                a.Status, a.RejectionReason, a.EnteredStageAtUtc))
            .ToListAsync();
        if (cards.Count <= PageSize)
        {
            return new CardPage(stageId, rejected, cards, null);
        }
        var last = cards[PageSize - 1];
        return new CardPage(stageId, rejected, cards.GetRange(0, PageSize), new CardKey(last.EnteredStageAtUtc, last.ApplicationId));
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
