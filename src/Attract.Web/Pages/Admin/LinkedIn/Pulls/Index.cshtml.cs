using Attract.Core.Data;
using Attract.Core.LinkedIn;
using Attract.Web.Infrastructure;
using Attract.Web.Integrations.LinkedIn.Pulls;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Attract.Web.Pages.Admin.LinkedIn.Pulls;

/// <summary>Contract-level pulls per seat: last run, cursor and error; "Sync now" pulls every seat at once.</summary>
[Authorize(Policy = Policies.Admin)]
public class IndexModel(AttractDbContext db, LinkedInPuller puller) : PageModel
{
    public record CursorRow(string SeatUrn, string Kind, DateTime CursorUtc, DateTime? LastRunAtUtc, string? LastError);

    public IReadOnlyList<CursorRow> Cursors { get; private set; } = [];

    public LinkedInAccessLevel AccessLevel { get; private set; }

    public DateTime? LastPullAtUtc { get; private set; }

    [TempData]
    public string? StatusMessage { get; set; }

    public async Task OnGetAsync()
    {
        var connection = await db.Set<LinkedInConnection>().AsNoTracking().OrderBy(c => c.Id)
            .Select(c => new { c.CompanyLevelEnabled, c.ContractLevelEnabled, c.LastPullAtUtc }).FirstOrDefaultAsync();
        AccessLevel = connection is null ? LinkedInAccessLevel.None : LinkedInConnection.LevelOf(connection.CompanyLevelEnabled, connection.ContractLevelEnabled);
        LastPullAtUtc = connection?.LastPullAtUtc;
        Cursors = await db.Set<LinkedInPullCursor>().AsNoTracking().OrderBy(c => c.SeatUrn).ThenBy(c => c.Kind)
            .Select(c => new CursorRow(c.SeatUrn, c.Kind, c.CursorUtc, c.LastRunAtUtc, c.LastError)).ToListAsync();
    }

    public async Task<IActionResult> OnPostSyncAsync()
    {
        var result = await puller.RunAsync(force: true, HttpContext.RequestAborted);
        StatusMessage = result.Message;
        return RedirectToPage();
    }
}
