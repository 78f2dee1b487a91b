using System.Security.Claims;
using System.Text.Json;
using Attract.Web.Infrastructure;
using Attract.Web.Integrations.LinkedIn;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Attract.Web.Pages.Admin.LinkedIn;

/// <summary>LinkedIn redirects the admin here after the 3-legged sign-in (<c>?code&amp;state</c> or <c>?error</c>).</summary>
[Authorize(Policy = Policies.Admin)]
public class CallbackModel(LinkedInConnector connector) : PageModel
{
    public const string PendingContractsKey = "LinkedIn.PendingContracts";

    [TempData]
    public string? StatusMessage { get; set; }

    public async Task<IActionResult> OnGetAsync(string? code, string? state, string? error,
        [FromQuery(Name = "error_description")] string? errorDescription, CancellationToken ct)
    {
        if (!connector.IsConfigured)
        {
            return RedirectToPage("./Index");
        }
        var result = await connector.CompleteAdminSignInAsync(HttpContext, User.FindFirstValue(ClaimTypes.NameIdentifier),
            code, state, error, errorDescription, ct);
        if (result.ContractsToChoose.Count > 0)
        {
            TempData[PendingContractsKey] = JsonSerializer.Serialize(result.ContractsToChoose);
        }
        if (result.StatusMessage is not null)
        {
            StatusMessage = result.StatusMessage;
        }
        return RedirectToPage("./Index");
    }
}
