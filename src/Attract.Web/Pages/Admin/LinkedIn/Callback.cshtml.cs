using System.Security.Claims;
using System.Text.Json;
using Attract.Web.Infrastructure;
using Attract.Web.Integrations.LinkedIn;
using LinkedIn.Recruiter;
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
        var connection = await connector.GetConnectionAsync(ct);
        try
        {
            var token = await connector.CompleteSignInAsync(HttpContext, LinkedInConnector.AdminFlow, connector.ParentApp, code, state, error, errorDescription, ct);
            var me = await connector.Recruiter.GetMeAsync(token.AccessToken, ct);
            var contracts = await connector.Recruiter.GetRecruiterContractsAsync(token.AccessToken, ct);
            connection.AdminPersonUrn = me.PersonUrn;
            connection.ConnectedByUserId = User.FindFirstValue(ClaimTypes.NameIdentifier);
            var selected = contracts.Where(c => c.Selected).ToList();
            var chosen = selected.Count == 1 ? selected[0] : contracts.Count == 1 ? contracts[0] : null;
            if (contracts.Count == 0)
            {
                throw new LinkedInSignInException($"{me.LocalizedFirstName} {me.LocalizedLastName} holds no LinkedIn Recruiter seat, so there is no contract to connect.");
            }
            if (chosen is null)
            {
                connection.LastOutcome = $"Signed in to LinkedIn as {me.LocalizedFirstName} {me.LocalizedLastName}; choose the Recruiter contract to connect.";
                connection.LastError = null;
                TempData[PendingContractsKey] = JsonSerializer.Serialize(contracts.Select(c => new PendingContract(c.Id, c.Name ?? c.Id, c.Organization)).ToList());
                await connector.SaveAsync(ct);
                return RedirectToPage("./Index");
            }
            await connector.ConnectContractAsync(connection, chosen.Id, chosen.Name ?? chosen.Id, chosen.Organization, connector.BaseUrl(Request), ct);
            StatusMessage = connection.LastOutcome;
        }
        catch (Exception ex) when (ex is LinkedInApiException or LinkedInSignInException or HttpRequestException)
        {
            connection.LastError = LinkedInConnector.Describe(ex);
            StatusMessage = "Error: " + connection.LastError;
            await connector.SaveAsync(ct);
        }
        return RedirectToPage("./Index");
    }
}

public sealed record PendingContract(string Id, string Name, string? Organization);
