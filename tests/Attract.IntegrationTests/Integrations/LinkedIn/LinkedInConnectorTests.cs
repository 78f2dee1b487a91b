using Attract.Core.LinkedIn;
using Attract.IntegrationTests.Infrastructure;
using Attract.Web.Integrations.LinkedIn;
using LinkedIn.Recruiter;
using Microsoft.Extensions.DependencyInjection;

namespace Attract.IntegrationTests.Integrations.LinkedIn;

public class LinkedInConnectorTests
{
    [Theory]
    [InlineData("Contoso", "Attract - Contoso")]
    [InlineData("Contoso LinkedIn Team", "Attract - Contoso Team")]
    [InlineData("A very long customer name that goes on and on and on", "Attract - A very long customer name that goes on a")]
    public void ApplicationName_Customer_FollowsLinkedInRules(string customer, string expected)
    {
        var name = LinkedInConnector.ApplicationName(customer);

        Assert.Equal(expected, name);
        Assert.True(name.Length <= 50);
        Assert.DoesNotContain("linkedin", name, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void CapabilitySet_Levels_UnlockTheRightCapabilities()
    {
        var company = new LinkedInCapabilitySet(LinkedInAccessLevel.CompanyLevel, SeatUrn: null);
        var contract = new LinkedInCapabilitySet(LinkedInAccessLevel.ContractLevel, "urn:li:seat:9002");

        Assert.True(company.Has(LinkedInCapability.ProfileWidget));
        Assert.True(company.Has(LinkedInCapability.OneClickExport));
        Assert.False(company.HasForUser(LinkedInCapability.OneClickExport));
        Assert.True(company.HasForUser(LinkedInCapability.InAtsIndicator));
        Assert.False(company.Has(LinkedInCapability.InMailHistory));
        Assert.True(contract.HasForUser(LinkedInCapability.StubProfiles));
        Assert.False(LinkedInCapabilitySet.None.Has(LinkedInCapability.InAtsIndicator));
    }

    [Fact]
    public async Task ConnectContract_AgainAfterDisconnect_ReusesTheChildAppThroughConflict()
    {
        using var factory = new AttractFactory()
            .WithSetting("LinkedIn:Simulator:Enabled", "true")
            .WithSetting("LinkedIn:Simulator:Urls", "http://127.0.0.1:0");
        factory.CreateClient().Dispose();
        string? first;
        string? second;
        LinkedInAppCredentials? app;

        using (var scope = factory.Services.CreateScope())
        {
            var connector = scope.ServiceProvider.GetRequiredService<LinkedInConnector>();
            var connection = await connector.GetConnectionAsync();
            await connector.ConnectContractAsync(connection, "urn:li:contract:7001", "Contoso – Global", "urn:li:organization:1001", "http://127.0.0.1:5000", CancellationToken.None);
            first = connection.ChildClientId;
            connection.Disconnect();
            await connector.SaveAsync(CancellationToken.None);
            await connector.ConnectContractAsync(connection, "urn:li:contract:7001", "Contoso – Global", "urn:li:organization:1001", "http://127.0.0.1:5001", CancellationToken.None);
            second = connection.ChildClientId;
            app = connector.ChildApp(connection);
            Assert.Contains("Found the existing application", connection.LastOutcome);
        }

        Assert.NotNull(first);
        Assert.Equal(first, second);
        var found = await factory.Services.GetRequiredService<ILinkedInProvisioningClient>().FindApplicationByUniqueForeignIdAsync((await factory.ConnectionAsync()).TenantId);
        Assert.Equal(["http://127.0.0.1:5001"], found!.ValidJsSdkDomains);
        Assert.Equal(app!.ClientSecret, found.Credentials!.ClientSecret);
    }
}
