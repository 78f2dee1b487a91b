using System.Security.Claims;
using Attract.Core.Data;
using Attract.Core.Jobs;
using Attract.Core.LinkedIn;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Attract.Web.Integrations.LinkedIn.Export;

/// <summary>
/// The minimal notification of 1-Click Exports: on the home page, recruiters and hiring managers see the candidates
/// exported from LinkedIn into the jobs they are on the hiring team of (last 14 days).
/// </summary>
public sealed class LinkedInExportsViewComponent(AttractDbContext db, TimeProvider clock) : ViewComponent
{
    public sealed record Item(DateTime AtUtc, int CandidateId, string Candidate, int? ApplicationId, string JobCode, string JobTitle);

    public async Task<IViewComponentResult> InvokeAsync()
    {
        var userId = UserClaimsPrincipal.FindFirstValue(ClaimTypes.NameIdentifier);
        if (userId is null)
        {
            return Content("");
        }
        var since = clock.GetUtcNow().UtcDateTime.AddDays(-14);
        var items = await db.Set<LinkedInNotification>().AsNoTracking()
            .Where(n => n.Type == LinkedInExportProcessor.ExportType && n.Status == LinkedInNotificationStatus.Processed
                && n.CandidateId != null && n.ReceivedAtUtc >= since)
            .Join(db.Jobs, n => n.JobCode, j => j.Code, (n, j) => new { n, j })
            .Where(x => x.j.Team.Any(t => t.UserId == userId && (t.Role == TeamRole.Recruiter || t.Role == TeamRole.HiringManager)))
            .Join(db.Candidates, x => x.n.CandidateId, c => c.Id, (x, c) => new { x.n, x.j, c })
            .OrderByDescending(x => x.n.Id).Take(10)
            .Select(x => new Item(x.n.ProcessedAtUtc ?? x.n.ReceivedAtUtc, x.c.Id, x.c.FirstName + " " + x.c.LastName, x.n.ApplicationId, x.j.Code, x.j.Title))
            .ToListAsync();
        return items.Count == 0 ? Content("") : View(items);
    }
}
