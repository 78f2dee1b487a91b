using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Attract.Core.Data;
using Attract.Core.LinkedIn;
using Attract.IntegrationTests.Infrastructure;
using Attract.Web.Integrations.LinkedIn;
using LinkedIn.Recruiter;
using Microsoft.Extensions.DependencyInjection;

namespace Attract.IntegrationTests.Integrations.LinkedIn.Pulls;

/// <summary>Attract with the in-process simulator, connected to the Global contract without pushes (levels set directly).</summary>
public sealed class SimulatedLinkedIn : IDisposable
{
    public const string Organization = "urn:li:organization:1001";
    public const string Contract = "urn:li:contract:7001";
    public const string RecruiterSeat = "urn:li:seat:9002";
    public const string HiringManagerSeat = "urn:li:seat:9003";

    private readonly HttpClient _http = new();

    private SimulatedLinkedIn(AttractFactory factory) => Factory = factory;

    public AttractFactory Factory { get; }

    public string SimulatorUrl => Factory.Services.GetRequiredService<LinkedInAvailability>().Simulator.BaseUrl!;

    public LinkedInAppCredentials ChildApp { get; private set; } = null!;

    public static async Task<SimulatedLinkedIn> CreateAsync(bool contractLevel = true, IReadOnlyDictionary<string, string>? settings = null)
    {
        var factory = new AttractFactory()
            .WithSetting("LinkedIn:Simulator:Enabled", "true")
            .WithSetting("LinkedIn:Simulator:Urls", "http://127.0.0.1:0")
            .WithSetting("LinkedIn:TenantId", "tenant-" + Guid.NewGuid().ToString("N")[..8])
            .WithSetting("LinkedIn:Pulls:JobsEnabled", "false")
            // These tests drive pulls and links themselves: keep the other background work (outbox drain, job-posting
            // sync, export intake) from writing to the same SQLite file at the same time.
            .WithSetting("LinkedIn:Background:Enabled", "false");
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            factory.WithSetting(key, value);
        }
        factory.CreateClient().Dispose();
        var linkedIn = new SimulatedLinkedIn(factory);
        using (var scope = factory.Services.CreateScope())
        {
            var connector = scope.ServiceProvider.GetRequiredService<LinkedInConnector>();
            var connection = await connector.GetConnectionAsync();
            await connector.ConnectContractAsync(connection, Contract, "Contoso – Global", Organization, "http://localhost", default);
            List<AtsIntegrationKey> keys =
            [
                new(Organization, AtsIntegrationTypes.InAtsIndicator),
                new(Organization, AtsIntegrationTypes.OneClickExport),
                new(Organization, AtsIntegrationTypes.ProfilePlugin),
                new(Contract, AtsIntegrationTypes.CsaApi),
            ];
            await connector.AcceptIntegrationRequestAsync(connection, keys, "http://localhost", default);
            connection.CompanyLevelEnabled = true;
            connection.ContractLevelEnabled = contractLevel;
            await connector.SaveAsync(default);
            linkedIn.ChildApp = connector.ChildApp(connection)!;
        }
        await linkedIn.EnableAsync(Organization, [AtsIntegrationTypes.InAtsIndicator, AtsIntegrationTypes.OneClickExport, AtsIntegrationTypes.ProfilePlugin]);
        if (contractLevel)
        {
            await linkedIn.EnableAsync(Contract, [AtsIntegrationTypes.CsaApi]);
        }
        return linkedIn;
    }

    private async Task EnableAsync(string context, string[] types) =>
        (await _http.PostAsJsonAsync(SimulatorUrl + "/_sim/integrations", new
        {
            clientId = ChildApp.ClientId,
            integrationContext = context,
            integrationTypes = types,
            status = "ENABLED",
            push = false,
        })).EnsureSuccessStatusCode();

    /// <summary>Generated members of the simulator (id, urn, firstName, lastName, email…).</summary>
    public async Task<JsonArray> MembersAsync(int count = 40) =>
        (JsonNode.Parse(await _http.GetStringAsync($"{SimulatorUrl}/_sim/members?count={count}")) as JsonArray)!;

    public async Task<JsonObject> SendInMailAsync(string seat, string memberId, string subject, string body, string? respond = null, bool share = false) =>
        (JsonNode.Parse(await (await _http.PostAsJsonAsync(SimulatorUrl + "/_sim/inmails", new
        {
            seat,
            memberId,
            subject,
            body,
            respond,
            reply = respond is null ? null : "Happy to talk.",
            shareProfile = share,
            shareEmail = share,
            sharePhone = false,
        })).EnsureSuccessStatusCode().Content.ReadAsStringAsync()) as JsonObject)!;

    public async Task<string> AddNoteAsync(string seat, string memberId, string note, string visibility = "PUBLIC") =>
        JsonNode.Parse(await (await _http.PostAsJsonAsync(SimulatorUrl + "/_sim/notes", new { seat, memberId, note, visibility }))
            .EnsureSuccessStatusCode().Content.ReadAsStringAsync())!["id"]!.ToString();

    public async Task DeleteNoteAsync(string id) =>
        (await _http.PostAsJsonAsync($"{SimulatorUrl}/_sim/notes/{Uri.EscapeDataString(id)}/delete", new { })).EnsureSuccessStatusCode();

    /// <summary>Moves the simulator's clock (what LinkedIn stamps new items with); negative goes back.</summary>
    public async Task AdvanceClockAsync(TimeSpan by) =>
        (await _http.PostAsJsonAsync(SimulatorUrl + "/_sim/clock", new { advanceMs = (long)by.TotalMilliseconds })).EnsureSuccessStatusCode();

    /// <summary>Changes the simulator's run-time settings (<c>/_sim/settings</c>).</summary>
    public async Task SimulatorSettingsAsync(object settings) =>
        (await _http.PostAsJsonAsync(SimulatorUrl + "/_sim/settings", settings)).EnsureSuccessStatusCode();

    /// <summary>Maps an Attract user to a Recruiter seat (what Settings → LinkedIn stores).</summary>
    public async Task MapUserAsync(string email, string seat, string personUrn, string name)
    {
        var userId = await Factory.UserIdAsync(email);
        await Factory.WithDbAsync(async db =>
        {
            db.Add(new LinkedInUserLink { UserId = userId, PersonUrn = personUrn, LinkedInName = name, SeatUrn = seat, ContractUrn = Contract, ConnectedAtUtc = DateTime.UtcNow });
            await db.SaveChangesAsync();
            return 0;
        });
    }

    /// <summary>Syncs the candidate to LinkedIn (what the outbox drain does), so the widget and manualMatchedMember know it.</summary>
    public async Task SyncCandidateAsync(int candidateId, string firstName, string lastName)
    {
        var client = Factory.Services.GetRequiredService<ILinkedInSyncClient>();
        var key = new AtsCandidateKey(Organization, candidateId.ToString(CultureInfo.InvariantCulture));
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var result = await client.UpsertCandidatesAsync(ChildApp, [new(key, new AtsCandidate { FirstName = firstName, LastName = lastName, AtsCreatedAt = now, AtsLastModifiedAt = now })]);
        Assert.True(result.AllSucceeded, string.Join(", ", result.Failed.Select(f => f.Message)));
    }

    public async Task<T> WithDbAsync<T>(Func<AttractDbContext, Task<T>> work) => await Factory.WithDbAsync(work);

    public void Dispose()
    {
        _http.Dispose();
        Factory.Dispose();
    }

    /// <summary>
    /// "Sync now". A pull that fails keeps its cursors and covers the same windows on the next run (as the recurring job
    /// would); on the shared CI machine a run can hit a transient failure, so up to three runs are made.
    /// </summary>
    public async Task<Attract.Web.Integrations.LinkedIn.Pulls.LinkedInPullResult> SyncNowAsync()
    {
        Attract.Web.Integrations.LinkedIn.Pulls.LinkedInPullResult result;
        var runs = 0;
        do
        {
            using var scope = Factory.Services.CreateScope();
            result = await scope.ServiceProvider.GetRequiredService<Attract.Web.Integrations.LinkedIn.Pulls.LinkedInPuller>().RunAsync(force: true);
        }
        while (result.Errors > 0 && ++runs < 3);
        return result;
    }

}
