using System.Security.Claims;
using Attract.Web.Integrations.LinkedIn;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Attract.Web.Pages.Settings.LinkedIn;

/// <summary>LinkedIn redirects the user here after they signed in with their own account.</summary>
[Authorize]
public class CallbackModel(LinkedInConnector connector) : PageModel
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
        StatusMessage = await connector.CompleteUserSignInAsync(HttpContext, User.FindFirstValue(ClaimTypes.NameIdentifier)!,
            code, state, error, errorDescription, ct);
        return RedirectToPage("./Index");
    }
}
