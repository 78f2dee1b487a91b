using Attract.Core.Data;
using Attract.Core.LinkedIn;
using Attract.Web.Infrastructure;
using Attract.Web.Integrations.LinkedIn.Export;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Attract.Web.Pages.Admin.LinkedIn.Exports;

/// <summary>Recent 1-Click Exports from LinkedIn Recruiter: who exported whom into which job, and what happened.</summary>
[Authorize(Policy = Policies.Admin)]
public class IndexModel(AttractDbContext db) : PageModel
{
    public const int PageSize = 100;

    public sealed record Row(DateTime ReceivedAtUtc, string RequestId, string? PersonUrn, string? CandidateName, int? CandidateId,
        string? JobCode, int? JobId, string? SeatUrn, string? UserName, LinkedInNotificationStatus Status, string? Outcome, int Attempts);

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public async Task OnGetAsync()
    {
        Rows = await db.Set<LinkedInNotification>().AsNoTracking()
            .Where(n => n.Type == LinkedInExportProcessor.ExportType)
            .OrderByDescending(n => n.Id).Take(PageSize)
            .Select(n => new Row(
                n.ReceivedAtUtc, n.NotificationId, n.PersonUrn,
                db.Candidates.Where(c => c.Id == n.CandidateId).Select(c => c.FirstName + " " + c.LastName).FirstOrDefault(),
                n.CandidateId, n.JobCode,
                db.Jobs.Where(j => j.Code == n.JobCode).Select(j => (int?)j.Id).FirstOrDefault(),
                n.SeatUrn,
                db.Set<LinkedInUserLink>().Where(l => l.SeatUrn == n.SeatUrn && n.SeatUrn != null)
                    .Join(db.Users, l => l.UserId, u => u.Id, (l, u) => u.DisplayName).FirstOrDefault(),
                n.Status, n.Outcome, n.Attempts))
            .ToListAsync();
    }
}
