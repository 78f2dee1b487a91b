using System.Text.Json;
using Attract.Core.Data;
using Attract.Core.LinkedIn;
using Attract.Web.Infrastructure;
using Attract.Web.Integrations.LinkedIn;
using LinkedIn.Recruiter;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Attract.Web.Pages.Admin.LinkedIn;

/// <summary>Admin settings → LinkedIn integration: connect a contract, the onboarding widget, status, disconnect.</summary>
[Authorize(Policy = Policies.Admin)]
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(RateLimitSetup.LinkedInJsonPolicy)]
public class IndexModel(AttractDbContext db, LinkedInConnector connector) : PageModel
{
    public sealed class InputModel
    {
        public string? ContractUrn { get; set; }

        public bool ConfirmDisconnect { get; set; }
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    [TempData]
    public string? StatusMessage { get; set; }

    public bool IsConfigured => connector.IsConfigured;

    public ConnectionView? Connection { get; private set; }

    public IReadOnlyList<PendingContract> PendingContracts { get; private set; } = [];

    public IReadOnlyList<LinkedInCapability> Capabilities => Connection is null ? [] : LinkedInCapabilities.For(Connection.AccessLevel);

    public string? PlatformScriptUrl { get; private set; }

    public string? PlatformBaseUrl { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public IActionResult OnPostConnect()
    {
        if (!connector.IsConfigured)
        {
            StatusMessage = "Error: LinkedIn is not configured on this server (see docs/operations.md).";
            return RedirectToPage();
        }
        return Redirect(connector.StartSignIn(HttpContext, LinkedInConnector.AdminFlow, connector.RecruiterOptions.ParentClientId).ToString());
    }

    public async Task<IActionResult> OnPostSelectContractAsync(CancellationToken ct)
    {
        var pending = ReadPending(keep: true);
        var chosen = pending.FirstOrDefault(c => c.Id == Input.ContractUrn);
        if (chosen is null)
        {
            ModelState.AddModelError("Input.ContractUrn", "Choose one of your Recruiter contracts.");
            await LoadAsync(ct);
            return Page();
        }
        var connection = await connector.GetConnectionAsync(ct);
        try
        {
            await connector.ConnectContractAsync(connection, chosen.Id, chosen.Name, chosen.Organization, connector.BaseUrl(Request), ct);
            TempData.Remove(CallbackModel.PendingContractsKey);
            StatusMessage = connection.LastOutcome;
        }
        catch (Exception ex) when (ex is LinkedInApiException or LinkedInSignInException or HttpRequestException or ArgumentException)
        {
            connection.LastError = LinkedInConnector.Describe(ex);
            StatusMessage = "Error: " + connection.LastError;
            await connector.SaveAsync(ct);
        }
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostDisconnectAsync(CancellationToken ct)
    {
        if (!Input.ConfirmDisconnect)
        {
            ModelState.AddModelError("Input.ConfirmDisconnect", "Tick the box to confirm that you want to disconnect LinkedIn.");
            await LoadAsync(ct);
            return Page();
        }
        var connection = await connector.GetConnectionAsync(ct);
        connection.Disconnect();
        connection.LastOutcome = "Disconnected from LinkedIn. Connect again to use the integration.";
        connection.LastError = null;
        await connector.SaveAsync(ct);
        StatusMessage = connection.LastOutcome;
        return RedirectToPage();
    }

    /// <summary>Called by the widget's <c>data-onintegrate</c> callback (JSON body, antiforgery token in a header).</summary>
    public async Task<IActionResult> OnPostIntegrateAsync(CancellationToken ct)
    {
        var (keys, errors) = await IntegrationRequest.ReadAsync(Request.Body, ct);
        if (keys is null)
        {
            return new BadRequestObjectResult(new ValidationProblemDetails(errors) { Title = "The integration request is not valid.", Status = 400 });
        }
        var connection = await connector.GetConnectionAsync(ct);
        if (!connection.IsProvisioned)
        {
            return new ConflictObjectResult(new ProblemDetails { Title = "Attract is not connected to LinkedIn yet.", Status = 409 });
        }
        try
        {
            connection.LastOutcome = await connector.AcceptIntegrationRequestAsync(connection, keys, connector.BaseUrl(Request), ct);
            connection.LastError = null;
            await connector.SaveAsync(ct);
            return new JsonResult(new { ok = true, message = connection.LastOutcome });
        }
        catch (Exception ex) when (ex is LinkedInApiException or LinkedInSignInException or HttpRequestException)
        {
            connection.LastError = "Naming the requested integrations failed: " + LinkedInConnector.Describe(ex);
            await connector.SaveAsync(ct);
            return new ObjectResult(new ProblemDetails { Title = connection.LastError, Status = 502 }) { StatusCode = 502 };
        }
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        PendingContracts = ReadPending(keep: true);
        if (!connector.IsConfigured)
        {
            return;
        }
        var id = (await connector.GetConnectionAsync(ct)).Id;
        Connection = await db.Set<LinkedInConnection>().AsNoTracking()
            .Where(c => c.Id == id)
            .Select(c => new ConnectionView(c.TenantId, c.OrganizationUrn, c.ContractUrn, c.ContractName, c.AdminPersonUrn,
                c.ChildApplicationUrn, c.ChildClientId, c.ChildClientId != null && c.ChildClientSecretProtected != null,
                c.CompanyLevelEnabled, c.ContractLevelEnabled, c.LastOutcome, c.LastError))
            .SingleAsync(ct);
        var options = connector.RecruiterOptions;
        PlatformScriptUrl = options.GetPlatformScriptUrl().ToString();
        PlatformBaseUrl = options.PlatformBaseUrl.TrimEnd('/');
    }

    private List<PendingContract> ReadPending(bool keep)
    {
        var json = keep ? TempData.Peek(CallbackModel.PendingContractsKey) as string : TempData[CallbackModel.PendingContractsKey] as string;
        return json is null ? [] : JsonSerializer.Deserialize<List<PendingContract>>(json) ?? [];
    }
}
