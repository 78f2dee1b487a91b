using System.Net;
using System.Text.Json.Nodes;

namespace LinkedIn.Simulator.Tests;

/// <summary>/_sim shortcuts that push to the partner, injected callback faults, and the /_sim page.</summary>
public sealed class ControlPushTests() : SimHostTest(withPushReceiver: true)
{
    [Fact]
    public async Task ResyncJobs_Push_IsSignedAndListsJobs()
    {
        var c = await Sim.EnabledChildAsync();
        Receiver.Secret = c.Secret;
        await Sim.SetConfigurationAsync(c, "ONE_CLICK_EXPORT", "CALLBACK_URL", Receiver.CallbackUrl);
        var r = await Sim.SendAsync(HttpMethod.Post, "/_sim/resync-jobs", null, new JsonObject { ["clientId"] = c.ClientId, ["externalJobPostingIds"] = new JsonArray("JOB-1") });
        var id = r.Json["id"]!.GetValue<string>();
        var push = await Receiver.WaitForAsync(p => p.Body.Contains(id));
        Assert.True(push.SignatureValid);
        var body = JsonNode.Parse(push.Body)!;
        Assert.Equal("RESYNC_JOBS", body["type"]!.GetValue<string>());
        Assert.Equal(c.Urn, body["developerApplicationUrn"]!.GetValue<string>());
        Assert.False(body["syncAllOpenJobs"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Faults_SlowCallbacks_DelayDelivery()
    {
        var c = await Sim.EnabledChildAsync();
        Receiver.Secret = c.Secret;
        await Sim.SetConfigurationAsync(c, "ONE_CLICK_EXPORT", "CALLBACK_URL", Receiver.CallbackUrl);
        await Sim.SendAsync(HttpMethod.Post, "/v2/simpleJobPostings", c.Token, new JsonObject { ["elements"] = new JsonArray(SimHost.Job("J-S")) }, "batch_create");
        await Sim.SendAsync(HttpMethod.Post, "/_sim/faults", null, new JsonObject { ["callbackDelayMs"] = 700 });
        var sw = System.Diagnostics.Stopwatch.StartNew();
        var exp = await Sim.SendAsync(HttpMethod.Post, "/_sim/exports", null, new JsonObject { ["clientId"] = c.ClientId, ["memberId"] = "rC7kLm", ["externalJobPostingId"] = "J-S" });
        var id = exp.Json["requestId"]!.GetValue<string>();
        await Receiver.WaitForAsync(p => p.Body.Contains(id));
        Assert.True(sw.ElapsedMilliseconds >= 650);
        await Sim.SendAsync(HttpMethod.Delete, "/_sim/faults", null);
    }

    [Fact]
    public async Task Pushes_MoreThanShown_ListsTheNewest500OldestFirst()
    {
        var c = await Sim.EnabledChildAsync();
        var ids = new List<string>();
        for (var i = 0; i < 501; i++)
        {
            var r = await Sim.SendAsync(HttpMethod.Post, "/_sim/resync-jobs", null, new JsonObject { ["clientId"] = c.ClientId });
            ids.Add(r.Json["id"]!.GetValue<string>());
        }
        var listed = (await Sim.PageAsync("/_sim/pushes?clientId=" + c.ClientId)).Json.AsArray().Select(p => p!["id"]!.GetValue<string>()).ToList();
        Assert.Equal(500, listed.Count);
        Assert.DoesNotContain(ids[0], listed);
        Assert.Equal(ids[1], listed[0]);
        Assert.Equal(ids[^1], listed[^1]);
        Assert.Equal(500, (await Sim.PageAsync("/_sim/pushes")).Json.AsArray().Count);
    }

    [Fact]
    public async Task SimIndexPage_ListsAccountsAndApps()
    {
        var c = await Sim.ProvisionAsync();
        var page = await Sim.PageAsync("/_sim");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("admin@linkedin.test", page.Body);
        Assert.Contains(c.ClientId, page.Body);
    }
}
