using System.Net;
using System.Text.Json.Nodes;

namespace LinkedIn.Simulator.Tests;

/// <summary>The CALLBACK_URL and viewers configurations of atsIntegrations, and the integrations API limits.</summary>
public sealed class CallbackConfigurationTests() : SimHostTest(withPushReceiver: true)
{
    [Fact]
    public async Task CallbackUrl_WhenSet_IsValidatedWithChallenge()
    {
        var c = await Sim.EnabledChildAsync();
        Receiver.Secret = c.Secret;
        await Sim.SetConfigurationAsync(c, "ONE_CLICK_EXPORT", "CALLBACK_URL", Receiver.CallbackUrl);
        var r = await Sim.SendAsync(HttpMethod.Post, "/_sim/challenge", null, new JsonObject { ["clientId"] = c.ClientId });
        Assert.Equal(HttpStatusCode.OK, r.Status);
        Assert.True(r.Json["valid"]!.GetValue<bool>());
        Assert.Contains(c.Urn, Receiver.Challenges);
        Receiver.Secret = "wrong";
        var bad = await Sim.SendAsync(HttpMethod.Post, "/_sim/challenge", null, new JsonObject { ["clientId"] = c.ClientId });
        Assert.False(bad.Json["valid"]!.GetValue<bool>());
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
    public async Task Configurations_PathKeyEncodedAsAWhole_IsAccepted()
    {
        var c = await Sim.ProvisionAsync();
        var key = Uri.EscapeDataString($"integrationContext={SimHost.Org}&integrationType=IN_ATS_INDICATOR&tenantType=RECRUITER&dataProvider=ATS");
        var r = await Sim.SendAsync(HttpMethod.Put, $"/v2/atsIntegrations/{key}/configurations?ids=APPLICATION_VIEWERS", c.Token, new JsonObject
        {
            ["entities"] = new JsonObject { ["APPLICATION_VIEWERS"] = new JsonObject { ["configurationValue"] = new JsonObject { ["string"] = "ALL_PRODUCT_USERS" } } },
        }, "batch_update");
        Assert.Equal(HttpStatusCode.OK, r.Status);
        Assert.Equal(204, r.Json["results"]!["APPLICATION_VIEWERS"]!["status"]!.GetValue<int>());
    }
}
