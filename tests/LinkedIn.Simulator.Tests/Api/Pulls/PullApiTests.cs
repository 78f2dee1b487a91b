using System.Net;
using System.Text.Json.Nodes;
using Attract.Testing;

namespace LinkedIn.Simulator.Tests;

public sealed class PullApiTests : IAsyncLifetime
{
    private SimHost _sim = null!;

    public async Task InitializeAsync() => _sim = await SimHost.StartAsync();

    public async Task DisposeAsync() => await _sim.DisposeAsync();

    private static string G => SimHost.Enc(SimHost.Global);

    [Fact]
    public async Task SeatsV2_WithStart_ReturnsSeatsOfContract()
    {
        var c = await _sim.EnabledChildAsync(contractLevel: true);
        var r = await _sim.GetAsync($"/v2/seatsV2?q=attributes&contracts={G}&start=0&count=10", c.Token);
        Assert.Equal(HttpStatusCode.OK, r.Status);
        var els = r.Json["elements"]!.AsArray();
        Assert.Equal(5, els.Count);
        Assert.Contains(els, e => e!["id"]!.GetValue<string>() == "urn:li:seat:9002" && e["member"]!.GetValue<string>() == "urn:li:person:rC7kLm");
        Assert.Equal(5, r.Json["paging"]!["total"]!.GetValue<int>());
        var page = await _sim.GetAsync($"/v2/seatsV2?q=attributes&contracts={G}&start=2&count=2", c.Token);
        Assert.Equal(2, page.Json["elements"]!.AsArray().Count);
        Assert.Equal(2, page.Json["paging"]!["start"]!.GetValue<int>());
    }

