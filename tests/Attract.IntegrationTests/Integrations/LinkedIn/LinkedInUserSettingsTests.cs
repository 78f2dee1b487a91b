using Attract.Core.Data;
using Attract.Core.LinkedIn;
using Attract.IntegrationTests.Infrastructure;
using Attract.Web.Integrations.LinkedIn;
using LinkedIn.Recruiter;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Moq;
using static Attract.IntegrationTests.Integrations.LinkedIn.LinkedInTestData;

namespace Attract.IntegrationTests.Integrations.LinkedIn;

/// <summary>User settings → LinkedIn with LinkedIn's clients mocked: seat mapping and why there is none.</summary>
public sealed class LinkedInUserSettingsTests : IDisposable
{
    private readonly Mock<ILinkedInOAuthClient> _oauth = new();
    private readonly Mock<ILinkedInMemberClient> _member = new();
    private readonly AttractFactory _factory;

    public LinkedInUserSettingsTests()
    {
        _factory = new AttractFactory().WithServices(s => s
            .AddSingleton(_oauth.Object)
            .AddSingleton(_member.Object)
            .AddSingleton(new LinkedInAvailability(true, new LinkedInSimulatorEndpoint()))
            .Configure<LinkedInRecruiterOptions>(o => (o.ParentClientId, o.ParentClientSecret) = ("parent-id", "parent-secret")));
        _oauth.Setup(o => o.CreateAuthorizationRequest(It.IsAny<string>(), new Uri("http://localhost/Settings/LinkedIn/Callback"), It.IsAny<IEnumerable<string>>(), null))
            .Returns(new LinkedInAuthorizationRequest(new Uri("https://li.example/oauth"), "state-u", "verifier-u", "challenge-u"));
        _oauth.Setup(o => o.ExchangeCodeAsync(It.IsAny<LinkedInAppCredentials>(), "code-u", It.IsAny<Uri>(), "verifier-u", It.IsAny<CancellationToken>()))
            .ReturnsAsync(new LinkedInUserToken { AccessToken = "user-access-token", RefreshToken = "user-refresh-token" });
        _member.Setup(c => c.GetMeAsync("user-access-token", It.IsAny<CancellationToken>()))
            .ReturnsAsync(new LinkedInMember { Id = "rC7kLm", LocalizedFirstName = "Riley", LocalizedLastName = "Recruiter" });
    }

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task Connect_SeatOnConnectedContract_MapsSeatWithChildAppAndEncryptsTokens()
    {
        await _factory.SeedConnectionAsync(c => c.CompanyLevelEnabled = true);
        Contracts(("urn:li:contract:7001", "urn:li:seat:9002"));

        var page = await ConnectAsync("recruiter@contoso.test");

        Assert.Equal("urn:li:seat:9002", page.QuerySelector("[data-testid=seat]")!.TextContent.Trim());
        Assert.Contains("1-Click Export of LinkedIn profiles into Attract: available", page.QuerySelector("[data-testid=user-capabilities]")!.TextContent);
        _oauth.Verify(o => o.CreateAuthorizationRequest(ChildClientId, It.IsAny<Uri>(), It.IsAny<IEnumerable<string>>(), null));
        using var scope = _factory.Services.CreateScope();
        var link = await scope.ServiceProvider.GetRequiredService<AttractDbContext>().Set<LinkedInUserLink>().AsNoTracking().SingleAsync();
        Assert.Equal("urn:li:person:rC7kLm", link.PersonUrn);
        Assert.DoesNotContain("user-access-token", link.AccessTokenProtected);
        Assert.Equal("user-refresh-token", scope.ServiceProvider.GetRequiredService<LinkedInSecrets>().Unprotect(link.RefreshTokenProtected!));
        var capabilities = await scope.ServiceProvider.GetRequiredService<LinkedInCapabilities>().GetAsync(link.UserId);
        Assert.True(capabilities.HasForUser(LinkedInCapability.OneClickExport));
        Assert.False(capabilities.Has(LinkedInCapability.InMailHistory));
    }

    [Fact]
    public async Task Connect_NoSeatOnConnectedContract_SaysSo()
    {
        await _factory.SeedConnectionAsync(c => c.CompanyLevelEnabled = true);
        Contracts(("urn:li:contract:7002", "urn:li:seat:9101"));

        var page = await ConnectAsync("recruiter@contoso.test");

        Assert.Contains("holds no Recruiter seat on the contract \"Contoso – Global\"", page.QuerySelector("[data-testid=seat]")!.TextContent);
        Assert.Contains("1-Click Export of LinkedIn profiles into Attract: needs your LinkedIn account", page.QuerySelector("[data-testid=user-capabilities]")!.TextContent);
    }

    [Fact]
    public async Task Connect_AdminNotConnectedYet_SaysSo()
    {
        Contracts(("urn:li:contract:7001", "urn:li:seat:9002"));

        var page = await ConnectAsync("hiring.manager@contoso.test");

        Assert.Contains("has not connected Attract", page.QuerySelector("[data-testid=seat]")!.TextContent);
        Assert.Contains("Riley Recruiter", page.QuerySelector("[data-testid=linkedin-account]")!.TextContent);
        _oauth.Verify(o => o.CreateAuthorizationRequest("parent-id", It.IsAny<Uri>(), It.IsAny<IEnumerable<string>>(), null));
    }

    [Fact]
    public async Task Disconnect_RemovesTheLink()
    {
        await _factory.SeedConnectionAsync();
        Contracts(("urn:li:contract:7001", "urn:li:seat:9002"));
        await ConnectAsync("recruiter@contoso.test");
        var client = await _factory.SignedInClientAsync("recruiter@contoso.test");

        await client.PostFormAsync("/Settings/LinkedIn", new Dictionary<string, string>(), "/Settings/LinkedIn?handler=Disconnect");
        var page = await client.GetDocumentAsync("/Settings/LinkedIn");

        Assert.Equal("Not connected", page.QuerySelector("[data-testid=linkedin-account]")!.TextContent.Trim());
    }

    private void Contracts(params (string Contract, string Seat)[] seats) =>
        _member.Setup(c => c.GetRecruiterContractsAsync("user-access-token", It.IsAny<CancellationToken>()))
            .ReturnsAsync([.. seats.Select(s => new RecruiterContract { Id = s.Contract, Seat = s.Seat, Organization = Organization })]);

    private async Task<AngleSharp.Html.Dom.IHtmlDocument> ConnectAsync(string email)
    {
        var client = await _factory.SignedInClientAsync(email);
        await client.PostFormAsync("/Settings/LinkedIn", new Dictionary<string, string>(), "/Settings/LinkedIn?handler=Connect");
        await client.GetAsync("/Settings/LinkedIn/Callback?code=code-u&state=state-u");
        return await client.GetDocumentAsync("/Settings/LinkedIn");
    }
}
