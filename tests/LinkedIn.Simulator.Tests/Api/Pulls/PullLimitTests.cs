using System.Net;

namespace LinkedIn.Simulator.Tests;

/// <summary>The shared daily limit of the prospect-interaction pulls.</summary>
public sealed class PullLimitTests : SimHostTest
{
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
}
