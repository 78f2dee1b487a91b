using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Attract.Testing;
using Microsoft.AspNetCore.Builder;

namespace LinkedIn.Simulator.Tests;

/// <summary>A simulator started on a loopback port with its own temp SQLite file, plus raw-HTTP helpers.</summary>
public sealed class SimHost : IAsyncDisposable
{
    public const string Org = "urn:li:organization:1001";
    public const string Global = "urn:li:contract:7001";
    public const string Emea = "urn:li:contract:7002";

    private SimHost(SimulatorTestHost simulator) => Simulator = simulator;

    /// <summary>The running simulator (shared with the contract tests).</summary>
    public SimulatorTestHost Simulator { get; }

    public WebApplication App => Simulator.App;

    public string BaseAddress => Simulator.BaseAddress;

    public HttpClient Http => Simulator.Http;

    public SimulatorOptions Options => Simulator.Options;

    /// <summary>A currently free loopback TCP port (for hosts that must use the name "localhost", which Kestrel cannot bind to port 0).</summary>
    public static int FreePort()
    {
        var l = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        l.Start();
        var port = ((IPEndPoint)l.LocalEndpoint).Port;
        l.Stop();
        return port;
    }

    /// <summary>A simulator whose "Notify partner" delay is 2 s (so that tests see it), adjusted by <paramref name="tweak"/>.</summary>
    public static async Task<SimHost> StartAsync(Action<SimulatorOptions>? tweak = null, string? dbPath = null) =>
        new(await SimulatorTestHost.StartAsync(
            o =>
            {
                o.NotifyPartnerDelay = TimeSpan.FromSeconds(2);
                tweak?.Invoke(o);
            },
            dbPath));

    /// <summary>Stops and starts the same simulator (same SQLite file, new port).</summary>
    public Task RestartAsync() => Simulator.RestartAsync();

    public ValueTask DisposeAsync() => Simulator.DisposeAsync();

    public sealed record Resp(HttpStatusCode Status, string Body, HttpResponseHeaders Headers, HttpContentHeaders? ContentHeaders)
    {
        public JsonNode Json => JsonNode.Parse(Body)!;
        public int Code => (int)Status;
    }

    public async Task<Resp> SendAsync(HttpMethod method, string path, string? token = null, object? body = null, string? restLiMethod = null, bool protocol = true, string? version = null, IDictionary<string, string>? headers = null)
    {
        using var req = new HttpRequestMessage(method, path);
        if (token is not null)
        {
            req.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        if (protocol)
        {
            req.Headers.TryAddWithoutValidation("X-RestLi-Protocol-Version", "2.0.0");
        }
        if (restLiMethod is not null)
        {
            req.Headers.TryAddWithoutValidation("X-RestLi-Method", restLiMethod);
        }
        if (version is not null)
        {
            req.Headers.TryAddWithoutValidation("LinkedIn-Version", version);
        }
        foreach (var (k, v) in headers ?? new Dictionary<string, string>())
        {
            req.Headers.TryAddWithoutValidation(k, v);
        }
        if (body is not null)
        {
            var text = body as string ?? (body is JsonNode n ? n.ToJsonString() : System.Text.Json.JsonSerializer.Serialize(body));
            req.Content = new StringContent(text, Encoding.UTF8, "application/json");
        }
        using var resp = await Http.SendAsync(req);
        return new Resp(resp.StatusCode, await resp.Content.ReadAsStringAsync(), resp.Headers, resp.Content.Headers);
    }

    public Task<Resp> GetAsync(string path, string? token, string? version = null) => SendAsync(HttpMethod.Get, path, token, version: version);

    /// <summary>Rest.li query tunnelling: a form POST to <paramref name="path"/> carrying <paramref name="query"/>, with X-HTTP-Method-Override.</summary>
    public async Task<Resp> TunnelAsync(string path, string query, string overrideMethod, string token)
    {
        using var req = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = new StringContent(query, Encoding.UTF8, "application/x-www-form-urlencoded"),
        };
        req.Headers.Add("X-HTTP-Method-Override", overrideMethod);
        req.Headers.Add("X-RestLi-Protocol-Version", "2.0.0");
        req.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var resp = await Http.SendAsync(req);
        return new Resp(resp.StatusCode, await resp.Content.ReadAsStringAsync(), resp.Headers, resp.Content.Headers);
    }

    public async Task<Resp> FormAsync(string path, IDictionary<string, string> form, string? cookie = null)
    {
        using var req = new HttpRequestMessage(HttpMethod.Post, path) { Content = new FormUrlEncodedContent(form) };
        if (cookie is not null)
        {
            req.Headers.Add("Cookie", cookie);
        }
        using var resp = await Http.SendAsync(req);
        return new Resp(resp.StatusCode, await resp.Content.ReadAsStringAsync(), resp.Headers, resp.Content.Headers);
    }

    public async Task<Resp> PageAsync(string path, string? cookie = null)
    {
        using var req = new HttpRequestMessage(HttpMethod.Get, path);
        if (cookie is not null)
        {
            req.Headers.Add("Cookie", cookie);
        }
        using var resp = await Http.SendAsync(req);
        return new Resp(resp.StatusCode, await resp.Content.ReadAsStringAsync(), resp.Headers, resp.Content.Headers);
    }

    public async Task<string> TokenAsync(string clientId, string secret)
    {
        var r = await FormAsync("/oauth/v2/accessToken", new Dictionary<string, string> { ["grant_type"] = "client_credentials", ["client_id"] = clientId, ["client_secret"] = secret });
        Assert.Equal(HttpStatusCode.OK, r.Status);
        return r.Json["access_token"]!.GetValue<string>();
    }

