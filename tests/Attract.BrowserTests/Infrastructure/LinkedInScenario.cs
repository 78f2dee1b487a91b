using System.Net.Http.Json;
using Attract.Core.Data;
using Attract.Core.LinkedIn;
using Attract.Testing;
using Attract.Web.Integrations.LinkedIn;
using LinkedIn.Recruiter;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Attract.BrowserTests.Infrastructure;

/// <summary>
/// Attract with the LinkedIn simulator in-process, both on 127.0.0.1 (same site, so LinkedIn's session cookie works
/// inside the widget iframes), and a fast way to reach a connected, enabled integration. The admin's path through the
/// screens is covered by its own browser test; other tests start from here.
/// </summary>
public static class LinkedInScenario
{
    public const string Organization = "urn:li:organization:1001";
    public const string GlobalContract = "urn:li:contract:7001";

    public static KestrelAttractFactory CreateApp()
    {
        var app = new KestrelAttractFactory();
        app.Settings["LinkedIn:Simulator:Enabled"] = "true";
        app.Settings["LinkedIn:Simulator:Urls"] = "http://127.0.0.1:0";
        app.Settings["LinkedIn:Simulator:NotifyPartnerDelay"] = "00:00:02";
        app.Settings["LinkedIn:TenantId"] = "tenant-" + Guid.NewGuid().ToString("N")[..8];
        return app;
    }

    public static string SimulatorUrl(this KestrelAttractFactory app)
    {
        _ = app.BaseUrl;
        return app.Services.GetRequiredService<LinkedInSimulatorEndpoint>().BaseUrl
            ?? throw new InvalidOperationException("The LinkedIn simulator is not running; create the app with LinkedInScenario.CreateApp().");
    }

    /// <summary>
    /// Connects Attract to the Global contract, names the integrations, and has LinkedIn's admin enable company-level
    /// (and optionally contract-level) access; returns once Attract has applied the signed status push.
    /// </summary>
    public static async Task<LinkedInConnection> ConnectAsync(KestrelAttractFactory app, bool contractLevel)
    {
        var simulator = app.SimulatorUrl();
        var childClientId = await NameIntegrationsAsync(app, contractLevel);
        using var http = new HttpClient();
        (await http.PostAsJsonAsync(simulator + "/_sim/integrations", new
        {
            clientId = childClientId,
            integrationContext = Organization,
            integrationTypes = new[] { AtsIntegrationTypes.InAtsIndicator, AtsIntegrationTypes.OneClickExport, AtsIntegrationTypes.ProfilePlugin },
            status = "ENABLED",
            push = true,
        })).EnsureSuccessStatusCode();
        if (contractLevel)
        {
            (await http.PostAsJsonAsync(simulator + "/_sim/integrations", new
            {
                clientId = childClientId,
                integrationContext = GlobalContract,
                integrationTypes = new[] { AtsIntegrationTypes.CsaApi },
                status = "ENABLED",
                push = true,
            })).EnsureSuccessStatusCode();
        }
        return await WaitForAsync(app, c => c.CompanyLevelEnabled && (!contractLevel || c.ContractLevelEnabled));
    }

    /// <summary>
    /// Connects Attract to the Global contract and names both levels' integrations, leaving them "Partner ready" in LinkedIn's
    /// Admin Settings → ATS, where the LinkedIn admin turns them on. Returns the child application's client id.
    /// </summary>
    public static async Task<string> PartnerReadyAsync(KestrelAttractFactory app)
    {
        var childClientId = await NameIntegrationsAsync(app, contractLevel: true);
        using var http = new HttpClient();
        foreach (var context in new[] { Organization, GlobalContract })
        {
            (await http.PostAsJsonAsync(app.SimulatorUrl() + "/_sim/integrations", new { clientId = childClientId, integrationContext = context, status = "PARTNER_READY" }))
                .EnsureSuccessStatusCode();
        }
        return childClientId;
    }

    private static async Task<string> NameIntegrationsAsync(KestrelAttractFactory app, bool contractLevel)
    {
        var baseUrl = app.BaseUrl;
        string childClientId;
        using (var scope = app.Services.CreateScope())
        {
            var connector = scope.ServiceProvider.GetRequiredService<LinkedInConnector>();
            var connection = await connector.GetConnectionAsync();
            await connector.ConnectContractAsync(connection, GlobalContract, "Contoso – Global", Organization, baseUrl, default);
            List<AtsIntegrationKey> keys =
            [
                new(Organization, AtsIntegrationTypes.InAtsIndicator),
                new(Organization, AtsIntegrationTypes.OneClickExport),
                new(Organization, AtsIntegrationTypes.ProfilePlugin),
            ];
            if (contractLevel)
            {
                keys.Add(new(GlobalContract, AtsIntegrationTypes.CsaApi));
            }
            await connector.AcceptIntegrationRequestAsync(connection, keys, baseUrl, default);
            await connector.SaveAsync(default);
            childClientId = connection.ChildClientId!;
        }
        return childClientId;
    }

    /// <summary>Polls Attract's connection row until <paramref name="condition"/> holds (pushes arrive asynchronously).</summary>
    public static async Task<LinkedInConnection> WaitForAsync(KestrelAttractFactory app, Func<LinkedInConnection, bool> condition, int seconds = 20)
    {
        try
        {
            return await Eventually.ValueAsync(async () =>
            {
                using var scope = app.Services.CreateScope();
                var connection = await scope.ServiceProvider.GetRequiredService<AttractDbContext>()
                    .Set<LinkedInConnection>().AsNoTracking().FirstOrDefaultAsync();
                return connection is not null && condition(connection) ? connection : null;
            }, "the LinkedIn connection to reach the expected state", TimeSpan.FromSeconds(seconds));
        }
        catch (TimeoutException ex)
        {
            using var http = new HttpClient();
            var pushes = await http.GetStringAsync(app.SimulatorUrl() + "/_sim/pushes");
            throw new TimeoutException(ex.Message + " Simulator pushes: " + pushes, ex);
        }
    }
}
