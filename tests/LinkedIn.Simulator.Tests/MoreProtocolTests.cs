using System.Net;
using System.Text.Json.Nodes;

namespace LinkedIn.Simulator.Tests;

public sealed class MoreProtocolTests : IAsyncLifetime
{
    private SimHost _sim = null!;
    private PushReceiver _receiver = null!;

    public async Task InitializeAsync()
    {
        _sim = await SimHost.StartAsync();
        _receiver = await PushReceiver.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _receiver.DisposeAsync();
        await _sim.DisposeAsync();
    }

    private async Task SetConfigAsync(SimHost.Child c, string type, string id, string value)
    {
        var key = $"integrationContext={SimHost.Enc(SimHost.Org)}&integrationType={type}&tenantType=RECRUITER&dataProvider=ATS";
        var r = await _sim.SendAsync(HttpMethod.Put, $"/v2/atsIntegrations/{key}/configurations?ids={id}", c.Token, new JsonObject
        {
            ["entities"] = new JsonObject { [id] = new JsonObject { ["configurationValue"] = new JsonObject { ["string"] = value } } },
        }, "batch_update");
        Assert.Empty(r.Json["errors"]!.AsObject());
    }

    [Fact]
    public async Task CallbackUrl_WhenSet_IsValidatedWithChallenge()
    {
        var c = await _sim.EnabledChildAsync();
        _receiver.Secret = c.Secret;
        await SetConfigAsync(c, "ONE_CLICK_EXPORT", "CALLBACK_URL", _receiver.CallbackUrl);
        var r = await _sim.SendAsync(HttpMethod.Post, "/_sim/challenge", null, new JsonObject { ["clientId"] = c.ClientId });
        Assert.Equal(HttpStatusCode.OK, r.Status);
        Assert.True(r.Json["valid"]!.GetValue<bool>());
        Assert.Contains(c.Urn, _receiver.Challenges);
        _receiver.Secret = "wrong";
        var bad = await _sim.SendAsync(HttpMethod.Post, "/_sim/challenge", null, new JsonObject { ["clientId"] = c.ClientId });
        Assert.False(bad.Json["valid"]!.GetValue<bool>());
    }

