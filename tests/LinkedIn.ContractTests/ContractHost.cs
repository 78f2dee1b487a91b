using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Attract.Testing;
using LinkedIn.Simulator;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LinkedIn.ContractTests;

/// <summary>
/// A real simulator on 127.0.0.1:0 (own temp SQLite file) plus the real client built through
/// <c>AddLinkedInRecruiter</c> with all three base URLs pointed at it (full handler pipeline, real HTTP).
/// The raw <see cref="Http"/> client only drives LinkedIn-side actions (screens and <c>/_sim</c> shortcuts).
/// </summary>
public sealed class ContractHost : IAsyncDisposable
{
    public const string Org = "urn:li:organization:1001";
    public const string GlobalContract = "urn:li:contract:7001";
    public const string EmeaContract = "urn:li:contract:7002";
    public const string AdminEmail = "admin@linkedin.test";
    public const string AdminPerson = "urn:li:person:aB3xYz";
    public const string RecruiterSeat = "urn:li:seat:9002";
    public const string RecruiterPerson = "urn:li:person:rC7kLm";
    public const string Password = "Passw0rd!";
    public const string JsOrigin = "https://attract.contoso.test";
    public const string CompanyBundle = "RECRUITER_SYSTEM_CONNECT_COMPANY";
    public const string ContractBundle = "RECRUITER_SYSTEM_CONNECT_CONTRACT";

    public static readonly string[] OrgTypes = [AtsIntegrationTypes.InAtsIndicator, AtsIntegrationTypes.OneClickExport, AtsIntegrationTypes.ProfilePlugin];

    private string? _adminCookie;

    private ContractHost(SimulatorTestHost simulator, ServiceProvider services, CapturingLoggerProvider logs)
    {
        Simulator = simulator;
        Logs = logs;
        Services = services;
    }

    /// <summary>The running simulator (the same host the simulator tests use).</summary>
    public SimulatorTestHost Simulator { get; }

    public WebApplication App => Simulator.App;

    public SimulatorOptions Options => Simulator.Options;

    public ServiceProvider Services { get; }

    public string BaseAddress => Simulator.BaseAddress;

    /// <summary>Raw HTTP to the simulator's screens and control endpoints (never used to check client behaviour).</summary>
    public HttpClient Http => Simulator.Http;

    public CapturingLoggerProvider Logs { get; }

    public ILinkedInIntegrationsClient Integrations => Services.GetRequiredService<ILinkedInIntegrationsClient>();

    public ILinkedInSyncClient Sync => Services.GetRequiredService<ILinkedInSyncClient>();

    public ILinkedInAclClient Acls => Services.GetRequiredService<ILinkedInAclClient>();

    public ILinkedInJobPostingsClient JobPostings => Services.GetRequiredService<ILinkedInJobPostingsClient>();

    public ILinkedInExportsClient Exports => Services.GetRequiredService<ILinkedInExportsClient>();

    public ILinkedInProspectInteractionsClient Prospects => Services.GetRequiredService<ILinkedInProspectInteractionsClient>();

    public ILinkedInMemberClient MemberClient => Services.GetRequiredService<ILinkedInMemberClient>();

    public ILinkedInProvisioningClient Provisioning => Services.GetRequiredService<ILinkedInProvisioningClient>();

    public ILinkedInOAuthClient OAuth => Services.GetRequiredService<ILinkedInOAuthClient>();

    public LinkedInPushVerifier Verifier => Services.GetRequiredService<LinkedInPushVerifier>();

    public LinkedInAppCredentials Parent => new(Options.PartnerClientId, Options.PartnerClientSecret);

