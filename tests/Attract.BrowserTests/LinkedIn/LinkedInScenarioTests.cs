using Attract.BrowserTests.Infrastructure;

namespace Attract.BrowserTests.LinkedIn;

public sealed class LinkedInScenarioTests : IDisposable
{
    private readonly KestrelAttractFactory _app = LinkedInScenario.CreateApp();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task ConnectAsync_ContractLevel_AttractAppliesBothSignedStatusPushes()
    {
        var connection = await LinkedInScenario.ConnectAsync(_app, contractLevel: true);

        Assert.True(connection.CompanyLevelEnabled);
        Assert.True(connection.ContractLevelEnabled);
        Assert.Equal(LinkedInScenario.Organization, connection.OrganizationUrn);
        Assert.NotNull(connection.ChildClientId);
    }
}
