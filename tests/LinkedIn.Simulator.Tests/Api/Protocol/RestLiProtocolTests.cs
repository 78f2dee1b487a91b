using System.Net;
using System.Text.Json.Nodes;

namespace LinkedIn.Simulator.Tests;

/// <summary>Rest.li protocol 1.0 and 2.0 syntax, X-RestLi-Method inference, authentication first (issue 14).</summary>
public sealed class RestLiProtocolTests : IAsyncLifetime
{
    private const string OrgV2 = "urn%3Ali%3Aorganization%3A1001";
    private SimHost _sim = null!;

    public async Task InitializeAsync() => _sim = await SimHost.StartAsync();

    public async Task DisposeAsync() => await _sim.DisposeAsync();

    private static JsonObject Entities(params (string Key, JsonNode Value)[] items) => new()
    {
        ["entities"] = new JsonObject(items.Select(i => KeyValuePair.Create(i.Key, (JsonNode?)i.Value))),
    };

    private static string CandV2(string id) => $"(atsCandidateId:{id},dataProvider:ATS,integrationContext:{OrgV2})";

    private static Dictionary<string, string> Protocol(string version) => new() { ["X-RestLi-Protocol-Version"] = version };

    private async Task PutCandidateAsync(SimHost.Child c, string id)
    {
        var r = await _sim.SendAsync(HttpMethod.Put, "/v2/atsCandidates?" + SimHost.CandIds(id), c.Token, Entities((SimHost.CandKey(id), SimHost.Candidate())), "batch_update");
        Assert.Equal(204, r.Json["results"]![SimHost.CandKey(id)]!["status"]!.GetValue<int>());
    }

    [Fact]
    public async Task BatchGet_WithoutProtocolHeader_IsProtocol1WithIndexedIds()
    {
        var c = await _sim.EnabledChildAsync();
        await PutCandidateAsync(c, "p1");
        var r = await _sim.SendAsync(HttpMethod.Get, "/v2/atsCandidates?" + SimHost.CandIds("p1"), c.Token, protocol: false);
        Assert.Equal(HttpStatusCode.OK, r.Status);
        Assert.Equal("Maya", r.Json["results"]![SimHost.CandKey("p1")]!["firstName"]!.GetValue<string>());
        Assert.Equal("1.0.0", r.Headers.GetValues("X-RestLi-Protocol-Version").Single());
        var v2 = await _sim.GetAsync("/v2/atsCandidates?" + SimHost.CandIds("p1"), c.Token);
        Assert.Equal("2.0.0", v2.Headers.GetValues("X-RestLi-Protocol-Version").Single());
    }

