using Attract.Core.Access;
using Attract.Core.Data;
using Attract.Core.Jobs;
using Attract.Core.LinkedIn;
using Attract.Core.Pipeline;
using Attract.Web.Integrations.LinkedIn.Export;
using Microsoft.EntityFrameworkCore;

namespace Attract.Web.Pages.Reports;

/// <summary>One line of the report: the exports of one job by one recruiter's seat in one calendar month (UTC).</summary>
public sealed record SourcingRow(string Month, int? JobId, string JobCode, string JobTitle, string Recruiter, string SeatUrn, SourcingFigures Figures);

/// <summary>
/// What became of a set of exported people: counts of exports (people), of those who went past Prospect, reached an
/// interview, are hired, and had an InMail sent, answered and accepted between the exporting seat and them; and the
/// time from export to the first move past Prospect, in days (median and mean over the exports that advanced).
/// </summary>
public sealed record SourcingFigures(int Exports, int Advanced, int Interviewed, int Hired, int InMailSent, int InMailReplied, int InMailAccepted,
    double? MedianDaysToAdvance, double? MeanDaysToAdvance)
{
    public static double? Share(int part, int whole) => whole == 0 ? null : Math.Round(100.0 * part / whole, 1);
}

/// <summary>
/// The LinkedIn sourcing report (issue 12, item 6). An export is a 1-Click Export notification that Attract processed and
/// that created the application (the intake stamps the application and the notification with the same instant; an export
/// of someone already in the job's pipeline added nothing and is not counted). The seat is the one LinkedIn named as the
/// exporter; the recruiter is the Attract user the seat was mapped to, who is recorded on the application's first stage move.
/// Every count is a GROUP BY in the database; only the durations of the exports that advanced are read, to take their median.
/// </summary>
public static class LinkedInSourcingReport
{
    public const string InMailSent = "INMAIL_SENT";
    public const string InMailReply = "INMAIL_REPLY";
    public const string InMailAccepted = "INMAIL_ACCEPTED";
    public const string InMailDeclined = "INMAIL_DECLINED";

    /// <summary>A stage counts as an interview stage when its name (lower case) holds one of these words (the default process: "Phone screen", "Onsite interview").</summary>
    public const string InterviewWord = "interview";

    /// <inheritdoc cref="InterviewWord"/>
    public const string ScreenWord = "screen";

