using System.Net;
using System.Text.Json.Nodes;

namespace LinkedIn.Simulator.Tests;

public sealed class IntegrationApiTests : IAsyncLifetime
{
    private readonly HashSet<string> _seenPushes = [];
    private SimHost _sim = null!;

    public async Task InitializeAsync() => _sim = await SimHost.StartAsync();

    public async Task DisposeAsync() => await _sim.DisposeAsync();

    private static string Key(string type, string ctx = SimHost.Org) =>
        $"integrationContext={SimHost.Enc(ctx)}&integrationType={type}&tenantType=RECRUITER&dataProvider=ATS";

    private static string Canon(string type, string ctx = SimHost.Org) =>
        $"dataProvider=ATS&integrationContext={SimHost.Enc(ctx)}&integrationType={type}&tenantType=RECRUITER";

    private static string Ids(params (string Type, string Ctx)[] keys) =>
        string.Join('&', keys.Select((k, i) => $"ids[{i}].integrationContext={SimHost.Enc(k.Ctx)}&ids[{i}].integrationType={k.Type}&ids[{i}].tenantType=RECRUITER&ids[{i}].dataProvider=ATS"));

    private static JsonObject NamePatch(params (string Key, string Name)[] entries)
    {
        var entities = new JsonObject();
        foreach (var (k, n) in entries)
        {
            entities[k] = new JsonObject { ["patch"] = new JsonObject { ["$set"] = new JsonObject { ["integrationName"] = n } } };
        }
        return new JsonObject { ["entities"] = entities };
    }

    [Fact]
    public async Task AtsIntegrations_BatchPartialUpdateThenBatchGet_ReturnsNames()
    {
        var c = await _sim.ProvisionAsync();
        var r = await _sim.SendAsync(HttpMethod.Post, "/v2/atsIntegrations?" + Ids(("ONE_CLICK_EXPORT", SimHost.Org), ("CSA_API", SimHost.Global)), c.Token,
            NamePatch((Key("ONE_CLICK_EXPORT"), "Contoso Attract One-Click Export"), (Key("CSA_API", SimHost.Global), "Contoso Attract CSA")), "batch_partial_update");
        Assert.Equal(HttpStatusCode.OK, r.Status);
        Assert.Equal(204, r.Json["results"]![Key("ONE_CLICK_EXPORT")]!["status"]!.GetValue<int>());
        Assert.Empty(r.Json["errors"]!.AsObject());
        var g = await _sim.GetAsync("/v2/atsIntegrations?" + Ids(("ONE_CLICK_EXPORT", SimHost.Org), ("CSA_API", SimHost.Global)), c.Token);
        Assert.Equal(HttpStatusCode.OK, g.Status);
        var oce = g.Json["results"]![Canon("ONE_CLICK_EXPORT")]!;
        Assert.Equal("Contoso Attract One-Click Export", oce["integrationName"]!.GetValue<string>());
        Assert.Equal("NOT_REQUESTED", oce["status"]!.GetValue<string>());
        Assert.Equal("RECRUITER", oce["tenantType"]!.GetValue<string>());
        Assert.Equal(200, g.Json["statuses"]![Canon("CSA_API", SimHost.Global)]!.GetValue<int>());
    }

    [Fact]
    public async Task AtsIntegrations_InvalidKeyOrMissingName_PerKeyErrors()
    {
        var c = await _sim.ProvisionAsync();
        var badCtx = Key("CSA_API", SimHost.Org);
        var r = await _sim.SendAsync(HttpMethod.Post, "/v2/atsIntegrations", c.Token, new JsonObject
        {
            ["entities"] = new JsonObject
            {
                [badCtx] = new JsonObject { ["patch"] = new JsonObject { ["$set"] = new JsonObject { ["integrationName"] = "x" } } },
                [Key("PROFILE_PLUGIN")] = new JsonObject { ["patch"] = new JsonObject { ["$set"] = new JsonObject() } },
                [Key("IN_ATS_INDICATOR")] = new JsonObject { ["patch"] = new JsonObject { ["$set"] = new JsonObject { ["integrationName"] = "ok" } } },
            },
        }, "batch_partial_update");
        Assert.Equal(HttpStatusCode.OK, r.Status);
        Assert.Equal(400, r.Json["errors"]![badCtx]!["status"]!.GetValue<int>());
        Assert.Equal("VALIDATION_FAILED", r.Json["errors"]![Key("PROFILE_PLUGIN")]!["code"]!.GetValue<string>());
        Assert.NotNull(r.Json["results"]![Key("IN_ATS_INDICATOR")]);
    }

