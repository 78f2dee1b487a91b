using Attract.Core.Data;
using Attract.Core.LinkedIn;
using LinkedIn.Recruiter;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Attract.Web.Integrations.LinkedIn;

/// <summary>
/// The admin's side of connecting Attract to a LinkedIn Recruiter contract: the tenant's connection row, the
/// 3-legged sign-in (the admin's and each user's, in <c>LinkedInConnector.SignIn.cs</c>), provisioning of the child
/// application and naming/configuring the integrations LinkedIn's widget requests. While LinkedIn is not configured the
/// clients are stand-ins that refuse every call (<see cref="LinkedInNotConfigured"/>); check <see cref="IsConfigured"/>.
/// </summary>
public sealed partial class LinkedInConnector(
    AttractDbContext db,
    LinkedInAvailability availability,
    LinkedInSecrets secrets,
    LinkedInOAuthState oauthState,
    IOptions<LinkedInIntegrationOptions> options,
    IOptions<LinkedInRecruiterOptions> recruiterOptions,
    ILinkedInOAuthClient oauth,
    ILinkedInProvisioningClient provisioning,
    ILinkedInIntegrationsClient integrations,
    ILinkedInMemberClient member,
    TimeProvider clock,
    ILogger<LinkedInConnector> logger)
{
    public const string AdminFlow = "Admin";
    public const string UserFlow = "User";
    public static readonly string[] Scopes = ["r_liteprofile"];

    public bool IsConfigured => availability.IsConfigured;

    public LinkedInIntegrationOptions Settings => options.Value;

    public LinkedInRecruiterOptions RecruiterOptions => recruiterOptions.Value;

    /// <summary>Attract's public origin: <c>LinkedIn:PublicBaseUrl</c>, or the current request's scheme and host.</summary>
    public string BaseUrl(HttpRequest request) => string.IsNullOrWhiteSpace(Settings.PublicBaseUrl)
        ? $"{request.Scheme}://{request.Host}"
        : Settings.PublicBaseUrl.TrimEnd('/');

    public static Uri RedirectUri(string baseUrl, string flow) =>
        new(baseUrl + (flow == AdminFlow ? "/Admin/LinkedIn/Callback" : "/Settings/LinkedIn/Callback"));

    public static string PushUrl(string baseUrl, string tenantId) => $"{baseUrl}/integrations/linkedin/push/{Uri.EscapeDataString(tenantId)}";

    public LinkedInAppCredentials ParentApp => new(RecruiterOptions.ParentClientId, RecruiterOptions.ParentClientSecret);

    /// <summary>The one connection row of this instance; created (with its tenant id) on first use.</summary>
    public async Task<LinkedInConnection> GetConnectionAsync(CancellationToken ct = default)
    {
        var connection = await db.Set<LinkedInConnection>().OrderBy(c => c.Id).FirstOrDefaultAsync(ct);
        if (connection is null)
        {
            var tenantId = string.IsNullOrWhiteSpace(Settings.TenantId) ? "attract-" + Guid.NewGuid().ToString("N")[..12] : Settings.TenantId.Trim();
            connection = new LinkedInConnection { TenantId = tenantId };
            db.Add(connection);
            await db.SaveChangesAsync(ct);
        }
        return connection;
    }

    public LinkedInAppCredentials? ChildApp(LinkedInConnection connection) =>
        connection is { ChildClientId: { } id, ChildClientSecretProtected: { } secret } ? new LinkedInAppCredentials(id, secrets.Unprotect(secret)) : null;

    /// <summary>Starts the 3-legged sign-in: saves state + PKCE verifier in a protected cookie and returns LinkedIn's URL.</summary>
    public Uri StartSignIn(HttpContext http, string flow, string clientId)
    {
        var request = oauth.CreateAuthorizationRequest(clientId, RedirectUri(BaseUrl(http.Request), flow), Scopes);
        oauthState.Save(http, flow, request);
        return request.Url;
    }

    /// <summary>Completes the sign-in: checks state, exchanges the code. Throws <see cref="LinkedInSignInException"/> with a reason for the user.</summary>
    public async Task<LinkedInUserToken> CompleteSignInAsync(HttpContext http, string flow, LinkedInAppCredentials app, string? code, string? state, string? error, string? errorDescription, CancellationToken ct)
    {
        var verifier = oauthState.Take(http, flow, state);
        if (!string.IsNullOrEmpty(error))
        {
            throw new LinkedInSignInException(error == "user_cancelled_authorize"
                ? "The LinkedIn sign-in was cancelled."
                : $"LinkedIn refused the sign-in ({error}{(string.IsNullOrEmpty(errorDescription) ? "" : ": " + errorDescription)}).");
        }
        if (verifier is null)
        {
            throw new LinkedInSignInException("The LinkedIn sign-in could not be verified (state mismatch or expired). Please try again.");
        }
        if (string.IsNullOrEmpty(code))
        {
            throw new LinkedInSignInException("LinkedIn returned no authorization code.");
        }
        return await oauth.ExchangeCodeAsync(app, code, RedirectUri(BaseUrl(http.Request), flow), verifier, ct);
    }

    /// <summary>
    /// Creates (or, on 409, finds and updates) the tenant's child application and stores its credentials encrypted.
    /// </summary>
    public async Task ProvisionAsync(LinkedInConnection connection, string baseUrl, CancellationToken ct)
    {
        var name = ApplicationName(Settings.CustomerName);
        var callbacks = new[] { RedirectUri(baseUrl, AdminFlow).ToString(), RedirectUri(baseUrl, UserFlow).ToString() };
        var origin = new Uri(baseUrl).GetLeftPart(UriPartial.Authority);
        ProvisionedApplication? app;
        try
        {
            app = await provisioning.CreateApplicationAsync(new ProvisionApplicationRequest
            {
                UniqueForeignId = connection.TenantId,
                Name = name,
                Description = $"Attract ATS for {Settings.CustomerName}",
                Oauth2AuthorizedCallbackUrls = callbacks,
                ValidJsSdkDomains = [origin],
            }, ct);
            connection.LastOutcome = $"Provisioned the application \"{name}\" (client id {app.Credentials?.ClientId}).";
        }
        catch (LinkedInApiException ex) when (ex.StatusCode == System.Net.HttpStatusCode.Conflict)
        {
            app = await provisioning.FindApplicationByUniqueForeignIdAsync(connection.TenantId, ct)
                ?? throw new LinkedInSignInException($"LinkedIn reports an application for tenant {connection.TenantId} but it could not be found.");
            await provisioning.UpdateApplicationAsync(app.Key, new ProvisionedApplicationUpdate
            {
                Name = name,
                Oauth2AuthorizedCallbackUrls = callbacks,
                ValidJsSdkDomains = [origin],
            }, ct);
            connection.LastOutcome = $"Found the existing application \"{name}\" (client id {app.Credentials?.ClientId}) and updated it.";
        }
        var credentials = app.ToAppCredentials() ?? throw new LinkedInSignInException("LinkedIn returned the application without credentials.");
        connection.ChildApplicationUrn = app.Key;
        connection.ChildClientId = credentials.ClientId;
        connection.ChildClientSecretProtected = secrets.Protect(credentials.ClientSecret);
        connection.LastError = null;
        LogProvisioned(logger, connection.TenantId, credentials.ClientId);
    }

    public Task SaveAsync(CancellationToken ct) => db.SaveChangesAsync(ct);

    /// <summary>Stores the chosen contract, provisions the child application and saves; failures land in LastError.</summary>
    public async Task ConnectContractAsync(LinkedInConnection connection, string contractUrn, string contractName, string? organizationUrn, string baseUrl, CancellationToken ct)
    {
        connection.ContractUrn = contractUrn;
        connection.ContractName = contractName;
        connection.OrganizationUrn = organizationUrn;
        connection.ConnectedAtUtc = clock.GetUtcNow().UtcDateTime;
        await ProvisionAsync(connection, baseUrl, ct);
        connection.LastOutcome = $"Connected contract \"{contractName}\". " + connection.LastOutcome;
        await db.SaveChangesAsync(ct);
    }

    /// <summary>"Attract - {customer}", trimmed to LinkedIn's rules (≤ 50 characters, no "LinkedIn").</summary>
    public static string ApplicationName(string customer)
    {
        var cleaned = string.Join(' ', customer.Replace("LinkedIn", "", StringComparison.OrdinalIgnoreCase).Split(' ', StringSplitOptions.RemoveEmptyEntries));
        var name = "Attract - " + cleaned;
        return name.Length <= 50 ? name : name[..50].TrimEnd();
    }

    public static string IntegrationName(string customer, string type) => $"{customer} Attract " + type switch
    {
        AtsIntegrationTypes.OneClickExport => "One-Click Export",
        AtsIntegrationTypes.InAtsIndicator => "In-ATS Indicator",
        AtsIntegrationTypes.ProfilePlugin => "Profile Widget",
        AtsIntegrationTypes.CsaApi => "Recruiter Activity",
        _ => type,
    };

    /// <summary>
    /// Handles a widget request (onintegrate): names every requested integration, sets CALLBACK_URL and the viewers
    /// configuration. Idempotent: a repeated request (Notify partner) sets the same values again.
    /// </summary>
    public async Task<string> AcceptIntegrationRequestAsync(LinkedInConnection connection, IReadOnlyList<AtsIntegrationKey> keys, string baseUrl, CancellationToken ct)
    {
        var app = ChildApp(connection) ?? throw new LinkedInSignInException("Attract is not connected to LinkedIn yet.");
        var customer = Settings.CustomerName;
        var names = keys.Distinct().ToDictionary(k => k, k => IntegrationName(customer, k.IntegrationType));
        var named = await integrations.SetIntegrationNamesAsync(app, names, ct);
        if (!named.AllSucceeded)
        {
            var f = named.Failed[0];
            throw new LinkedInSignInException($"LinkedIn refused the integration name for {f.Key.IntegrationType}: {f.Status} {f.Code} {f.Message}");
        }
        var callback = PushUrl(baseUrl, connection.TenantId);
        foreach (var key in names.Keys)
        {
            var values = key.IntegrationType switch
            {
                AtsIntegrationTypes.OneClickExport => new Dictionary<string, string>
                {
                    [AtsIntegrationTypes.CallbackUrlConfiguration] = callback,
                    [AtsIntegrationTypes.JobPostingViewersConfiguration] = AtsIntegrationTypes.AllProductUsers,
                },
                AtsIntegrationTypes.InAtsIndicator => new Dictionary<string, string>
                {
                    [AtsIntegrationTypes.CallbackUrlConfiguration] = callback,
                    [AtsIntegrationTypes.ApplicationViewersConfiguration] = AtsIntegrationTypes.AllProductUsers,
                },
                _ => null,
            };
            if (values is null)
            {
                continue;
            }
            var set = await integrations.SetIntegrationConfigurationsAsync(app, key, values, ct);
            if (!set.AllSucceeded)
            {
                var f = set.Failed[0];
                throw new LinkedInSignInException($"LinkedIn refused the configuration {f.Key} of {key.IntegrationType}: {f.Status} {f.Code} {f.Message}");
            }
        }
        connection.IntegrationsNamedAtUtc = clock.GetUtcNow().UtcDateTime;
        var types = string.Join(", ", names.Keys.Select(k => k.IntegrationType).Distinct());
        return $"Named and configured the requested integrations ({types}); LinkedIn now shows Partner ready.";
    }

    /// <summary>Describes a LinkedIn failure for the admin, without secrets.</summary>
    public static string Describe(Exception ex) => ex switch
    {
        LinkedInAuthException a => $"LinkedIn authentication failed: {(int)a.StatusCode} {a.ErrorCode} – {a.Message}",
        LinkedInApiException a => $"LinkedIn API error: {(int)a.StatusCode} {a.ErrorCode} – {a.Message}",
        LinkedInSignInException s => s.Message,
        HttpRequestException h => $"LinkedIn could not be reached: {h.Message}",
        _ => $"Unexpected error: {ex.Message}",
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "Provisioned LinkedIn child application for tenant {TenantId}: client id {ClientId}")]
    private static partial void LogProvisioned(ILogger logger, string tenantId, string clientId);
}

/// <summary>A step of the LinkedIn connection failed, with a reason fit to show the user.</summary>
public sealed class LinkedInSignInException(string message) : Exception(message);