    /// <summary>The rows (by month, job code, recruiter, seat) and the totals over them, for exports in [<paramref name="fromUtc"/>, <paramref name="toUtc"/>).</summary>
    public static async Task<(IReadOnlyList<SourcingRow> Rows, SourcingFigures Totals)> RunAsync(AttractDbContext db, Viewer viewer,
        DateTime fromUtc, DateTime toUtc, int? jobId, CancellationToken ct = default)
    {
        var facts = Facts(db, viewer, fromUtc, toUtc, jobId);
        var groups = await Groups(facts).ToListAsync(ct);
        var durations = (await facts.Where(f => f.FirstAdvanceUtc != null)
                .Select(f => new { f.JobId, f.SeatUrn, f.RecruiterId, f.Year, f.Month, f.ExportedUtc, FirstAdvanceUtc = f.FirstAdvanceUtc!.Value })
                .ToListAsync(ct))
            .ToLookup(d => (d.JobId, d.SeatUrn, d.RecruiterId, d.Year, d.Month), d => (d.FirstAdvanceUtc - d.ExportedUtc).TotalDays);
        var jobIds = groups.Select(g => g.JobId).Distinct().ToList();
        var jobs = await db.Jobs.AsNoTracking().Where(j => jobIds.Contains(j.Id)).Select(j => new { j.Id, j.Code, j.Title }).ToDictionaryAsync(j => j.Id, ct);
        var userIds = groups.Select(g => g.RecruiterId).OfType<string>().Distinct().ToList();
        var users = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id)).Select(u => new { u.Id, u.DisplayName }).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        var rows = groups
            .Select(g =>
            {
                var days = durations[(g.JobId, g.SeatUrn, g.RecruiterId, g.Year, g.Month)].ToList();
                var job = jobs.GetValueOrDefault(g.JobId);
                return new SourcingRow($"{g.Year:D4}-{g.Month:D2}", job?.Id, job?.Code ?? "", job?.Title ?? "",
                    g.RecruiterId is null ? "(unknown)" : users.GetValueOrDefault(g.RecruiterId) ?? "(deleted user)", g.SeatUrn,
                    new SourcingFigures(g.Exports, g.Advanced, g.Interviewed, g.Hired, g.Sent, g.Replied, g.Accepted, Median(days), Mean(days)));
            })
            .OrderBy(r => r.Month, StringComparer.Ordinal).ThenBy(r => r.JobCode, StringComparer.Ordinal)
            .ThenBy(r => r.Recruiter, StringComparer.Ordinal).ThenBy(r => r.SeatUrn, StringComparer.Ordinal)
            .ToList();
        var all = durations.SelectMany(d => d).ToList();
        var totals = new SourcingFigures(groups.Sum(g => g.Exports), groups.Sum(g => g.Advanced), groups.Sum(g => g.Interviewed), groups.Sum(g => g.Hired),
            groups.Sum(g => g.Sent), groups.Sum(g => g.Replied), groups.Sum(g => g.Accepted), Median(all), Mean(all));
        return (rows, totals);
    }

    /// <summary>The counts per job, seat, recruiter and month, as one GROUP BY in the database.</summary>
    public static IQueryable<SourcingGroup> Groups(AttractDbContext db, Viewer viewer, DateTime fromUtc, DateTime toUtc, int? jobId) =>
        Groups(Facts(db, viewer, fromUtc, toUtc, jobId));

    private static IQueryable<SourcingGroup> Groups(IQueryable<ExportFact> facts) => facts
        .GroupBy(f => new { f.JobId, f.SeatUrn, f.RecruiterId, f.Year, f.Month })
        .Select(g => new SourcingGroup
        {
            JobId = g.Key.JobId,
            SeatUrn = g.Key.SeatUrn,
            RecruiterId = g.Key.RecruiterId,
            Year = g.Key.Year,
            Month = g.Key.Month,
            Exports = g.Count(),
            Advanced = g.Count(f => f.FirstAdvanceUtc != null),
            Interviewed = g.Count(f => f.Interviewed),
            Hired = g.Count(f => f.Hired),
            Sent = g.Count(f => f.InMailSent),
            Replied = g.Count(f => f.InMailReplied),
            Accepted = g.Count(f => f.InMailAccepted),
        });

    /// <summary>One row per export the viewer may see (jobs they are on; admins all), with what became of it.</summary>
    private static IQueryable<ExportFact> Facts(AttractDbContext db, Viewer viewer, DateTime fromUtc, DateTime toUtc, int? jobId)
    {
        var inMails = db.Set<LinkedInInMail>();
        return db.Set<LinkedInNotification>()
            .Where(n => n.Type == LinkedInExportProcessor.ExportType && n.Status == LinkedInNotificationStatus.Processed
                && n.ProcessedAtUtc >= fromUtc && n.ProcessedAtUtc < toUtc && n.ApplicationId != null)
            .Join(db.Applications.VisibleTo(viewer), n => n.ApplicationId, a => a.Id, (n, a) => new { n, a })
            .Where(x => x.a.CreatedAtUtc == x.n.ProcessedAtUtc && (jobId == null || x.a.JobId == jobId))
            .Select(x => new ExportFact
            {
                JobId = x.a.JobId,
                SeatUrn = x.n.SeatUrn ?? "",
                RecruiterId = x.a.History.Where(m => m.Kind == StageMoveKind.Added).OrderBy(m => m.Id).Select(m => m.ByUserId).FirstOrDefault(),
                Year = x.n.ProcessedAtUtc!.Value.Year,
                Month = x.n.ProcessedAtUtc!.Value.Month,
                ExportedUtc = x.n.ProcessedAtUtc!.Value,
                FirstAdvanceUtc = x.a.History
                    .Where(m => m.Kind == StageMoveKind.Moved && !db.JobStages.Any(s => s.Id == m.ToStageId && s.Kind == StageKind.Prospect))
                    .Min(m => (DateTime?)m.AtUtc),
                Interviewed = x.a.History.Any(m => m.Kind == StageMoveKind.Moved
                        && (m.ToStageName.ToLower().Contains(InterviewWord) || m.ToStageName.ToLower().Contains(ScreenWord)))
                    || db.Scorecards.Any(s => s.ApplicationId == x.a.Id),
                Hired = x.a.Status == ApplicationStatus.Active && db.JobStages.Any(s => s.Id == x.a.StageId && s.Kind == StageKind.Hired),
                // Looked up by the person (a few events each), the seat tested inside: a seat's history has thousands of events.
                InMailSent = inMails.Where(i => i.ProspectUrn == x.n.PersonUrn)
                    .Max(i => (int?)(i.SeatUrn == x.n.SeatUrn && i.EventType == InMailSent ? 1 : 0)) == 1,
                InMailReplied = inMails.Where(i => i.ProspectUrn == x.n.PersonUrn)
                    .Max(i => (int?)(i.SeatUrn == x.n.SeatUrn && ((i.EventType == InMailReply && i.SenderUrn != i.SeatUrn)
                        || i.EventType == InMailAccepted || i.EventType == InMailDeclined) ? 1 : 0)) == 1,
                InMailAccepted = inMails.Where(i => i.ProspectUrn == x.n.PersonUrn)
                    .Max(i => (int?)(i.SeatUrn == x.n.SeatUrn && i.EventType == InMailAccepted ? 1 : 0)) == 1,
            });
    }

    private static double? Median(List<double> values)
    {
        if (values.Count == 0)
        {
            return null;
        }
        values.Sort();
        var middle = values.Count / 2;
        return values.Count % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
    }

    private static double? Mean(List<double> values) => values.Count == 0 ? null : values.Average();

    /// <summary>The database's answer for one job, seat, recruiter and month.</summary>
    public sealed class SourcingGroup
    {
        public int JobId { get; init; }
        public string SeatUrn { get; init; } = "";
        public string? RecruiterId { get; init; }
        public int Year { get; init; }
        public int Month { get; init; }
        public int Exports { get; init; }
        public int Advanced { get; init; }
        public int Interviewed { get; init; }
        public int Hired { get; init; }
        public int Sent { get; init; }
        public int Replied { get; init; }
        public int Accepted { get; init; }
    }

    private sealed class ExportFact
    {
        public int JobId { get; init; }
        public string SeatUrn { get; init; } = "";
        public string? RecruiterId { get; init; }
        public int Year { get; init; }
        public int Month { get; init; }
        public DateTime ExportedUtc { get; init; }
        public DateTime? FirstAdvanceUtc { get; init; }
        public bool Interviewed { get; init; }
        public bool Hired { get; init; }
        public bool InMailSent { get; init; }
        public bool InMailReplied { get; init; }
        public bool InMailAccepted { get; init; }
    }
}
