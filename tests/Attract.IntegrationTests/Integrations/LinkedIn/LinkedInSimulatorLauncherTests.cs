using System.Net;
using Attract.IntegrationTests.Infrastructure;
using Attract.Web.Integrations.LinkedIn;
using LinkedIn.Recruiter;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Attract.IntegrationTests.Integrations.LinkedIn;

public class LinkedInSimulatorLauncherTests
{
    [Fact]
    public async Task Startup_SimulatorEnabled_StartsItAndPointsTheClientAtIt()
    {
        using var factory = new AttractFactory()
            .WithSetting("LinkedIn:Simulator:Enabled", "true")
            .WithSetting("LinkedIn:Simulator:Urls", "http://127.0.0.1:0");
        factory.CreateClient();

        var simulatorUrl = factory.Services.GetRequiredService<LinkedInAvailability>().Simulator.BaseUrl;
        Assert.StartsWith("http://127.0.0.1:", simulatorUrl, StringComparison.Ordinal);
        var options = factory.Services.GetRequiredService<IOptions<LinkedInRecruiterOptions>>().Value;
        Assert.Equal(simulatorUrl, options.ApiBaseUrl);
        Assert.Equal(simulatorUrl, options.OAuthBaseUrl);

        using var http = new HttpClient();
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(simulatorUrl + "/_sim")).StatusCode);
        var oauth = factory.Services.GetRequiredService<ILinkedInOAuthClient>();
        var token = await oauth.RequestAppTokenAsync(new LinkedInAppCredentials(options.ParentClientId, options.ParentClientSecret));
        Assert.False(string.IsNullOrEmpty(token.AccessToken));
    }

    [Fact]
    public void Startup_SimulatorDisabledAndNoCredentials_LeavesLinkedInUnconfigured()
    {
        using var factory = new AttractFactory();
        factory.CreateClient();

        Assert.False(factory.Services.GetRequiredService<LinkedInAvailability>().IsConfigured);
        Assert.IsAssignableFrom<LinkedInNotConfigured>(factory.Services.GetService<ILinkedInOAuthClient>()); // no real client
    }

    [Fact]
    public async Task Startup_NotConfigured_ClientsResolveButRefuseEveryCall()
    {
        using var factory = new AttractFactory();
        factory.CreateClient();
        var sync = factory.Services.GetRequiredService<ILinkedInSyncClient>();
        var member = factory.Services.GetRequiredService<ILinkedInMemberClient>();

        var write = await Assert.ThrowsAsync<LinkedInSignInException>(() => sync.DeleteCandidatesAsync(new LinkedInAppCredentials("c", "s"), []));
        var read = await Assert.ThrowsAsync<LinkedInSignInException>(() => member.GetMeAsync("token"));

        Assert.Equal(LinkedInNotConfigured.Reason, write.Message);
        Assert.Equal(LinkedInNotConfigured.Reason, read.Message);
    }
}
