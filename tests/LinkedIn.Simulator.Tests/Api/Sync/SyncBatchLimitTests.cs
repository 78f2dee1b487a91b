using System.Net;
using System.Text.Json.Nodes;

namespace LinkedIn.Simulator.Tests;

/// <summary>Batch sizes, element errors, key encodings and query tunnelling of the sync API.</summary>
public sealed class SyncBatchLimitTests : SimHostTest
{
    [Fact]
    public async Task SimpleJobPostings_MoreThan100Elements_Returns400()
    {
        var c = await Sim.EnabledChildAsync();
        var els = new JsonArray(Enumerable.Range(0, 101).Select(i => (JsonNode)SimHost.Job("J" + i)).ToArray());
        var r = await Sim.SendAsync(HttpMethod.Post, "/v2/simpleJobPostings", c.Token, new JsonObject { ["elements"] = els }, "batch_create");
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
        var c = await Sim.EnabledChildAsync();
        var job = SimHost.Job("J-bad");
        job[field] = value;
        var r = await Sim.SendAsync(HttpMethod.Post, "/v2/simpleJobPostings", c.Token, new JsonObject { ["elements"] = new JsonArray(job, SimHost.Job("J-good")) }, "batch_create");
        Assert.Equal(HttpStatusCode.OK, r.Status);
        Assert.Equal(400, r.Json["elements"]![0]!["status"]!.GetValue<int>());
        Assert.Equal("VALIDATION_FAILED", r.Json["elements"]![0]!["error"]!["code"]!.GetValue<string>());
        Assert.Equal(202, r.Json["elements"]![1]!["status"]!.GetValue<int>());
    }

    [Fact]
    public async Task SubResource_MoreThan100Ids_Returns400()
    {
        var c = await Sim.EnabledChildAsync();
        await Sim.SendAsync(HttpMethod.Put, "/v2/atsCandidates?" + SimHost.CandIds("big"), c.Token, new JsonObject { ["entities"] = new JsonObject { [SimHost.CandKey("big")] = SimHost.Candidate() } }, "batch_update");
        var ids = string.Join('&', Enumerable.Range(0, 101).Select(i => "ids=n" + i));
        var r = await Sim.GetAsync($"/v2/atsCandidates/{SimHost.CandKey("big")}/notes?{ids}", c.Token);
        Assert.Equal(HttpStatusCode.BadRequest, r.Status);
        Assert.Equal("BATCH_TOO_LARGE", r.Json["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task SubResource_EncodedSimpleKeys_MatchRawBodyKeys()
    {
        var c = await Sim.EnabledChildAsync();
        await Sim.SendAsync(HttpMethod.Put, "/v2/atsCandidates?" + SimHost.CandIds("enc"), c.Token, new JsonObject { ["entities"] = new JsonObject { [SimHost.CandKey("enc")] = SimHost.Candidate() } }, "batch_update");
        var r = await Sim.SendAsync(HttpMethod.Put, $"/v2/atsCandidates/{SimHost.CandKey("enc")}/notes?ids=n%202", c.Token, new JsonObject
        {
            ["entities"] = new JsonObject { ["n 2"] = new JsonObject { ["atsCreatedAt"] = SimHost.Now, ["note"] = "spaced" } },
        }, "batch_update");
        Assert.Equal(204, r.Json["results"]!["n 2"]!["status"]!.GetValue<int>());
        var g = await Sim.GetAsync($"/v2/atsCandidates/{SimHost.CandKey("enc")}/notes?ids=n%202", c.Token);
        Assert.Equal("spaced", g.Json["results"]!["n 2"]!["note"]!.GetValue<string>());
    }

    [Fact]
    public async Task QueryTunneling_DeleteOverride_DeletesCandidates()
    {
        var c = await Sim.EnabledChildAsync();
        await Sim.SendAsync(HttpMethod.Put, "/v2/atsCandidates?" + SimHost.CandIds("tdel"), c.Token, new JsonObject { ["entities"] = new JsonObject { [SimHost.CandKey("tdel")] = SimHost.Candidate() } }, "batch_update");
        var resp = await Sim.TunnelAsync("/v2/atsCandidates", SimHost.CandIds("tdel"), "DELETE", c.Token);
        Assert.Equal(HttpStatusCode.OK, resp.Status);
        var g = await Sim.GetAsync("/v2/atsCandidates?" + SimHost.CandIds("tdel"), c.Token);
        Assert.Equal(404, g.Json["errors"]![SimHost.CandKey("tdel")]!["status"]!.GetValue<int>());
    }

    [Fact]
    public async Task AtsCandidates_EntityOfWrongJsonType_Returns400NotServerError()
    {
        var c = await Sim.EnabledChildAsync();
        var r = await Sim.SendAsync(HttpMethod.Post, "/v2/atsCandidates?" + SimHost.CandIds("w"), c.Token, $"{{\"entities\":{{\"{SimHost.CandKey("w")}\":\"oops\"}}}}", "batch_partial_update");
        Assert.True(r.Code is 200 or 400, r.Body);
        var bad = await Sim.SendAsync(HttpMethod.Post, "/v2/atsIntegrations", c.Token, "{\"entities\":{\"integrationContext=x\":[1,2]}}", "batch_partial_update");
        Assert.True(bad.Code is 200 or 400, bad.Body);
        var notJson = await Sim.SendAsync(HttpMethod.Put, "/v2/atsCandidates?" + SimHost.CandIds("w"), c.Token, "{not json", "batch_update");
        Assert.Equal(HttpStatusCode.BadRequest, notJson.Status);
    }
}