    [Fact]
    public async Task ApiCall_UnsupportedProtocolVersion_Returns400()
    {
        var parent = await _sim.PartnerTokenAsync();
        var r = await _sim.SendAsync(HttpMethod.Get, "/v2/provisionedApplications?q=credentialsByUniqueForeignId&uniqueForeignId=x", parent, protocol: false, headers: Protocol("3.0.0"));
        Assert.Equal(HttpStatusCode.BadRequest, r.Status);
        Assert.Contains("Unsupported X-RestLi-Protocol-Version '3.0.0'", r.Json["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task ApiCall_WithoutToken_Returns401WhateverTheHeaders()
    {
        var bad = await _sim.SendAsync(HttpMethod.Get, "/rest/atsCandidates?ids=List(" + CandV2("x") + ")", null, protocol: false, headers: Protocol("9.9.9"));
        Assert.Equal(HttpStatusCode.Unauthorized, bad.Status);
        Assert.Equal("INVALID_ACCESS_TOKEN", bad.Json["code"]!.GetValue<string>());
        var v1With2Syntax = await _sim.SendAsync(HttpMethod.Post, "/v2/atsCandidates?ids=List(" + CandV2("x") + ")", "expired-or-unknown", "{}", protocol: false);
        Assert.Equal(HttpStatusCode.Unauthorized, v1With2Syntax.Status);
    }

    [Fact]
    public async Task BatchGet_ListSyntaxWithProtocol2_NamesKeysIn2Form()
    {
        var c = await _sim.EnabledChildAsync();
        await PutCandidateAsync(c, "p2");
        var r = await _sim.GetAsync($"/v2/atsCandidates?ids=List({CandV2("p2")},{CandV2("nobody")})", c.Token);
        Assert.Equal(HttpStatusCode.OK, r.Status);
        Assert.Equal("Maya", r.Json["results"]![CandV2("p2")]!["firstName"]!.GetValue<string>());
        Assert.Equal(404, r.Json["errors"]![CandV2("nobody")]!["status"]!.GetValue<int>());
    }

    [Fact]
    public async Task BatchUpdate_ListSyntaxAnd2BodyKeys_StoresUnderTheSameKeyAs1()
    {
        var c = await _sim.EnabledChildAsync();
        var put = await _sim.SendAsync(HttpMethod.Put, $"/v2/atsCandidates?ids=List({CandV2("p3")})", c.Token, Entities((CandV2("p3"), SimHost.Candidate("Ada"))), "batch_update");
        Assert.Equal(204, put.Json["results"]![CandV2("p3")]!["status"]!.GetValue<int>());
        var v1 = await _sim.SendAsync(HttpMethod.Get, "/v2/atsCandidates?" + SimHost.CandIds("p3"), c.Token, protocol: false);
        Assert.Equal("Ada", v1.Json["results"]![SimHost.CandKey("p3")]!["firstName"]!.GetValue<string>());
    }

    [Fact]
    public async Task ListSyntax_WithoutProtocolHeader_Returns400NamingTheHeader()
    {
        var c = await _sim.EnabledChildAsync();
        var r = await _sim.SendAsync(HttpMethod.Get, $"/v2/atsCandidates?ids=List({CandV2("p4")})", c.Token, protocol: false);
        Assert.Equal(HttpStatusCode.BadRequest, r.Status);
        Assert.Contains("X-RestLi-Protocol-Version: 2.0.0", r.Json["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task SubResourcePathKey_2Notation_NeedsProtocol2()
    {
        var c = await _sim.EnabledChildAsync();
        await PutCandidateAsync(c, "p5");
        var note = new JsonObject { ["atsCreatedAt"] = SimHost.Now, ["note"] = "Paths in 2.0" };
        var path = $"/v2/atsCandidates/{CandV2("p5")}/notes?ids=List(n1)";
        var put = await _sim.SendAsync(HttpMethod.Put, path, c.Token, Entities(("n1", note)), "batch_update");
        Assert.Equal(204, put.Json["results"]!["n1"]!["status"]!.GetValue<int>());
        var v1Path = await _sim.GetAsync($"/v2/atsCandidates/{SimHost.CandKey("p5")}/notes?ids=n1", c.Token);
        Assert.Equal("Paths in 2.0", v1Path.Json["results"]!["n1"]!["note"]!.GetValue<string>());
        var withoutHeader = await _sim.SendAsync(HttpMethod.Get, $"/v2/atsCandidates/{CandV2("p5")}/notes?ids=n1", c.Token, protocol: false);
        Assert.Equal(HttpStatusCode.BadRequest, withoutHeader.Status);
        Assert.Contains("Path key", withoutHeader.Json["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task SimpleKeys_ListSyntax_ReadsEveryKey()
    {
        var c = await _sim.EnabledChildAsync();
        var jobs = await _sim.SendAsync(HttpMethod.Post, "/v2/simpleJobPostings", c.Token, new JsonObject { ["elements"] = new JsonArray(SimHost.Job("JOB-L")) }, "batch_create");
        var task = jobs.Json["elements"]![0]!["id"]!.GetValue<string>();
        var r = await _sim.GetAsync($"/v2/simpleJobPostingTasks?ids=List({task},nope)", c.Token);
        Assert.Equal("SUCCEEDED", r.Json["results"]![task]!["status"]!.GetValue<string>());
        Assert.Equal(404, r.Json["errors"]!["nope"]!["status"]!.GetValue<int>());
    }

    [Fact]
    public async Task Finders_RecordAndListParameters_ReadInBothSyntaxes()
    {
        var c = await _sim.EnabledChildAsync(contractLevel: true);
        var seats = await _sim.GetAsync("/v2/seats?q=seatsByAttributes&contracts=List(urn%3Ali%3Acontract%3A7001)&active=true&start=0", c.Token);
        Assert.Contains(seats.Json["elements"]!.AsArray(), s => s!["id"]!.GetValue<string>() == "urn:li:seat:9004");
        var (from, to) = (SimHost.Now - (11 * 3_600_000L), SimHost.Now + 60_000);
        var v1 = await _sim.SendAsync(HttpMethod.Get, $"/v2/conversationEvents?q=criteria&viewer=urn:li:seat:9004&timeRange.start={from}&timeRange.end={to}", c.Token, protocol: false);
        var v2 = await _sim.GetAsync($"/v2/conversationEvents?q=criteria&viewer=urn%3Ali%3Aseat%3A9004&timeRange=(start:{from},end:{to})", c.Token);
        Assert.Equal(HttpStatusCode.OK, v2.Status);
        Assert.NotEmpty(v1.Json["elements"]!.AsArray());
        Assert.Equal(v1.Json["paging"]!["total"]!.GetValue<int>(), v2.Json["paging"]!["total"]!.GetValue<int>());
    }

    [Fact]
    public async Task EntityPost_WithoutMethodHeader_IsPartialUpdate()
    {
        var child = await _sim.ProvisionAsync(ufid: "tenant-infer");
        var parent = await _sim.PartnerTokenAsync();
        var patch = new JsonObject { ["patch"] = new JsonObject { ["$set"] = new JsonObject { ["validJsSdkDomains"] = new JsonArray("http://localhost:8000") } } };
        var r = await _sim.SendAsync(HttpMethod.Post, "/v2/provisionedApplications/" + child.Urn, parent, patch, protocol: false);
        Assert.Equal(HttpStatusCode.NoContent, r.Status);
        var found = await _sim.GetAsync("/v2/provisionedApplications?q=credentialsByUniqueForeignId&uniqueForeignId=tenant-infer", parent);
        Assert.Equal("http://localhost:8000", found.Json["elements"]![0]!["validJsSdkDomains"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task SubResourcePut_WithIdsWithoutMethodHeader_IsBatchUpdate()
    {
        var c = await _sim.EnabledChildAsync();
        var app = new JsonObject { ["atsCandidateId"] = "c", ["atsCreatedAt"] = 10, ["atsLastModifiedAt"] = 20, ["atsJobPostingId"] = "J", ["atsJobPostingName"] = "N", ["firstName"] = "F" };
        await _sim.SendAsync(HttpMethod.Put, "/v2/atsApplications?" + SimHost.AppIds("a1"), c.Token, Entities((SimHost.AppKey("a1"), app)), "batch_update");
        var feedback = new JsonObject { ["atsCreatedAt"] = SimHost.Now, ["feedback"] = "Clear thinker" };
        var r = await _sim.SendAsync(HttpMethod.Put, $"/v2/atsApplications/{SimHost.AppKey("a1")}/interviewFeedback?ids=f1", c.Token, Entities(("f1", feedback)), protocol: false);
        Assert.Equal(HttpStatusCode.OK, r.Status);
        Assert.Equal(204, r.Json["results"]!["f1"]!["status"]!.GetValue<int>());
    }

    [Fact]
    public async Task CollectionPost_WithIdsWithoutMethodHeader_Returns400BatchPartialUpdateRequired()
    {
        var c = await _sim.EnabledChildAsync();
        await PutCandidateAsync(c, "p6");
        var patch = new JsonObject { ["patch"] = new JsonObject { ["$delete"] = new JsonArray("manualMatchedMember") } };
        var r = await _sim.SendAsync(HttpMethod.Post, "/v2/atsCandidates?" + SimHost.CandIds("p6"), c.Token, Entities((SimHost.CandKey("p6"), patch)), protocol: false);
        Assert.Equal(HttpStatusCode.BadRequest, r.Status);
        Assert.Equal("X-RestLi-Method header is required (batch_partial_update)", r.Json["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task CollectionPost_WithoutMethodHeader_IsCreateNotBatchCreate()
    {
        var c = await _sim.EnabledChildAsync();
        var r = await _sim.SendAsync(HttpMethod.Post, "/v2/simpleJobPostings", c.Token, new JsonObject { ["elements"] = new JsonArray(SimHost.Job("JOB-N")) });
        Assert.Equal(HttpStatusCode.BadRequest, r.Status);
        Assert.Contains("required (batch_create); without it Rest.li reads this POST as create", r.Json["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task MethodHeader_ContradictingTheRequest_Returns400()
    {
        var c = await _sim.EnabledChildAsync();
        var r = await _sim.SendAsync(HttpMethod.Put, "/v2/atsCandidates?" + SimHost.CandIds("p7"), c.Token, Entities((SimHost.CandKey("p7"), SimHost.Candidate())), "batch_partial_update");
        Assert.Equal(HttpStatusCode.BadRequest, r.Status);
        Assert.StartsWith("Unsupported X-RestLi-Method 'batch_partial_update'", r.Json["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task Create_IdHeader_FollowsProtocolVersion()
    {
        var parent = await _sim.PartnerTokenAsync();
        JsonObject App(string ufid) => new() { ["uniqueForeignId"] = ufid, ["name"] = "Attract - " + ufid };
        var v1 = await _sim.SendAsync(HttpMethod.Post, "/v2/provisionedApplications", parent, App("t-v1"), protocol: false);
        var v2 = await _sim.SendAsync(HttpMethod.Post, "/v2/provisionedApplications", parent, App("t-v2"));
        Assert.Equal(v1.Json["key"]!.GetValue<string>(), v1.Headers.GetValues("X-LinkedIn-Id").Single());
        Assert.False(v1.Headers.Contains("X-RestLi-Id"));
        Assert.Equal(v2.Json["key"]!.GetValue<string>(), v2.Headers.GetValues("X-RestLi-Id").Single());
    }

    [Fact]
    public async Task SubResourceDelete_AfterParentDeleted_ReportsEachId204()
    {
        var c = await _sim.EnabledChildAsync();
        await PutCandidateAsync(c, "p8");
        var notes = $"/v2/atsCandidates/{SimHost.CandKey("p8")}/notes?ids=n1&ids=n2";
        await _sim.SendAsync(HttpMethod.Put, notes, c.Token, Entities(("n1", new JsonObject { ["atsCreatedAt"] = SimHost.Now, ["note"] = "x" })), "batch_update");
        var missingChild = await _sim.SendAsync(HttpMethod.Delete, notes, c.Token, protocol: false);
        Assert.Equal(404, missingChild.Json["errors"]!["n2"]!["status"]!.GetValue<int>());
        await _sim.SendAsync(HttpMethod.Delete, "/v2/atsCandidates?" + SimHost.CandIds("p8"), c.Token, protocol: false);
        var r = await _sim.SendAsync(HttpMethod.Delete, notes, c.Token, protocol: false);
        Assert.Equal(HttpStatusCode.OK, r.Status);
        Assert.Equal(204, r.Json["results"]!["n1"]!["status"]!.GetValue<int>());
        Assert.Equal(204, r.Json["results"]!["n2"]!["status"]!.GetValue<int>());
        Assert.Empty(r.Json["errors"]!.AsObject());
        var get = await _sim.SendAsync(HttpMethod.Get, notes, c.Token, protocol: false);
        Assert.Equal(HttpStatusCode.NotFound, get.Status);
    }
}
