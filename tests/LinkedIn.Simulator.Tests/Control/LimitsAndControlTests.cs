using System.Net;
using System.Text.Json.Nodes;
using Attract.Testing;

namespace LinkedIn.Simulator.Tests;

public sealed class LimitsAndControlTests
{
    [Fact]
    public async Task DailyLimit_Exceeded_Returns429UntilUtcMidnight()
    {
        await using var sim = await SimHost.StartAsync(o => o.DailyRequestLimit = 3);
        // noon UTC on the simulation clock: midnight (and the token's 30 minutes) are hours away whenever the test runs
        var noon = new DateTimeOffset(DateTimeOffset.UtcNow.UtcDateTime.Date.AddHours(12), TimeSpan.Zero);
        await sim.SendAsync(HttpMethod.Post, "/_sim/clock", null, new JsonObject { ["nowMs"] = noon.ToUnixTimeMilliseconds() });
        var c = await sim.EnabledChildAsync();
        var path = "/v2/atsCandidates?" + SimHost.CandIds("x");
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await sim.GetAsync(path, c.Token)).Status);
        }
        var r = await sim.GetAsync(path, c.Token);
        Assert.Equal((HttpStatusCode)429, r.Status);
        Assert.Equal("TOO_MANY_REQUESTS", r.Json["code"]!.GetValue<string>());
        // another resource has its own counter
        Assert.Equal(HttpStatusCode.OK, (await sim.GetAsync("/v2/atsApplications?" + SimHost.AppIds("a"), c.Token)).Status);
        // move the clock to the next UTC midnight (and get a fresh token: 2-legged tokens live 30 minutes)
        var clock = await sim.PageAsync("/_sim/clock");
        var now = DateTimeOffset.FromUnixTimeMilliseconds(clock.Json["nowMs"]!.GetValue<long>());
        var midnight = new DateTimeOffset(now.UtcDateTime.Date.AddDays(1), TimeSpan.Zero);
        await sim.SendAsync(HttpMethod.Post, "/_sim/clock", null, new JsonObject { ["nowMs"] = midnight.ToUnixTimeMilliseconds() + 1000 });
        var expired = await sim.GetAsync(path, c.Token);
        Assert.Equal(HttpStatusCode.Unauthorized, expired.Status);
        var token = await sim.TokenAsync(c.ClientId, c.Secret);
        Assert.Equal(HttpStatusCode.OK, (await sim.GetAsync(path, token)).Status);
    }

    [Fact]
    public async Task RecordsPerMinute_Exceeded_Returns429WithRetryAfter()
    {
        await using var sim = await SimHost.StartAsync(o => o.RecordsPerMinuteLimit = 5);
        var c = await sim.EnabledChildAsync();
        var ids = new[] { "a", "b", "c", "d" };
        JsonObject Body(string[] keys) => new() { ["entities"] = new JsonObject(keys.Select(k => KeyValuePair.Create(SimHost.CandKey(k), (JsonNode?)SimHost.Candidate()))) };
        var first = await sim.SendAsync(HttpMethod.Put, "/v2/atsCandidates?" + SimHost.CandIds(ids), c.Token, Body(ids), "batch_update");
        Assert.Equal(HttpStatusCode.OK, first.Status);
        var second = await sim.SendAsync(HttpMethod.Put, "/v2/atsCandidates?" + SimHost.CandIds(ids), c.Token, Body(ids), "batch_update");
        Assert.Equal((HttpStatusCode)429, second.Status);
        Assert.True(second.Headers.RetryAfter is not null);
        // the switch lifts the limits
        await sim.SendAsync(HttpMethod.Post, "/_sim/faults", null, new JsonObject { ["liftRateLimits"] = true });
        var lifted = await sim.SendAsync(HttpMethod.Put, "/v2/atsCandidates?" + SimHost.CandIds(ids), c.Token, Body(ids), "batch_update");
        Assert.Equal(HttpStatusCode.OK, lifted.Status);
        await sim.SendAsync(HttpMethod.Delete, "/_sim/faults", null);
        await sim.SendAsync(HttpMethod.Post, "/_sim/clock", null, new JsonObject { ["advanceSeconds"] = 61 });
        var token = await sim.TokenAsync(c.ClientId, c.Secret);
        var nextMinute = await sim.SendAsync(HttpMethod.Put, "/v2/atsCandidates?" + SimHost.CandIds(ids), token, Body(ids), "batch_update");
        Assert.Equal(HttpStatusCode.OK, nextMinute.Status);
    }

    [Fact]
    public async Task Faults_ErrorRateAnd429RateAndLatency_AreInjected()
    {
        await using var sim = await SimHost.StartAsync();
        var c = await sim.EnabledChildAsync();
        var path = "/v2/atsCandidates?" + SimHost.CandIds("x");
        await sim.SendAsync(HttpMethod.Post, "/_sim/faults", null, new JsonObject { ["errorRate"] = 1.0 });
        var e = await sim.GetAsync(path, c.Token);
        Assert.Equal(HttpStatusCode.InternalServerError, e.Status);
        Assert.Equal("INTERNAL_ERROR", e.Json["code"]!.GetValue<string>());
        await sim.SendAsync(HttpMethod.Post, "/_sim/faults", null, new JsonObject { ["tooManyRequestsRate"] = 1.0 });
        Assert.Equal((HttpStatusCode)429, (await sim.GetAsync(path, c.Token)).Status);
        await sim.SendAsync(HttpMethod.Post, "/_sim/faults", null, new JsonObject { ["latencyMs"] = 300 });
        var sw = System.Diagnostics.Stopwatch.StartNew();
        Assert.Equal(HttpStatusCode.OK, (await sim.GetAsync(path, c.Token)).Status);
        Assert.True(sw.ElapsedMilliseconds >= 290);
        var bad = await sim.SendAsync(HttpMethod.Post, "/_sim/faults", null, new JsonObject { ["errorRate"] = 2.0 });
        Assert.Equal(HttpStatusCode.BadRequest, bad.Status);
    }

    [Fact]
    public async Task Faults_DropCallbacks_PushIsNotDelivered()
    {
        await using var sim = await SimHost.StartAsync();
        await using var receiver = await PushReceiver.StartAsync();
        var c = await sim.EnabledChildAsync();
        var key = $"integrationContext={SimHost.Enc(SimHost.Org)}&integrationType=ONE_CLICK_EXPORT&tenantType=RECRUITER&dataProvider=ATS";
        await sim.SendAsync(HttpMethod.Put, $"/v2/atsIntegrations/{key}/configurations?ids=CALLBACK_URL", c.Token, new JsonObject
        {
            ["entities"] = new JsonObject { ["CALLBACK_URL"] = new JsonObject { ["configurationValue"] = new JsonObject { ["string"] = receiver.CallbackUrl } } },
        }, "batch_update");
        await sim.SendAsync(HttpMethod.Post, "/v2/simpleJobPostings", c.Token, new JsonObject { ["elements"] = new JsonArray(SimHost.Job("J")) }, "batch_create");
        await sim.SendAsync(HttpMethod.Post, "/_sim/faults", null, new JsonObject { ["dropCallbacks"] = true });
        var exp = await sim.SendAsync(HttpMethod.Post, "/_sim/exports", null, new JsonObject { ["clientId"] = c.ClientId, ["memberId"] = "rC7kLm", ["externalJobPostingId"] = "J" });
        var id = exp.Json["requestId"]!.GetValue<string>();
        var status = await Eventually.MatchAsync(
            async () => (await sim.PageAsync("/_sim/pushes")).Json.AsArray().Single(p => p!["id"]!.GetValue<string>() == id)!["status"]!.GetValue<string>(),
            s => s == "DROPPED", "the push to be dropped", TimeSpan.FromSeconds(5), TimeSpan.FromMilliseconds(50));
        Assert.Equal("DROPPED", status);
        Assert.Empty(receiver.Pushes);
        // the export itself can still be pulled
        var pulled = await sim.GetAsync("/v2/exportedCandidates?q=request&requestId=" + id, c.Token);
        Assert.Single(pulled.Json["elements"]!.AsArray());
    }

    [Fact]
    public async Task ExportLimit_PerSeatPerMonth_RejectsFurtherExports()
    {
        await using var sim = await SimHost.StartAsync(o => o.ExportsPerSeatPerMonth = 2);
        var c = await sim.EnabledChildAsync();
        await sim.SendAsync(HttpMethod.Post, "/v2/simpleJobPostings", c.Token, new JsonObject { ["elements"] = new JsonArray(SimHost.Job("J")) }, "batch_create");
        for (var i = 0; i < 2; i++)
        {
            var ok = await sim.SendAsync(HttpMethod.Post, "/_sim/exports", null, new JsonObject { ["clientId"] = c.ClientId, ["memberId"] = "rC7kLm", ["externalJobPostingId"] = "J", ["seat"] = "urn:li:seat:9004" });
            Assert.Equal(HttpStatusCode.OK, ok.Status);
        }
        var over = await sim.SendAsync(HttpMethod.Post, "/_sim/exports", null, new JsonObject { ["clientId"] = c.ClientId, ["memberId"] = "rC7kLm", ["externalJobPostingId"] = "J", ["seat"] = "urn:li:seat:9004" });
        Assert.Equal(HttpStatusCode.BadRequest, over.Status);
        Assert.Contains("limit", over.Json["message"]!.GetValue<string>());
        var otherSeat = await sim.SendAsync(HttpMethod.Post, "/_sim/exports", null, new JsonObject { ["clientId"] = c.ClientId, ["memberId"] = "rC7kLm", ["externalJobPostingId"] = "J", ["seat"] = "urn:li:seat:9005" });
        Assert.Equal(HttpStatusCode.OK, otherSeat.Status);
    }

    [Fact]
    public async Task Token_AfterThirtyMinutes_Returns401Expired()
    {
        await using var sim = await SimHost.StartAsync();
        var c = await sim.EnabledChildAsync();
        await sim.SendAsync(HttpMethod.Post, "/_sim/clock", null, new JsonObject { ["advanceSeconds"] = 1801 });
        var r = await sim.GetAsync("/v2/atsCandidates?" + SimHost.CandIds("x"), c.Token);
        Assert.Equal(HttpStatusCode.Unauthorized, r.Status);
        Assert.Equal("EXPIRED_ACCESS_TOKEN", r.Json["code"]!.GetValue<string>());
        Assert.Equal(65601, r.Json["serviceErrorCode"]!.GetValue<int>());
    }

    [Fact]
    public async Task State_SurvivesRestart_AndResetReseeds()
    {
        var dir = Path.Combine(Path.GetTempPath(), "li-sim-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        var db = Path.Combine(dir, "persist.db");
        await using (var sim = await SimHost.StartAsync(dbPath: db))
        {
            var c = await sim.EnabledChildAsync();
            await sim.SendAsync(HttpMethod.Put, "/v2/atsCandidates?" + SimHost.CandIds("p1"), c.Token, new JsonObject { ["entities"] = new JsonObject { [SimHost.CandKey("p1")] = SimHost.Candidate() } }, "batch_update");
            await sim.RestartAsync();
            var r = await sim.GetAsync("/v2/atsCandidates?" + SimHost.CandIds("p1"), c.Token);
            Assert.Equal(HttpStatusCode.OK, r.Status);
            Assert.NotNull(r.Json["results"]![SimHost.CandKey("p1")]);
            var reset = await sim.SendAsync(HttpMethod.Post, "/_sim/reset", null);
            Assert.Equal(HttpStatusCode.OK, reset.Status);
            var after = await sim.GetAsync("/v2/atsCandidates?" + SimHost.CandIds("p1"), c.Token);
            Assert.Equal(HttpStatusCode.Unauthorized, after.Status);
            Assert.Equal(HttpStatusCode.OK, (await sim.FormAsync("/oauth/v2/accessToken", new Dictionary<string, string> { ["grant_type"] = "client_credentials", ["client_id"] = "attract-dev-partner", ["client_secret"] = "attract-dev-partner-secret" })).Status);
        }
        Directory.Delete(dir, true);
    }

    [Fact]
    public async Task RequestLog_RecordsPartnerCallsWithoutSecrets()
    {
        await using var sim = await SimHost.StartAsync();
        var c = await sim.EnabledChildAsync();
        await sim.GetAsync("/v2/atsCandidates?" + SimHost.CandIds("logged"), c.Token);
        var log = await sim.PageAsync("/_sim/requests?clientId=" + c.ClientId);
        Assert.Equal(HttpStatusCode.OK, log.Status);
        var entry = log.Json.AsArray().First(e => e!["path"]!.GetValue<string>().StartsWith("/v2/atsCandidates"))!;
        Assert.Equal("GET", entry["method"]!.GetValue<string>());
        Assert.Equal(200, entry["status"]!.GetValue<int>());
        Assert.Equal("Bearer ***", entry["headers"]!["Authorization"]!.GetValue<string>());
        Assert.DoesNotContain(c.Token, log.Body);
        Assert.DoesNotContain(c.Secret, log.Body);
        var all = await sim.PageAsync("/_sim/requests");
        Assert.DoesNotContain("attract-dev-partner-secret", all.Body);
        var page = await sim.PageAsync("/_sim/requests/view");
        Assert.Contains("/v2/atsCandidates", page.Body);
        Assert.DoesNotContain(c.Token, page.Body);
    }

    [Fact]
    public async Task Settings_NotifyPartnerDelay_CanBeChanged()
    {
        await using var sim = await SimHost.StartAsync();
        var r = await sim.SendAsync(HttpMethod.Post, "/_sim/settings", null, new JsonObject { ["notifyPartnerDelaySeconds"] = 5 });
        Assert.Equal(5000, r.Json["notifyPartnerDelayMs"]!.GetValue<long>());
    }
}
