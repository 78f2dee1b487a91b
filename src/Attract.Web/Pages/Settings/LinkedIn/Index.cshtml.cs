using System.Security.Claims;
using Attract.Core.Data;
using Attract.Core.LinkedIn;
using Attract.Web.Integrations.LinkedIn;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Attract.Web.Pages.Settings.LinkedIn;

/// <summary>User settings → LinkedIn: connect one's own LinkedIn account and see the Recruiter seat it maps to.</summary>
[Authorize]
public class IndexModel(AttractDbContext db, LinkedInConnector connector, LinkedInCapabilities capabilities) : PageModel
{
    public record LinkView(string PersonUrn, string? LinkedInName, string? SeatUrn, string? ContractUrn, string? SeatMessage, DateTime ConnectedAtUtc);

    public record CompanyView(bool Connected, string? ContractUrn, string? ContractName);

    [TempData]
    public string? StatusMessage { get; set; }

    public bool IsConfigured => connector.IsConfigured;

    public LinkedInAccountView Account { get; private set; } = null!;

    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    public async Task OnGetAsync(CancellationToken ct) =>
        Account = await LinkedInAccountView.LoadAsync(db, connector, capabilities, UserId, ct);

    public async Task<IActionResult> OnPostConnectAsync(CancellationToken ct)
    {
        if (!connector.IsConfigured)
        {
            StatusMessage = "Error: LinkedIn is not configured on this server.";
            return RedirectToPage();
        }
        var app = await connector.UserSignInAppAsync(ct);
        return Redirect(connector.StartSignIn(HttpContext, LinkedInConnector.UserFlow, app.ClientId).ToString());
    }

    public async Task<IActionResult> OnPostDisconnectAsync(CancellationToken ct)
    {
        var link = await db.Set<LinkedInUserLink>().FirstOrDefaultAsync(l => l.UserId == UserId, ct);
        if (link is not null)
        {
            db.Remove(link);
            await db.SaveChangesAsync(ct);
        }
        StatusMessage = "Your LinkedIn account is disconnected from Attract.";
        return RedirectToPage();
    }
}