    [Fact]
    public async Task AtsIntegrations_MissingRestLiMethod_Returns400()
    {
        var c = await _sim.ProvisionAsync();
        var r = await _sim.SendAsync(HttpMethod.Post, "/v2/atsIntegrations", c.Token, NamePatch((Key("IN_ATS_INDICATOR"), "n")));
        Assert.Equal(HttpStatusCode.BadRequest, r.Status);
    }

    [Fact]
    public async Task AtsIntegrations_ParentToken_Returns403()
    {
        var parent = await _sim.PartnerTokenAsync();
        var r = await _sim.GetAsync("/v2/atsIntegrations?" + Ids(("ONE_CLICK_EXPORT", SimHost.Org)), parent);
        Assert.Equal(HttpStatusCode.Forbidden, r.Status);
        Assert.Equal("ACCESS_DENIED", r.Json["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task AtsIntegrations_OverHundredKeys_Returns400BatchTooLarge()
    {
        var c = await _sim.ProvisionAsync();
        var keys = Enumerable.Range(0, 101).Select(_ => ("IN_ATS_INDICATOR", SimHost.Org)).ToArray();
        var r = await _sim.GetAsync("/v2/atsIntegrations?" + Ids(keys), c.Token);
        Assert.Equal(HttpStatusCode.BadRequest, r.Status);
        Assert.Equal("BATCH_TOO_LARGE", r.Json["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task Configurations_PutGetDelete_RoundTrips()
    {
        var c = await _sim.ProvisionAsync();
        var path = $"/v2/atsIntegrations/{Key("ONE_CLICK_EXPORT")}/configurations";
        var put = await _sim.SendAsync(HttpMethod.Put, path + "?ids=CALLBACK_URL&ids=JOB_POSTING_VIEWERS", c.Token, new JsonObject
        {
            ["entities"] = new JsonObject
            {
                ["CALLBACK_URL"] = new JsonObject { ["configurationValue"] = new JsonObject { ["string"] = "https://attract.contoso.test/linkedin/push" } },
                ["JOB_POSTING_VIEWERS"] = new JsonObject { ["configurationValue"] = new JsonObject { ["string"] = "ALL_PRODUCT_USERS" } },
            },
        }, "batch_update");
        Assert.Equal(HttpStatusCode.OK, put.Status);
        Assert.Empty(put.Json["errors"]!.AsObject());
        var get = await _sim.GetAsync(path + "?ids=CALLBACK_URL", c.Token);
        Assert.Equal("https://attract.contoso.test/linkedin/push", get.Json["results"]!["CALLBACK_URL"]!["configurationValue"]!["string"]!.GetValue<string>());
        var del = await _sim.SendAsync(HttpMethod.Delete, path + "?ids=CALLBACK_URL", c.Token);
        Assert.Equal(HttpStatusCode.NoContent, del.Status);
        get = await _sim.GetAsync(path + "?ids=CALLBACK_URL", c.Token);
        Assert.Equal(404, get.Json["errors"]!["CALLBACK_URL"]!["status"]!.GetValue<int>());
    }

    [Fact]
    public async Task Configurations_WrongIntegrationOrBadValue_PerKeyErrors()
    {
        var c = await _sim.ProvisionAsync();
        var r = await _sim.SendAsync(HttpMethod.Put, $"/v2/atsIntegrations/{Key("IN_ATS_INDICATOR")}/configurations?ids=JOB_POSTING_VIEWERS&ids=CALLBACK_URL&ids=APPLICATION_VIEWERS", c.Token, new JsonObject
        {
            ["entities"] = new JsonObject
            {
                ["JOB_POSTING_VIEWERS"] = new JsonObject { ["configurationValue"] = new JsonObject { ["string"] = "ALL_PRODUCT_USERS" } },
                ["CALLBACK_URL"] = new JsonObject { ["configurationValue"] = new JsonObject { ["string"] = "not a url" } },
                ["APPLICATION_VIEWERS"] = new JsonObject { ["configurationValue"] = new JsonObject { ["string"] = "ALL_PRODUCT_USERS" } },
            },
        }, "batch_update");
        Assert.Equal(HttpStatusCode.OK, r.Status);
        Assert.NotNull(r.Json["errors"]!["JOB_POSTING_VIEWERS"]);
        Assert.NotNull(r.Json["errors"]!["CALLBACK_URL"]);
        Assert.Equal(204, r.Json["results"]!["APPLICATION_VIEWERS"]!["status"]!.GetValue<int>());
    }

    [Fact]
    public async Task Widget_RequestNameThenAdminEnable_FinderAndPushReportStatus()
    {
        await using var receiver = await PushReceiver.StartAsync();
        var c = await _sim.ProvisionAsync(domains: ["https://attract.contoso.test"]);
        receiver.Secret = c.Secret;
        var cfg = await _sim.SendAsync(HttpMethod.Put, $"/v2/atsIntegrations/{Key("ONE_CLICK_EXPORT")}/configurations?ids=CALLBACK_URL", c.Token, new JsonObject
        {
            ["entities"] = new JsonObject { ["CALLBACK_URL"] = new JsonObject { ["configurationValue"] = new JsonObject { ["string"] = receiver.CallbackUrl } } },
        }, "batch_update");
        Assert.Equal(HttpStatusCode.OK, cfg.Status);
        var cookie = await _sim.SignInAsync("admin@linkedin.test");
        // the widget's "Request" call (what the iframe does)
        using var req = new HttpRequestMessage(HttpMethod.Post, "/xdoor/widgets/ats-integration/request")
        {
            Content = new StringContent(new JsonObject { ["api_key"] = c.ClientId, ["origin"] = "https://attract.contoso.test", ["bundle"] = "RECRUITER_SYSTEM_CONNECT_COMPANY", ["context"] = SimHost.Org }.ToJsonString(), System.Text.Encoding.UTF8, "application/json"),
        };
        req.Headers.Add("Cookie", cookie);
        var resp = await _sim.Http.SendAsync(req);
        Assert.Equal(HttpStatusCode.OK, resp.StatusCode);
        var integrations = JsonNode.Parse(await resp.Content.ReadAsStringAsync())!["integrations"]!.AsArray();
        Assert.Equal(3, integrations.Count);
        var requestId = integrations[0]!["requestId"]!.GetValue<string>();
        Assert.Contains(integrations, i => i!["integrationType"]!.GetValue<string>() == "PROFILE_PLUGIN");
        var finder = await _sim.GetAsync("/v2/atsIntegrations?q=request&requestId=" + requestId, c.Token);
        Assert.Equal(3, finder.Json["elements"]!.AsArray().Count);
        Assert.All(finder.Json["elements"]!.AsArray(), e => Assert.Equal("REQUESTED", e!["status"]!.GetValue<string>()));
        var named = await _sim.SendAsync(HttpMethod.Post, "/v2/atsIntegrations", c.Token,
            NamePatch((Key("IN_ATS_INDICATOR"), "A"), (Key("ONE_CLICK_EXPORT"), "B"), (Key("PROFILE_PLUGIN"), "C")), "batch_partial_update");
        Assert.Equal(HttpStatusCode.OK, named.Status);
        var g = await _sim.GetAsync("/v2/atsIntegrations?" + Ids(("IN_ATS_INDICATOR", SimHost.Org)), c.Token);
        Assert.Equal("PARTNER_READY", g.Json["results"]![Canon("IN_ATS_INDICATOR")]!["status"]!.GetValue<string>());
        // the admin turns Company-level access on
        var toggle = await _sim.FormAsync("/recruiter/admin/ats/toggle", new Dictionary<string, string>
        {
            ["client"] = c.ClientId,
            ["bundle"] = "RECRUITER_SYSTEM_CONNECT_COMPANY",
            ["context"] = SimHost.Org,
            ["enable"] = "true",
        }, cookie);
        Assert.Equal(HttpStatusCode.Redirect, toggle.Status);
        var push = await receiver.WaitForAsync(p => p.Body.Contains("INTEGRATION_STATUS_CHANGE"));
        Assert.True(push.SignatureValid);
        var id = JsonNode.Parse(push.Body)!["id"]!.GetValue<string>();
        var after = await _sim.GetAsync("/v2/atsIntegrations?q=request&requestId=" + id, c.Token);
        Assert.Equal(3, after.Json["elements"]!.AsArray().Count);
        Assert.All(after.Json["elements"]!.AsArray(), e => Assert.Equal("ENABLED", e!["status"]!.GetValue<string>()));
    }

    [Theory]
    [InlineData(false, "PARTNER_READY")]
    [InlineData(true, "ENABLED")]
    public async Task AdminAts_ContractLevelOnAndOff_IncludesCompanyFeaturesThenLeavesCompanyLevelAsSet(bool companyOn, string companyAfter)
    {
        await using var receiver = await PushReceiver.StartAsync();
        var c = await _sim.ProvisionAsync();
        receiver.Secret = c.Secret;
        await _sim.SetConfigurationAsync(c, "ONE_CLICK_EXPORT", "CALLBACK_URL", receiver.CallbackUrl);
        await _sim.EnableAsync(c.ClientId, SimHost.Org, "PARTNER_READY");
        await _sim.EnableAsync(c.ClientId, SimHost.Global, "PARTNER_READY");
        var admin = await _sim.SignInAsync("admin@linkedin.test");
        if (companyOn)
        {
            await ToggleAsync(c, admin, "RECRUITER_SYSTEM_CONNECT_COMPANY", SimHost.Org, enable: true, receiver);
        }

        var onPush = await ToggleAsync(c, admin, "RECRUITER_SYSTEM_CONNECT_CONTRACT", SimHost.Global, enable: true, receiver);
        var pushedOn = await StatusesAsync(c, onPush);
        var batch = await _sim.GetAsync("/v2/atsIntegrations?" + Ids(("ONE_CLICK_EXPORT", SimHost.Org), ("IN_ATS_INDICATOR", SimHost.Org)), c.Token);
        var screen = await _sim.PageAsync("/recruiter/admin/ats", admin);
        var offPush = await ToggleAsync(c, admin, "RECRUITER_SYSTEM_CONNECT_CONTRACT", SimHost.Global, enable: false, receiver);
        var pushedOff = await StatusesAsync(c, offPush);

        Assert.Equal(4, pushedOn.Count);
        Assert.All(pushedOn.Values, status => Assert.Equal("ENABLED", status));
        Assert.All(batch.Json["results"]!.AsObject(), r => Assert.Equal("ENABLED", r.Value!["status"]!.GetValue<string>()));
        Assert.Contains(companyOn ? ">Enabled<" : ">Included in Contract-level access<", screen.Body);
        Assert.Equal("DISABLED", pushedOff["CSA_API"]);
        Assert.All(new[] { "IN_ATS_INDICATOR", "ONE_CLICK_EXPORT", "PROFILE_PLUGIN" }, t => Assert.Equal(companyAfter, pushedOff[t]));
    }

    /// <summary>The admin's toggle in Admin Settings → ATS: waits for its (new) status push and returns the push id.</summary>
    private async Task<string> ToggleAsync(SimHost.Child c, string cookie, string bundle, string context, bool enable, PushReceiver receiver)
    {
        var toggle = await _sim.FormAsync("/recruiter/admin/ats/toggle", new Dictionary<string, string>
        {
            ["client"] = c.ClientId,
            ["bundle"] = bundle,
            ["context"] = context,
            ["enable"] = enable ? "true" : "false",
        }, cookie);
        Assert.Equal("Saved.", Uri.UnescapeDataString(toggle.Headers.Location!.ToString()).Split("msg=")[1]);
        var push = await receiver.WaitForAsync(p => p.Body.Contains("INTEGRATION_STATUS_CHANGE") && !_seenPushes.Contains(PushId(p)));
        _seenPushes.Add(PushId(push));
        return PushId(push);
    }

    private static string PushId(PushReceiver.Push push) => JsonNode.Parse(push.Body)!["id"]!.GetValue<string>();

    /// <summary>What the q=request finder answers for a status push: integration type → status.</summary>
    private async Task<Dictionary<string, string>> StatusesAsync(SimHost.Child c, string pushId)
    {
        var found = await _sim.GetAsync("/v2/atsIntegrations?q=request&requestId=" + pushId, c.Token);
        return found.Json["elements"]!.AsArray().ToDictionary(e => e!["integrationType"]!.GetValue<string>(), e => e!["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Widget_AtsIntegrationFrame_ChecksOriginAndSession()
    {
        var c = await _sim.ProvisionAsync(domains: ["https://attract.contoso.test"]);
        var wrong = await _sim.PageAsync($"/xdoor/widgets/ats-integration?api_key={c.ClientId}&origin={SimHost.Enc("https://evil.test")}&wid=w1");
        Assert.Contains("not authorized", wrong.Body);
        var anon = await _sim.PageAsync($"/xdoor/widgets/ats-integration?api_key={c.ClientId}&origin={SimHost.Enc("https://attract.contoso.test")}&wid=w1");
        Assert.Contains("sign-in-prompt", anon.Body);
        var cookie = await _sim.SignInAsync("admin@linkedin.test");
        var signedIn = await _sim.PageAsync($"/xdoor/widgets/ats-integration?api_key={c.ClientId}&origin={SimHost.Enc("https://attract.contoso.test")}&wid=w1", cookie);
        Assert.Contains("Recruiter System Connect", signedIn.Body);
        Assert.Contains("Company-level access", signedIn.Body);
        Assert.Contains("Contract-level access — Contoso – EMEA", signedIn.Body);
        Assert.False(signedIn.Headers.Contains("X-Frame-Options"));
        var recruiter = await _sim.SignInAsync("recruiter@linkedin.test");
        var notAdmin = await _sim.PageAsync($"/xdoor/widgets/ats-integration?api_key={c.ClientId}&origin={SimHost.Enc("https://attract.contoso.test")}&wid=w1", recruiter);
        Assert.Contains("not-admin", notAdmin.Body);
        var js = await _sim.PageAsync("/xdoor/scripts/in.js");
        Assert.Contains("api_key", js.Body);
        Assert.Equal("application/javascript", js.ContentHeaders!.ContentType!.MediaType);
    }

    [Fact]
    public async Task Widget_HcmFrame_RequiresProfilePlugin()
    {
        var c = await _sim.ProvisionAsync(domains: ["https://attract.contoso.test"]);
        var cookie = await _sim.SignInAsync("recruiter@linkedin.test");
        var url = $"/xdoor/widgets/hcm?api_key={c.ClientId}&origin={SimHost.Enc("https://attract.contoso.test")}&wid=w1&candidate=c1&context={SimHost.Enc(SimHost.Org)}";
        var off = await _sim.PageAsync(url, cookie);
        Assert.Contains("PROFILE_PLUGIN", off.Body);
        await _sim.EnableAsync(c.ClientId);
        var member = (await _sim.MembersAsync(count: 20))[15]!;
        var cand = SimHost.Candidate(member["firstName"]!.GetValue<string>(), member["lastName"]!.GetValue<string>(), member["email"]!.GetValue<string>());
        var put = await _sim.SendAsync(HttpMethod.Put, "/v2/atsCandidates?" + SimHost.CandIds("c1"), c.Token, new JsonObject { ["entities"] = new JsonObject { [SimHost.CandKey("c1")] = cand } }, "batch_update");
        Assert.Equal(HttpStatusCode.OK, put.Status);
        var on = await _sim.PageAsync(url, cookie);
        Assert.Contains("Suggested match", on.Body);
        Assert.Contains(member["urn"]!.GetValue<string>(), on.Body);
        Assert.Contains("Not the right person?", on.Body);
        var search = await _sim.PageAsync(url + "&search=1&q=Riley", cookie);
        Assert.Contains("Riley Recruiter", search.Body);
    }
}
