using System.Security.Claims;
using Attract.Core.Data;
using Attract.Core.LinkedIn;
using Attract.Web.Integrations.LinkedIn;
using LinkedIn.Recruiter;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Attract.Web.Pages.Settings.LinkedIn;

/// <summary>LinkedIn redirects the user here after they signed in with their own account.</summary>
[Authorize]
public class CallbackModel(AttractDbContext db, LinkedInConnector connector, LinkedInSecrets secrets, TimeProvider clock) : PageModel
{
    [TempData]
    public string? StatusMessage { get; set; }

    public async Task<IActionResult> OnGetAsync(string? code, string? state, string? error,
        [FromQuery(Name = "error_description")] string? errorDescription, CancellationToken ct)
    {
        if (!connector.IsConfigured)
        {
            return RedirectToPage("./Index");
        }
        try
        {
            var app = await SeatMapping.SignInAppAsync(connector, ct);
            var token = await connector.CompleteSignInAsync(HttpContext, LinkedInConnector.UserFlow, app, code, state, error, errorDescription, ct);
            var me = await connector.Recruiter.GetMeAsync(token.AccessToken, ct);
            var contracts = await connector.Recruiter.GetRecruiterContractsAsync(token.AccessToken, ct);
            var userId = User.FindFirstValue(ClaimTypes.NameIdentifier)!;
            var link = await db.Set<LinkedInUserLink>().FirstOrDefaultAsync(l => l.UserId == userId, ct);
            if (link is null)
            {
                link = new LinkedInUserLink { UserId = userId };
                db.Add(link);
            }
            var now = clock.GetUtcNow().UtcDateTime;
            link.PersonUrn = me.PersonUrn;
            link.LinkedInName = $"{me.LocalizedFirstName} {me.LocalizedLastName}".Trim();
            link.AccessTokenProtected = secrets.Protect(token.AccessToken);
            link.RefreshTokenProtected = token.RefreshToken is null ? null : secrets.Protect(token.RefreshToken);
            link.ConnectedAtUtc = now;
            link.SeatCheckedAtUtc = now;
            SeatMapping.Apply(link, await connector.GetConnectionAsync(ct), contracts);
            await db.SaveChangesAsync(ct);
            StatusMessage = link.SeatUrn is null
                ? $"Connected your LinkedIn account ({link.LinkedInName}). {link.SeatMessage}"
                : $"Connected your LinkedIn account ({link.LinkedInName}) and mapped your Recruiter seat {link.SeatUrn}.";
        }
        catch (Exception ex) when (ex is LinkedInApiException or LinkedInSignInException or HttpRequestException)
        {
            StatusMessage = "Error: " + LinkedInConnector.Describe(ex);
        }
        return RedirectToPage("./Index");
    }
}