    [Fact]
    public async Task ResyncJobs_Push_IsSignedAndListsJobs()
    {
        var c = await _sim.EnabledChildAsync();
        _receiver.Secret = c.Secret;
        await SetConfigAsync(c, "ONE_CLICK_EXPORT", "CALLBACK_URL", _receiver.CallbackUrl);
        var r = await _sim.SendAsync(HttpMethod.Post, "/_sim/resync-jobs", null, new JsonObject { ["clientId"] = c.ClientId, ["externalJobPostingIds"] = new JsonArray("JOB-1") });
        var id = r.Json["id"]!.GetValue<string>();
        var push = await _receiver.WaitForAsync(p => p.Body.Contains(id));
        Assert.True(push.SignatureValid);
        var body = JsonNode.Parse(push.Body)!;
        Assert.Equal("RESYNC_JOBS", body["type"]!.GetValue<string>());
        Assert.Equal(c.Urn, body["developerApplicationUrn"]!.GetValue<string>());
        Assert.False(body["syncAllOpenJobs"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Faults_SlowCallbacks_DelayDelivery()
    {
        var c = await _sim.EnabledChildAsync();
        _receiver.Secret = c.Secret;
        await SetConfigAsync(c, "ONE_CLICK_EXPORT", "CALLBACK_URL", _receiver.CallbackUrl);
        await _sim.SendAsync(HttpMethod.Post, "/v2/simpleJobPostings", c.Token, new JsonObject { ["elements"] = new JsonArray(SimHost.Job("J-S")) }, "batch_create");
        await _sim.SendAsync(HttpMethod.Post, "/_sim/faults", null, new JsonObject { ["callbackDelayMs"] = 700 });
        var sw = System.Diagnostics.Stopwatch.StartNew();
        var exp = await _sim.SendAsync(HttpMethod.Post, "/_sim/exports", null, new JsonObject { ["clientId"] = c.ClientId, ["memberId"] = "rC7kLm", ["externalJobPostingId"] = "J-S" });
        var id = exp.Json["requestId"]!.GetValue<string>();
        await _receiver.WaitForAsync(p => p.Body.Contains(id));
        Assert.True(sw.ElapsedMilliseconds >= 650);
        await _sim.SendAsync(HttpMethod.Delete, "/_sim/faults", null);
    }

    [Fact]
    public async Task JobPostingViewers_AclBased_OnlyAssigneesCanExport()
    {
        var c = await _sim.EnabledChildAsync();
        await SetConfigAsync(c, "ONE_CLICK_EXPORT", "JOB_POSTING_VIEWERS", "ACL_BASED");
        await _sim.SendAsync(HttpMethod.Post, "/v2/simpleJobPostings", c.Token, new JsonObject { ["elements"] = new JsonArray(SimHost.Job("J-ACL")) }, "batch_create");
        var org = SimHost.Enc(SimHost.Org);
        var aclKey = $"atsEntityAclId=team-a&atsEntityId=J-ACL&atsEntityType=JOB_POSTING&dataProvider=ATS&integrationContext={org}";
        await _sim.SendAsync(HttpMethod.Put, "/v2/atsEntityAcls", c.Token, new JsonObject { ["entities"] = new JsonObject { [aclKey] = new JsonObject() } }, "batch_update");
        var assigneeKey = $"assignee={SimHost.Enc("urn:li:person:rC7kLm")}&atsEntityAclId=team-a&atsEntityType=JOB_POSTING&dataProvider=ATS&integrationContext={org}";
        await _sim.SendAsync(HttpMethod.Put, "/v2/atsEntityAclAssignees", c.Token, new JsonObject { ["entities"] = new JsonObject { [assigneeKey] = new JsonObject() } }, "batch_update");
        var riley = await _sim.SendAsync(HttpMethod.Post, "/_sim/exports", null, new JsonObject { ["clientId"] = c.ClientId, ["memberId"] = "cS8tUv", ["externalJobPostingId"] = "J-ACL", ["seat"] = "urn:li:seat:9002" });
        Assert.Equal(HttpStatusCode.OK, riley.Status);
        var casey = await _sim.SendAsync(HttpMethod.Post, "/_sim/exports", null, new JsonObject { ["clientId"] = c.ClientId, ["memberId"] = "rC7kLm", ["externalJobPostingId"] = "J-ACL", ["seat"] = "urn:li:seat:9004" });
        Assert.Equal(HttpStatusCode.BadRequest, casey.Status);
    }

    [Fact]
    public async Task Export_ClosedOrUnknownJob_IsRejected()
    {
        var c = await _sim.EnabledChildAsync();
        await _sim.SendAsync(HttpMethod.Post, "/v2/simpleJobPostings", c.Token, new JsonObject { ["elements"] = new JsonArray(SimHost.Job("J-C")) }, "batch_create");
        var close = await _sim.SendAsync(HttpMethod.Post, "/v2/simpleJobPostings", c.Token, new JsonObject { ["elements"] = new JsonArray(SimHost.Job("J-C", op: "CLOSE", state: "CLOSED")) }, "batch_create");
        Assert.Equal(202, close.Json["elements"]![0]!["status"]!.GetValue<int>());
        var closed = await _sim.SendAsync(HttpMethod.Post, "/_sim/exports", null, new JsonObject { ["clientId"] = c.ClientId, ["memberId"] = "rC7kLm", ["externalJobPostingId"] = "J-C" });
        Assert.Equal(HttpStatusCode.BadRequest, closed.Status);
        var renew = await _sim.SendAsync(HttpMethod.Post, "/v2/simpleJobPostings", c.Token, new JsonObject { ["elements"] = new JsonArray(SimHost.Job("J-C", op: "RENEW")) }, "batch_create");
        Assert.Equal(202, renew.Json["elements"]![0]!["status"]!.GetValue<int>());
        var reopened = await _sim.SendAsync(HttpMethod.Post, "/_sim/exports", null, new JsonObject { ["clientId"] = c.ClientId, ["memberId"] = "rC7kLm", ["externalJobPostingId"] = "J-C" });
        Assert.Equal(HttpStatusCode.OK, reopened.Status);
    }

    [Fact]
    public async Task SimpleJobPostings_MoreThan100Elements_Returns400()
    {
        var c = await _sim.EnabledChildAsync();
        var els = new JsonArray(Enumerable.Range(0, 101).Select(i => (JsonNode)SimHost.Job("J" + i)).ToArray());
        var r = await _sim.SendAsync(HttpMethod.Post, "/v2/simpleJobPostings", c.Token, new JsonObject { ["elements"] = els }, "batch_create");
        Assert.Equal(HttpStatusCode.BadRequest, r.Status);
        Assert.Equal("BATCH_TOO_LARGE", r.Json["code"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("availability", "EVERYONE")]
    [InlineData("state", "OPEN")]
    [InlineData("jobPostingOperationType", "DELETE")]
    [InlineData("integrationContext", "urn:li:organization:999")]
    [InlineData("description", "")]
    public async Task SimpleJobPostings_InvalidElement_ReturnsElementError(string field, string value)
    {
        var c = await _sim.EnabledChildAsync();
        var job = SimHost.Job("J-bad");
        job[field] = value;
        var r = await _sim.SendAsync(HttpMethod.Post, "/v2/simpleJobPostings", c.Token, new JsonObject { ["elements"] = new JsonArray(job, SimHost.Job("J-good")) }, "batch_create");
        Assert.Equal(HttpStatusCode.OK, r.Status);
        Assert.Equal(400, r.Json["elements"]![0]!["status"]!.GetValue<int>());
        Assert.Equal("VALIDATION_FAILED", r.Json["elements"]![0]!["error"]!["code"]!.GetValue<string>());
        Assert.Equal(202, r.Json["elements"]![1]!["status"]!.GetValue<int>());
    }

    [Fact]
    public async Task SubResource_MoreThan100Ids_Returns400()
    {
        var c = await _sim.EnabledChildAsync();
        await _sim.SendAsync(HttpMethod.Put, "/v2/atsCandidates?" + SimHost.CandIds("big"), c.Token, new JsonObject { ["entities"] = new JsonObject { [SimHost.CandKey("big")] = SimHost.Candidate() } }, "batch_update");
        var ids = string.Join('&', Enumerable.Range(0, 101).Select(i => "ids=n" + i));
        var r = await _sim.GetAsync($"/v2/atsCandidates/{SimHost.CandKey("big")}/notes?{ids}", c.Token);
        Assert.Equal(HttpStatusCode.BadRequest, r.Status);
        Assert.Equal("BATCH_TOO_LARGE", r.Json["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task SubResource_EncodedSimpleKeys_MatchRawBodyKeys()
    {
        var c = await _sim.EnabledChildAsync();
        await _sim.SendAsync(HttpMethod.Put, "/v2/atsCandidates?" + SimHost.CandIds("enc"), c.Token, new JsonObject { ["entities"] = new JsonObject { [SimHost.CandKey("enc")] = SimHost.Candidate() } }, "batch_update");
        var r = await _sim.SendAsync(HttpMethod.Put, $"/v2/atsCandidates/{SimHost.CandKey("enc")}/notes?ids=n%202", c.Token, new JsonObject
        {
            ["entities"] = new JsonObject { ["n 2"] = new JsonObject { ["atsCreatedAt"] = SimHost.Now, ["note"] = "spaced" } },
        }, "batch_update");
        Assert.Equal(204, r.Json["results"]!["n 2"]!["status"]!.GetValue<int>());
        var g = await _sim.GetAsync($"/v2/atsCandidates/{SimHost.CandKey("enc")}/notes?ids=n%202", c.Token);
        Assert.Equal("spaced", g.Json["results"]!["n 2"]!["note"]!.GetValue<string>());
    }

    [Fact]
    public async Task AtsIntegrations_DailyLimit_Returns429()
    {
        await using var sim = await SimHost.StartAsync(o => o.IntegrationsDailyLimit = 2);
        var c = await sim.ProvisionAsync();
        var path = $"/v2/atsIntegrations?ids[0].integrationContext={SimHost.Enc(SimHost.Org)}&ids[0].integrationType=IN_ATS_INDICATOR&ids[0].tenantType=RECRUITER&ids[0].dataProvider=ATS";
        Assert.Equal(HttpStatusCode.OK, (await sim.GetAsync(path, c.Token)).Status);
        Assert.Equal(HttpStatusCode.OK, (await sim.GetAsync(path, c.Token)).Status);
        var r = await sim.GetAsync(path, c.Token);
        Assert.Equal((HttpStatusCode)429, r.Status);
        Assert.Equal(429, r.Json["status"]!.GetValue<int>());
    }

    [Fact]
    public async Task PullFinders_DailyLimit_SharedAcrossProspectInteractions()
    {
        await using var sim = await SimHost.StartAsync(o => o.DailyRequestLimit = 2);
        var c = await sim.EnabledChildAsync(contractLevel: true);
        var g = SimHost.Enc(SimHost.Global);
        Assert.Equal(HttpStatusCode.OK, (await sim.GetAsync($"/v2/seatsV2?q=attributes&contracts={g}&start=0", c.Token)).Status);
        Assert.Equal(HttpStatusCode.OK, (await sim.GetAsync($"/v2/mailStubs?q=contract&contract={g}&owners={SimHost.Enc("urn:li:seat:9002")}", c.Token)).Status);
        var r = await sim.GetAsync($"/v2/prospectNotes?q=criteria&contract={g}", c.Token);
        Assert.Equal((HttpStatusCode)429, r.Status);
    }

    [Fact]
    public async Task Configurations_PathKeyEncodedAsAWhole_IsAccepted()
    {
        var c = await _sim.ProvisionAsync();
        var key = Uri.EscapeDataString($"integrationContext={SimHost.Org}&integrationType=IN_ATS_INDICATOR&tenantType=RECRUITER&dataProvider=ATS");
        var r = await _sim.SendAsync(HttpMethod.Put, $"/v2/atsIntegrations/{key}/configurations?ids=APPLICATION_VIEWERS", c.Token, new JsonObject
        {
            ["entities"] = new JsonObject { ["APPLICATION_VIEWERS"] = new JsonObject { ["configurationValue"] = new JsonObject { ["string"] = "ALL_PRODUCT_USERS" } } },
        }, "batch_update");
        Assert.Equal(HttpStatusCode.OK, r.Status);
        Assert.Equal(204, r.Json["results"]!["APPLICATION_VIEWERS"]!["status"]!.GetValue<int>());
    }

    [Fact]
    public async Task QueryTunneling_DeleteOverride_DeletesCandidates()
    {
        var c = await _sim.EnabledChildAsync();
        await _sim.SendAsync(HttpMethod.Put, "/v2/atsCandidates?" + SimHost.CandIds("tdel"), c.Token, new JsonObject { ["entities"] = new JsonObject { [SimHost.CandKey("tdel")] = SimHost.Candidate() } }, "batch_update");
        var resp = await _sim.TunnelAsync("/v2/atsCandidates", SimHost.CandIds("tdel"), "DELETE", c.Token);
        Assert.Equal(HttpStatusCode.OK, resp.Status);
        var g = await _sim.GetAsync("/v2/atsCandidates?" + SimHost.CandIds("tdel"), c.Token);
        Assert.Equal(404, g.Json["errors"]![SimHost.CandKey("tdel")]!["status"]!.GetValue<int>());
    }

    [Fact]
    public async Task SimIndexPage_ListsAccountsAndApps()
    {
        var c = await _sim.ProvisionAsync();
        var page = await _sim.PageAsync("/_sim");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("admin@linkedin.test", page.Body);
        Assert.Contains(c.ClientId, page.Body);
    }

    [Fact]
    public async Task AtsCandidates_EntityOfWrongJsonType_Returns400NotServerError()
    {
        var c = await _sim.EnabledChildAsync();
        var r = await _sim.SendAsync(HttpMethod.Post, "/v2/atsCandidates?" + SimHost.CandIds("w"), c.Token, $"{{\"entities\":{{\"{SimHost.CandKey("w")}\":\"oops\"}}}}", "batch_partial_update");
        Assert.True(r.Code is 200 or 400, r.Body);
        var bad = await _sim.SendAsync(HttpMethod.Post, "/v2/atsIntegrations", c.Token, "{\"entities\":{\"integrationContext=x\":[1,2]}}", "batch_partial_update");
        Assert.True(bad.Code is 200 or 400, bad.Body);
        var notJson = await _sim.SendAsync(HttpMethod.Put, "/v2/atsCandidates?" + SimHost.CandIds("w"), c.Token, "{not json", "batch_update");
        Assert.Equal(HttpStatusCode.BadRequest, notJson.Status);
    }

    [Fact]
    public async Task Messaging_MemberRepliesAndRecruiterAnswers_ProducesReplyEvents()
    {
        var c = await _sim.EnabledChildAsync(contractLevel: true);
        var member = (await _sim.MembersAsync(count: 200))[190]!;
        var send = await _sim.SendAsync(HttpMethod.Post, "/_sim/inmails", null, new JsonObject { ["seat"] = "urn:li:seat:9002", ["memberId"] = member["id"]!.GetValue<string>(), ["subject"] = "Hello" });
        var conv = send.Json["conversationId"]!.GetValue<string>();
        var memberCookie = await _sim.SignInAsync(member["email"]!.GetValue<string>());
        var decline = await _sim.FormAsync($"/messaging/{conv}/respond", new Dictionary<string, string> { ["action"] = "reply", ["message"] = "Tell me more" }, memberCookie);
        Assert.Equal(HttpStatusCode.Redirect, decline.Status);
        var recruiterCookie = await _sim.SignInAsync("recruiter@linkedin.test");
        var reply = await _sim.FormAsync($"/messaging/{conv}/recruiter-reply", new Dictionary<string, string> { ["message"] = "Sure, details attached" }, recruiterCookie);
        Assert.Equal(HttpStatusCode.Redirect, reply.Status);
        var other = await _sim.FormAsync($"/messaging/{conv}/recruiter-reply", new Dictionary<string, string> { ["message"] = "x" }, await _sim.SignInAsync("casey.colleague@linkedin.test"));
        Assert.Equal(HttpStatusCode.NotFound, other.Status);
        var declined = await _sim.FormAsync($"/messaging/{conv}/respond", new Dictionary<string, string> { ["action"] = "decline" }, memberCookie);
        Assert.Equal(HttpStatusCode.Redirect, declined.Status);
        var now = SimHost.Now;
        var events = await _sim.GetAsync($"/v2/conversationEvents?q=criteria&viewer={SimHost.Enc("urn:li:seat:9002")}&timeRange.start={now - 600_000}&timeRange.end={now + 60_000}&count=50", c.Token);
        var list = events.Json["elements"]!.AsArray().Where(e => e!["conversation"]!.GetValue<string>().EndsWith(conv)).ToList();
        Assert.Equal(["INMAIL_SENT", "INMAIL_REPLY", "INMAIL_REPLY", "INMAIL_DECLINED"], list.Select(e => e!["eventType"]!.GetValue<string>()).ToArray());
        Assert.Equal(member["urn"]!.GetValue<string>(), list[1]!["sender"]!.GetValue<string>());
        Assert.Equal("urn:li:seat:9002", list[2]!["sender"]!.GetValue<string>());
        var stubs = await _sim.GetAsync($"/v2/mailStubs?q=contract&contract={SimHost.Enc(SimHost.Global)}&owners={SimHost.Enc("urn:li:seat:9002")}", c.Token);
        Assert.DoesNotContain(stubs.Json["elements"]!.AsArray(), e => e!["member"]!.GetValue<string>() == member["urn"]!.GetValue<string>());
    }

    [Fact]
    public async Task AdminAts_NonAdminOrNotPartnerReady_CannotEnable()
    {
        var c = await _sim.ProvisionAsync();
        var recruiter = await _sim.SignInAsync("recruiter@linkedin.test");
        var page = await _sim.PageAsync("/recruiter/admin/ats", recruiter);
        Assert.Contains("not-admin", page.Body);
        var forbidden = await _sim.FormAsync("/recruiter/admin/ats/toggle", new Dictionary<string, string>
        {
            ["client"] = c.ClientId,
            ["bundle"] = "RECRUITER_SYSTEM_CONNECT_COMPANY",
            ["context"] = SimHost.Org,
            ["enable"] = "true",
        }, recruiter);
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.Status);
        var admin = await _sim.SignInAsync("admin@linkedin.test");
        var notReady = await _sim.FormAsync("/recruiter/admin/ats/toggle", new Dictionary<string, string>
        {
            ["client"] = c.ClientId,
            ["bundle"] = "RECRUITER_SYSTEM_CONNECT_COMPANY",
            ["context"] = SimHost.Org,
            ["enable"] = "true",
        }, admin);
        Assert.Equal(HttpStatusCode.Redirect, notReady.Status);
        Assert.Contains("Partner", Uri.UnescapeDataString(notReady.Headers.Location!.ToString()));
        var key = $"ids[0].integrationContext={SimHost.Enc(SimHost.Org)}&ids[0].integrationType=ONE_CLICK_EXPORT&ids[0].tenantType=RECRUITER&ids[0].dataProvider=ATS";
        var g = await _sim.GetAsync("/v2/atsIntegrations?" + key, c.Token);
        Assert.Equal("NOT_REQUESTED", g.Json["results"]!.AsObject().Single().Value!["status"]!.GetValue<string>());
    }
}
