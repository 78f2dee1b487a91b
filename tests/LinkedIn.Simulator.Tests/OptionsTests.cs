using Microsoft.Extensions.Configuration;

namespace LinkedIn.Simulator.Tests;

public sealed class OptionsTests
{
    [Fact]
    public void FromConfiguration_SectionValues_AreBound()
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["LinkedInSim:Urls"] = "http://localhost:6090",
            ["LinkedInSim:DatabasePath"] = "/tmp/x.db",
            ["LinkedInSim:PartnerClientId"] = "p",
            ["LinkedInSim:PartnerClientSecret"] = "s",
            ["LinkedInSim:NotifyPartnerDelay"] = "00:00:05",
            ["LinkedInSim:PartnerRedirectUris:0"] = "https://attract.test/cb",
            ["LinkedInSim:SeedSampleData"] = "false",
            ["LinkedInSim:ExportsPerSeatPerMonth"] = "7",
        }).Build();
        var o = SimulatorOptions.FromConfiguration(config, "LinkedInSim");
        Assert.Equal("http://localhost:6090", o.Urls);
        Assert.Equal("/tmp/x.db", o.DatabasePath);
        Assert.Equal("p", o.PartnerClientId);
        Assert.Equal("s", o.PartnerClientSecret);
        Assert.Equal(TimeSpan.FromSeconds(5), o.NotifyPartnerDelay);
        Assert.Equal(["https://attract.test/cb"], o.PartnerRedirectUris);
        Assert.False(o.SeedSampleData);
        Assert.Equal(7, o.ExportsPerSeatPerMonth);
    }

    [Fact]
    public void FromConfiguration_Defaults_MatchTheDocumentedOnes()
    {
        var o = SimulatorOptions.FromConfiguration([]);
        Assert.Equal("attract-dev-partner", o.PartnerClientId);
        Assert.Equal("attract-dev-partner-secret", o.PartnerClientSecret);
        Assert.Equal(TimeSpan.FromMinutes(10), o.NotifyPartnerDelay);
        Assert.Equal(500, o.MemberCount);
        Assert.Equal(100, o.MaxBatchSize);
        Assert.Equal(300, o.ExportsPerSeatPerMonth);
    }

    [Fact]
    public async Task SeededWorld_HasOrganisationContractsAccountsAndFiveHundredMembers()
    {
        await using var sim = await SimHost.StartAsync();
        var members = await sim.MembersAsync(count: 1000);
        Assert.Equal(505, members.Count);
        Assert.All(members, m => Assert.StartsWith("https://www.linkedin.com/in/", m!["profileUrl"]!.GetValue<string>()));
        var accounts = (await sim.PageAsync("/_sim/accounts")).Json.AsArray();
        Assert.Contains(accounts, a => a!["email"]!.GetValue<string>() == "admin@linkedin.test" && a["contract"]!.GetValue<string>() == SimHost.Emea && a["admin"]!.GetValue<bool>());
        Assert.Contains(accounts, a => a!["email"]!.GetValue<string>() == "hiring.manager@linkedin.test" && a["contract"]!.GetValue<string>() == SimHost.Global);
        Assert.True(accounts.Count(a => a!["contract"]!.GetValue<string>() == SimHost.Global) >= 5);
        // deterministic across instances
        await using var other = await SimHost.StartAsync();
        var again = await other.MembersAsync(count: 1000);
        Assert.Equal(members.Select(m => m!["urn"]!.GetValue<string>()), again.Select(m => m!["urn"]!.GetValue<string>()));
    }
}