    public static async Task<ContractHost> StartAsync(Action<LinkedInRecruiterOptions>? client = null, Action<SimulatorOptions>? simulator = null)
    {
        var simulatorHost = await SimulatorTestHost.StartAsync(simulator);
        var options = simulatorHost.Options;
        var baseAddress = simulatorHost.BaseAddress;

        var logs = new CapturingLoggerProvider();
        var services = new ServiceCollection();
        services.AddLogging(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Information));
        services.AddLinkedInRecruiter(o =>
        {
            o.ApiBaseUrl = baseAddress;
            o.OAuthBaseUrl = baseAddress;
            o.PlatformBaseUrl = baseAddress;
            o.ParentClientId = options.PartnerClientId;
            o.ParentClientSecret = options.PartnerClientSecret;
            o.Resilience.RetryBaseDelay = TimeSpan.FromMilliseconds(10);
            o.Resilience.AttemptTimeout = TimeSpan.FromSeconds(20);
            o.Resilience.TotalTimeout = TimeSpan.FromSeconds(60);
            o.Resilience.MaxRetryAttempts = 3;
            o.Quotas.MaxQueueWait = TimeSpan.FromSeconds(5);
            client?.Invoke(o);
        });
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        return new ContractHost(simulatorHost, provider, logs);
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        await Simulator.DisposeAsync();
    }

    // ---- provisioning (through the client) ----

    public async Task<(ProvisionedApplication App, LinkedInAppCredentials Credentials)> ProvisionAsync(string? uniqueForeignId = null)
    {
        var created = await Provisioning.CreateApplicationAsync(new ProvisionApplicationRequest
        {
            UniqueForeignId = uniqueForeignId ?? "tenant-" + Guid.NewGuid().ToString("N")[..10],
            Name = "Attract - Contoso",
            Description = "Contract test tenant",
            Oauth2AuthorizedCallbackUrls = ["https://attract.contoso.test/signin-linkedin"],
            ValidJsSdkDomains = [JsOrigin],
        });
        var credentials = created.ToAppCredentials();
        Assert.NotNull(credentials);
        return (created, credentials);
    }

    // ---- LinkedIn-side actions a human performs on LinkedIn's screens ----

    /// <summary>Signs a member in on LinkedIn's login screen; returns the Cookie header value.</summary>
    public async Task<string> SignInAsync(string email)
    {
        using var req = new HttpRequestMessage(HttpMethod.Post, "/login")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["email"] = email, ["password"] = Password, ["returnUrl"] = "/recruiter/search" }),
        };
        using var resp = await Http.SendAsync(req);
        Assert.Equal(HttpStatusCode.Redirect, resp.StatusCode);
        return resp.Headers.GetValues("Set-Cookie").First().Split(';')[0];
    }

    private async Task<string> AdminCookieAsync() => _adminCookie ??= await SignInAsync(AdminEmail);

    /// <summary>The admin clicks "Request" in the ATS integration widget; returns the requestId handed to data-onintegrate.</summary>
    public async Task<string> WidgetRequestAsync(LinkedInAppCredentials child, string bundle, string context)
    {
        using var req = new HttpRequestMessage(HttpMethod.Post, "/xdoor/widgets/ats-integration/request")
        {
            Content = new StringContent(
                new JsonObject { ["api_key"] = child.ClientId, ["origin"] = JsOrigin, ["bundle"] = bundle, ["context"] = context }.ToJsonString(),
                Encoding.UTF8,
                "application/json"),
        };
        req.Headers.Add("Cookie", await AdminCookieAsync());
        using var resp = await Http.SendAsync(req);
        var body = await resp.Content.ReadAsStringAsync();
        Assert.True(resp.StatusCode == HttpStatusCode.OK, body);
        var integrations = JsonNode.Parse(body)!["integrations"]!.AsArray();
        Assert.NotEmpty(integrations);
        return integrations[0]!["requestId"]!.GetValue<string>();
    }

    /// <summary>The admin turns a bundle on (or off) in Admin Settings → ATS.</summary>
    public async Task AdminToggleAsync(LinkedInAppCredentials child, string bundle, string context, bool enable)
    {
        using var req = new HttpRequestMessage(HttpMethod.Post, "/recruiter/admin/ats/toggle")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["client"] = child.ClientId,
                ["bundle"] = bundle,
                ["context"] = context,
                ["enable"] = enable ? "true" : "false",
            }),
        };
        req.Headers.Add("Cookie", await AdminCookieAsync());
        using var resp = await Http.SendAsync(req);
        Assert.Equal(HttpStatusCode.Redirect, resp.StatusCode);
        Assert.Contains("Saved", Uri.UnescapeDataString(resp.Headers.Location!.OriginalString), StringComparison.Ordinal);
    }

    public static AtsIntegrationKey Key(string type, string context = Org) => new(context, type);

    /// <summary>Full company-level onboarding: widget Request (LinkedIn) → names (client) → admin Turn on (LinkedIn).</summary>
    public async Task EnableCompanyAsync(LinkedInAppCredentials child)
    {
        await WidgetRequestAsync(child, CompanyBundle, Org);
        var named = await Integrations.SetIntegrationNamesAsync(child, OrgTypes.ToDictionary(t => Key(t), t => "Attract " + t));
        Assert.True(named.AllSucceeded);
        await AdminToggleAsync(child, CompanyBundle, Org, enable: true);
    }

    /// <summary>Full contract-level onboarding for <paramref name="contract"/> (CSA_API).</summary>
    public async Task EnableContractAsync(LinkedInAppCredentials child, string contract = GlobalContract)
    {
        await WidgetRequestAsync(child, ContractBundle, contract);
        var named = await Integrations.SetIntegrationNamesAsync(child, new Dictionary<AtsIntegrationKey, string> { [Key(AtsIntegrationTypes.CsaApi, contract)] = "Attract CSA" });
        Assert.True(named.AllSucceeded);
        await AdminToggleAsync(child, ContractBundle, contract, enable: true);
    }

    public async Task<JsonNode> ControlAsync(HttpMethod method, string path, JsonNode? body = null)
    {
        using var req = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            req.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        }

        using var resp = await Http.SendAsync(req);
        var text = await resp.Content.ReadAsStringAsync();
        Assert.True(resp.IsSuccessStatusCode, $"{method} {path} → {(int)resp.StatusCode}: {text}");
        return text.Length == 0 ? new JsonObject() : JsonNode.Parse(text)!;
    }

    /// <summary>Seeded members (with their private email) from <c>/_sim/members</c>.</summary>
    public async Task<JsonArray> MembersAsync(int count = 50) => (JsonArray)await ControlAsync(HttpMethod.Get, $"/_sim/members?count={count}");

    public static long Ms(DateTimeOffset t) => t.ToUnixTimeMilliseconds();
}

/// <summary>Captures log messages of the client (e.g. its retry warnings) and signals waiters.</summary>
public sealed class CapturingLoggerProvider : ILoggerProvider
{
    private readonly List<string> _messages = [];
    private readonly List<(Func<string, bool> Match, TaskCompletionSource Done)> _waiters = [];

    public IReadOnlyList<string> Messages
    {
        get
        {
            lock (_messages)
            {
                return [.. _messages];
            }
        }
    }

    /// <summary>Completes when a message matching <paramref name="match"/> has been logged.</summary>
    public Task WaitForAsync(Func<string, bool> match)
    {
        lock (_messages)
        {
            if (_messages.Any(match))
            {
                return Task.CompletedTask;
            }

            var tcs = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((match, tcs));
            return tcs.Task;
        }
    }

    public ILogger CreateLogger(string categoryName) => new Logger(this);

    public void Dispose()
    {
    }

    private void Add(string message)
    {
        lock (_messages)
        {
            _messages.Add(message);
            foreach (var w in _waiters.Where(w => w.Match(message)).ToList())
            {
                _waiters.Remove(w);
                w.Done.TrySetResult();
            }
        }
    }

    private sealed class Logger(CapturingLoggerProvider owner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            owner.Add(formatter(state, exception));
    }
}