    public Task<string> PartnerTokenAsync() => TokenAsync(Options.PartnerClientId, Options.PartnerClientSecret);

    public sealed record Child(string ClientId, string Secret, string Urn, string Token);

    public async Task<Child> ProvisionAsync(string? ufid = null, string[]? domains = null, string name = "Attract - Contoso")
    {
        var parent = await PartnerTokenAsync();
        var body = new JsonObject
        {
            ["uniqueForeignId"] = ufid ?? "tenant-" + Guid.NewGuid().ToString("N")[..8],
            ["name"] = name,
            ["description"] = "test",
            ["oauth2AuthorizedCallbackUrls"] = new JsonArray("https://attract.contoso.test/signin-linkedin"),
            ["validJsSdkDomains"] = new JsonArray((domains ?? ["https://attract.contoso.test"]).Select(d => (JsonNode)d).ToArray()),
        };
        var r = await SendAsync(HttpMethod.Post, "/v2/provisionedApplications", parent, body);
        Assert.Equal(HttpStatusCode.Created, r.Status);
        var id = r.Json["credentials"]!["clientId"]!.GetValue<string>();
        var secret = r.Json["credentials"]!["clientSecret"]!.GetValue<string>();
        return new Child(id, secret, r.Json["key"]!.GetValue<string>(), await TokenAsync(id, secret));
    }

    /// <summary>Test shortcut: force integrations ENABLED (or another status).</summary>
    public async Task EnableAsync(string clientId, string context = Org, string status = "ENABLED", string[]? types = null)
    {
        var body = new JsonObject { ["clientId"] = clientId, ["integrationContext"] = context, ["status"] = status };
        if (types is not null)
        {
            body["integrationTypes"] = new JsonArray(types.Select(t => (JsonNode)t).ToArray());
        }
        var r = await SendAsync(HttpMethod.Post, "/_sim/integrations", null, body);
        Assert.Equal(HttpStatusCode.OK, r.Status);
    }

    public async Task<Child> EnabledChildAsync(bool contractLevel = false)
    {
        var c = await ProvisionAsync();
        await EnableAsync(c.ClientId);
        if (contractLevel)
        {
            await EnableAsync(c.ClientId, Global);
        }
        return c;
    }

    /// <summary>Signs a member in and returns the Cookie header value.</summary>
    public async Task<string> SignInAsync(string email)
    {
        var r = await FormAsync("/login", new Dictionary<string, string> { ["email"] = email, ["password"] = "Passw0rd!", ["returnUrl"] = "/recruiter/search" });
        Assert.Equal(HttpStatusCode.Redirect, r.Status);
        var set = r.Headers.GetValues("Set-Cookie").First();
        return set.Split(';')[0];
    }

    /// <summary>Sets one configuration (e.g. CALLBACK_URL) of the child's org-level integration of <paramref name="type"/>.</summary>
    public async Task SetConfigurationAsync(Child c, string type, string id, string value)
    {
        var key = $"integrationContext={Enc(Org)}&integrationType={type}&tenantType=RECRUITER&dataProvider=ATS";
        var r = await SendAsync(HttpMethod.Put, $"/v2/atsIntegrations/{key}/configurations?ids={id}", c.Token, new JsonObject
        {
            ["entities"] = new JsonObject { [id] = new JsonObject { ["configurationValue"] = new JsonObject { ["string"] = value } } },
        }, "batch_update");
        Assert.Empty(r.Json["errors"]!.AsObject());
    }

    public static string Enc(string s) => Uri.EscapeDataString(s);

    public static string CandKey(string id, string ctx = Org) => $"atsCandidateId={Enc(id)}&dataProvider=ATS&integrationContext={Enc(ctx)}";

    public static string CandIds(params string[] ids) =>
        string.Join('&', ids.Select((id, i) => $"ids[{i}].atsCandidateId={Enc(id)}&ids[{i}].dataProvider=ATS&ids[{i}].integrationContext={Enc(Org)}"));

    public static string AppKey(string id, string ctx = Org) => $"atsJobApplicationId={Enc(id)}&dataProvider=ATS&integrationContext={Enc(ctx)}";

    public static string AppIds(params string[] ids) =>
        string.Join('&', ids.Select((id, i) => $"ids[{i}].atsJobApplicationId={Enc(id)}&ids[{i}].dataProvider=ATS&ids[{i}].integrationContext={Enc(Org)}"));

    public static long Now => DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();

    public static JsonObject Candidate(string firstName = "Maya", string lastName = "Okafor", string? email = null, long? created = null) => new()
    {
        ["atsCreatedAt"] = created ?? Now - 1000,
        ["atsLastModifiedAt"] = Now,
        ["firstName"] = firstName,
        ["lastName"] = lastName,
        ["emailAddresses"] = email is null ? new JsonArray() : new JsonArray(email),
        ["addresses"] = new JsonArray(),
        ["phoneNumbers"] = new JsonArray(),
    };

    public static JsonObject Job(string id, string title = "Senior Backend Engineer", string? code = null, string op = "CREATE", string state = "LISTED") => new()
    {
        ["integrationContext"] = Org,
        ["externalJobPostingId"] = id,
        ["title"] = title,
        ["description"] = "Build things",
        ["location"] = "Seattle, WA",
        ["availability"] = "PRIVATE_TO_ATS_INTEGRATION",
        ["state"] = state,
        ["listedAt"] = Now,
        ["jobPostingOperationType"] = op,
        ["companyJobCode"] = code,
    };

    public async Task<JsonArray> MembersAsync(string? q = null, int count = 50)
    {
        var r = await PageAsync($"/_sim/members?count={count}" + (q is null ? "" : "&q=" + Enc(q)));
        return (JsonArray)r.Json;
    }
}