    [Fact]
    public async Task SeatsV2_WithoutStart_Returns400()
    {
        var c = await _sim.EnabledChildAsync(contractLevel: true);
        var r = await _sim.GetAsync($"/v2/seatsV2?q=attributes&contracts={G}", c.Token);
        Assert.Equal(HttpStatusCode.BadRequest, r.Status);
        Assert.Contains("start", r.Json["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task Seats_LegacyFinder_ReturnsActiveSeats()
    {
        var c = await _sim.EnabledChildAsync(contractLevel: true);
        var r = await _sim.GetAsync($"/v2/seats?q=seatsByAttributes&fields=id&active=true&contracts={G}&start=0&count=100", c.Token);
        Assert.Equal(HttpStatusCode.OK, r.Status);
        Assert.Equal(5, r.Json["elements"]!.AsArray().Count);
    }

    [Fact]
    public async Task Pulls_WithoutContractLevel_Return403()
    {
        var c = await _sim.EnabledChildAsync(contractLevel: false);
        var now = SimHost.Now;
        foreach (var path in new[]
        {
            $"/v2/seatsV2?q=attributes&contracts={G}&start=0",
            $"/v2/conversationEvents?q=criteria&viewer={SimHost.Enc("urn:li:seat:9002")}&timeRange.start={now - 3_600_000}&timeRange.end={now}",
            $"/v2/mailStubs?q=contract&contract={G}&owners={SimHost.Enc("urn:li:seat:9002")}",
            $"/v2/prospectNotes?q=criteria&contract={G}&owners={SimHost.Enc("urn:li:seat:9002")}",
        })
        {
            var r = await _sim.GetAsync(path, c.Token);
            Assert.Equal(HttpStatusCode.Forbidden, r.Status);
            Assert.Equal("ACCESS_DENIED", r.Json["code"]!.GetValue<string>());
        }
        // enabled for EMEA only is not enough for Global
        await _sim.EnableAsync(c.ClientId, SimHost.Emea);
        var g = await _sim.GetAsync($"/v2/seatsV2?q=attributes&contracts={G}&start=0", c.Token);
        Assert.Equal(HttpStatusCode.Forbidden, g.Status);
    }

    [Fact]
    public async Task ConversationEvents_WindowOver12Hours_Returns400()
    {
        var c = await _sim.EnabledChildAsync(contractLevel: true);
        var now = SimHost.Now;
        var r = await _sim.GetAsync($"/v2/conversationEvents?q=criteria&viewer={SimHost.Enc("urn:li:seat:9002")}&timeRange.start={now - 12 * 3_600_000L - 1}&timeRange.end={now}", c.Token);
        Assert.Equal(HttpStatusCode.BadRequest, r.Status);
        var missing = await _sim.GetAsync($"/v2/conversationEvents?q=criteria&viewer={SimHost.Enc("urn:li:seat:9002")}", c.Token);
        Assert.Equal(HttpStatusCode.BadRequest, missing.Status);
    }

    [Fact]
    public async Task ConversationEvents_InMailAccepted_ReturnsEventsWithPaging()
    {
        var c = await _sim.EnabledChildAsync(contractLevel: true);
        var member = (await _sim.MembersAsync(count: 60))[55]!;
        var send = await _sim.SendAsync(HttpMethod.Post, "/_sim/inmails", null, new JsonObject
        {
            ["seat"] = "urn:li:seat:9002",
            ["memberId"] = member["id"]!.GetValue<string>(),
            ["subject"] = "Role at Contoso",
            ["body"] = "Hi!",
            ["respond"] = "accept",
            ["shareEmail"] = true,
        });
        Assert.Equal(HttpStatusCode.OK, send.Status);
        var now = SimHost.Now;
        var r = await _sim.GetAsync($"/v2/conversationEvents?q=criteria&viewer={SimHost.Enc("urn:li:seat:9002")}&timeRange.start={now - 3_600_000}&timeRange.end={now + 60_000}&start=0&count=1", c.Token);
        Assert.Equal(HttpStatusCode.OK, r.Status);
        Assert.Equal(2, r.Json["paging"]!["total"]!.GetValue<int>());
        var first = Assert.Single(r.Json["elements"]!.AsArray())!;
        Assert.Equal("INMAIL_SENT", first["eventType"]!.GetValue<string>());
        Assert.Equal("urn:li:seat:9002", first["sender"]!.GetValue<string>());
        Assert.Equal(member["urn"]!.GetValue<string>(), first["prospect"]!.GetValue<string>());
        var second = await _sim.GetAsync($"/v2/conversationEvents?q=criteria&viewer={SimHost.Enc("urn:li:seat:9002")}&timeRange.start={now - 3_600_000}&timeRange.end={now + 60_000}&start=1&count=1", c.Token);
        Assert.Equal("INMAIL_ACCEPTED", second.Json["elements"]![0]!["eventType"]!.GetValue<string>());
        // colleagues' seeded InMails are visible for their seats
        var colleague = await _sim.GetAsync($"/v2/conversationEvents?q=criteria&viewer={SimHost.Enc("urn:li:seat:9004")}&timeRange.start={now - 12 * 3_600_000L}&timeRange.end={now}", c.Token);
        Assert.NotEmpty(colleague.Json["elements"]!.AsArray());
    }

    [Fact]
    public async Task MailStubs_OwnersRequired_StubHasSharedEmail()
    {
        var c = await _sim.EnabledChildAsync(contractLevel: true);
        var noOwners = await _sim.GetAsync($"/v2/mailStubs?q=contract&contract={G}&start=0&count=50", c.Token);
        Assert.Equal(HttpStatusCode.BadRequest, noOwners.Status);
        var member = (await _sim.MembersAsync(count: 70))[66]!;
        await _sim.SendAsync(HttpMethod.Post, "/_sim/inmails", null, new JsonObject
        {
            ["seat"] = "urn:li:seat:9003",
            ["memberId"] = member["id"]!.GetValue<string>(),
            ["respond"] = "accept",
            ["shareEmail"] = true,
        });
        var r = await _sim.GetAsync($"/v2/mailStubs?q=contract&contract={G}&owners={SimHost.Enc("urn:li:seat:9003")}&createdDateStart={SimHost.Now - 60_000}&createdDateEnd={SimHost.Now + 60_000}&start=0&count=50", c.Token);
        Assert.Equal(HttpStatusCode.OK, r.Status);
        var stub = Assert.Single(r.Json["elements"]!.AsArray())!;
        Assert.Equal(member["email"]!.GetValue<string>(), stub["emailAddress"]!.GetValue<string>());
        Assert.Equal(member["urn"]!.GetValue<string>(), stub["member"]!.GetValue<string>());
        Assert.Equal("urn:li:seat:9003", stub["owner"]!.GetValue<string>());
    }

    [Fact]
    public async Task ProspectNotes_DeletedNote_HasActiveFalse()
    {
        var c = await _sim.EnabledChildAsync(contractLevel: true);
        var member = (await _sim.MembersAsync(count: 80))[77]!;
        var add = await _sim.SendAsync(HttpMethod.Post, "/_sim/notes", null, new JsonObject { ["seat"] = "urn:li:seat:9005", ["memberId"] = member["id"]!.GetValue<string>(), ["note"] = "Keep warm", ["visibility"] = "PRIVATE" });
        var id = add.Json["id"]!.GetValue<string>();
        var r = await _sim.GetAsync($"/v2/prospectNotes?q=criteria&contract={G}&owners={SimHost.Enc("urn:li:seat:9005")}&beforeDate={SimHost.Now + 60_000}&cutoffDate={SimHost.Now - 60_000}&start=0&count=100", c.Token);
        var note = r.Json["elements"]!.AsArray().Single(e => e!["id"]!.GetValue<string>() == id)!;
        Assert.True(note["active"]!.GetValue<bool>());
        Assert.Equal("PRIVATE", note["visibility"]!.GetValue<string>());
        Assert.Equal("Keep warm", note["note"]!.GetValue<string>());
        await _sim.SendAsync(HttpMethod.Post, $"/_sim/notes/{id}/delete", null);
        r = await _sim.GetAsync($"/v2/prospectNotes?q=criteria&contract={G}&owners={SimHost.Enc("urn:li:seat:9005")}&beforeDate={SimHost.Now + 60_000}&cutoffDate={SimHost.Now - 60_000}", c.Token);
        Assert.False(r.Json["elements"]!.AsArray().Single(e => e!["id"]!.GetValue<string>() == id)!["active"]!.GetValue<bool>());
    }

    [Fact]
    public async Task ExportedCandidates_AfterExport_ReturnsProfileJobAndExporter()
    {
        await using var receiver = await PushReceiver.StartAsync();
        var c = await _sim.EnabledChildAsync();
        receiver.Secret = c.Secret;
        await SetCallback(c, receiver.CallbackUrl);
        await _sim.SendAsync(HttpMethod.Post, "/v2/simpleJobPostings", c.Token, new JsonObject { ["elements"] = new JsonArray(SimHost.Job("JOB-7")) }, "batch_create");
        var member = (await _sim.MembersAsync(count: 90))[88]!;
        var exp = await _sim.SendAsync(HttpMethod.Post, "/_sim/exports", null, new JsonObject { ["clientId"] = c.ClientId, ["memberId"] = member["id"]!.GetValue<string>(), ["externalJobPostingId"] = "JOB-7", ["seat"] = "urn:li:seat:9002" });
        Assert.Equal(HttpStatusCode.OK, exp.Status);
        var requestId = exp.Json["requestId"]!.GetValue<string>();
        var push = await receiver.WaitForAsync(p => p.Body.Contains(requestId));
        Assert.True(push.SignatureValid);
        Assert.Equal("EXPORT_CANDIDATE_PROFILE", JsonNode.Parse(push.Body)!["type"]!.GetValue<string>());
        var r = await _sim.GetAsync("/v2/exportedCandidates?q=request&requestId=" + requestId, c.Token);
        var e = Assert.Single(r.Json["elements"]!.AsArray())!;
        Assert.Equal(member["urn"]!.GetValue<string>(), e["member"]!.GetValue<string>());
        Assert.Equal("JOB-7", e["externalJobPostingId"]!.GetValue<string>());
        Assert.Equal("urn:li:seat:9002", e["exporter"]!["seat"]!.GetValue<string>());
        Assert.Equal(member["sharesEmail"]!.GetValue<bool>() ? member["email"]!.GetValue<string>() : null, e["emailAddress"]?.GetValue<string>());
        var rest = await _sim.GetAsync("/rest/exportedCandidates?q=request&requestId=" + requestId, c.Token, version: "202604");
        Assert.Single(rest.Json["elements"]!.AsArray());
        var restNoVersion = await _sim.GetAsync("/rest/exportedCandidates?q=request&requestId=" + requestId, c.Token);
        Assert.Equal(HttpStatusCode.BadRequest, restNoVersion.Status);
        // purge
        await _sim.SendAsync(HttpMethod.Post, $"/_sim/members/{member["id"]!.GetValue<string>()}/purge", null, new JsonObject());
        var purged = await _sim.GetAsync($"/rest/atsPurgedExportedCandidates?q=integrationContext&integrationContext={SimHost.Enc(SimHost.Org)}&start=0&count=10", c.Token, version: "202604");
        Assert.Equal(member["urn"]!.GetValue<string>(), Assert.Single(purged.Json["elements"]!.AsArray())!["member"]!.GetValue<string>());
    }

    [Fact]
    public async Task ExportedCandidates_NotEnabledOrOtherApp_Returns403OrEmpty()
    {
        var c = await _sim.ProvisionAsync();
        var r = await _sim.GetAsync("/v2/exportedCandidates?q=request&requestId=x", c.Token);
        Assert.Equal(HttpStatusCode.Forbidden, r.Status);
        var other = await _sim.EnabledChildAsync();
        var empty = await _sim.GetAsync("/v2/exportedCandidates?q=request&requestId=unknown", other.Token);
        Assert.Equal(HttpStatusCode.OK, empty.Status);
        Assert.Empty(empty.Json["elements"]!.AsArray());
    }

    [Fact]
    public async Task Push_CallbackFailsTwice_IsRetriedWithSameIdAndSignature()
    {
        await using var receiver = await PushReceiver.StartAsync();
        receiver.FailFirst = 2;
        var c = await _sim.EnabledChildAsync();
        receiver.Secret = c.Secret;
        await SetCallback(c, receiver.CallbackUrl);
        await _sim.SendAsync(HttpMethod.Post, "/v2/simpleJobPostings", c.Token, new JsonObject { ["elements"] = new JsonArray(SimHost.Job("JOB-R")) }, "batch_create");
        var exp = await _sim.SendAsync(HttpMethod.Post, "/_sim/exports", null, new JsonObject { ["clientId"] = c.ClientId, ["memberId"] = "rC7kLm", ["externalJobPostingId"] = "JOB-R" });
        var requestId = exp.Json["requestId"]!.GetValue<string>();
        await receiver.WaitForAsync(p => p.AnsweredWith == 200);
        var all = receiver.Pushes.ToList();
        Assert.Equal(3, all.Count);
        Assert.All(all, p => Assert.Equal(requestId, JsonNode.Parse(p.Body)!["id"]!.GetValue<string>()));
        Assert.All(all, p => Assert.True(p.SignatureValid));
        var log = await _sim.PageAsync("/_sim/pushes?clientId=" + c.ClientId);
        var rec = log.Json.AsArray().Single(p => p!["id"]!.GetValue<string>() == requestId)!;
        Assert.Equal("DELIVERED", rec["status"]!.GetValue<string>());
        Assert.Equal(3, rec["attempts"]!.GetValue<int>());
    }

    [Fact]
    public async Task Push_AlwaysFailing_StopsAfterSixRetries()
    {
        await using var receiver = await PushReceiver.StartAsync();
        receiver.FailFirst = 100;
        var c = await _sim.EnabledChildAsync();
        receiver.Secret = c.Secret;
        await SetCallback(c, receiver.CallbackUrl);
        await _sim.SendAsync(HttpMethod.Post, "/v2/simpleJobPostings", c.Token, new JsonObject { ["elements"] = new JsonArray(SimHost.Job("JOB-F")) }, "batch_create");
        var exp = await _sim.SendAsync(HttpMethod.Post, "/_sim/exports", null, new JsonObject { ["clientId"] = c.ClientId, ["memberId"] = "rC7kLm", ["externalJobPostingId"] = "JOB-F" });
        var requestId = exp.Json["requestId"]!.GetValue<string>();
        var rec = await Eventually.MatchAsync(
            async () => (await _sim.PageAsync("/_sim/pushes?clientId=" + c.ClientId)).Json.AsArray().Single(p => p!["id"]!.GetValue<string>() == requestId),
            r => r!["status"]!.GetValue<string>() == "FAILED", "the push to fail for good", TimeSpan.FromSeconds(20), TimeSpan.FromMilliseconds(100));
        Assert.Equal("FAILED", rec!["status"]!.GetValue<string>());
        Assert.Equal(7, rec["attempts"]!.GetValue<int>());
        Assert.Equal(7, receiver.Pushes.Count);
    }

    private async Task SetCallback(SimHost.Child c, string url)
    {
        var key = $"integrationContext={SimHost.Enc(SimHost.Org)}&integrationType=ONE_CLICK_EXPORT&tenantType=RECRUITER&dataProvider=ATS";
        var r = await _sim.SendAsync(HttpMethod.Put, $"/v2/atsIntegrations/{key}/configurations?ids=CALLBACK_URL", c.Token, new JsonObject
        {
            ["entities"] = new JsonObject { ["CALLBACK_URL"] = new JsonObject { ["configurationValue"] = new JsonObject { ["string"] = url } } },
        }, "batch_update");
        Assert.Empty(r.Json["errors"]!.AsObject());
    }
}
