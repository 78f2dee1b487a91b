using System.Net;
using Attract.IntegrationTests.Infrastructure;
using Attract.Web.Integrations.LinkedIn;
using LinkedIn.Recruiter;
using Microsoft.Extensions.DependencyInjection;
using Moq;
using static Attract.IntegrationTests.Integrations.LinkedIn.LinkedInTestData;

namespace Attract.IntegrationTests.Integrations.LinkedIn;

/// <summary>The admin's 3-legged connect with LinkedIn's clients mocked: state cookie, contract selection, errors, disconnect.</summary>
public sealed class LinkedInAdminConnectTests : IDisposable
{
    private readonly Mock<ILinkedInOAuthClient> _oauth = new();
    private readonly Mock<ILinkedInMemberClient> _member = new();
    private readonly Mock<ILinkedInProvisioningClient> _provisioning = new();
    private readonly AttractFactory _factory;

    public LinkedInAdminConnectTests()
    {
        _factory = new AttractFactory().WithServices(s => s
            .AddSingleton(_oauth.Object)
            .AddSingleton(_member.Object)
            .AddSingleton(_provisioning.Object)
            .AddSingleton(new LinkedInAvailability(true, new LinkedInSimulatorEndpoint()))
            .Configure<LinkedInRecruiterOptions>(o => (o.ParentClientId, o.ParentClientSecret) = ("parent-id", "parent-secret")));
        _oauth.Setup(o => o.CreateAuthorizationRequest("parent-id", new Uri("http://localhost/Admin/LinkedIn/Callback"), It.IsAny<IEnumerable<string>>(), null))
            .Returns(new LinkedInAuthorizationRequest(new Uri("https://li.example/oauth?state=state-1"), "state-1", "verifier-1", "challenge-1"));
        _oauth.Setup(o => o.ExchangeCodeAsync(It.Is<LinkedInAppCredentials>(a => a.ClientId == "parent-id"), "code-1",
                new Uri("http://localhost/Admin/LinkedIn/Callback"), "verifier-1", It.IsAny<CancellationToken>()))
            .ReturnsAsync(new LinkedInUserToken { AccessToken = "member-token" });
        _member.Setup(c => c.GetMeAsync("member-token", It.IsAny<CancellationToken>()))
            .ReturnsAsync(new LinkedInMember { Id = "aB3xYz", LocalizedFirstName = "Avery", LocalizedLastName = "Admin" });
        _provisioning.Setup(p => p.CreateApplicationAsync(It.IsAny<ProvisionApplicationRequest>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new ProvisionedApplication { Key = "urn:li:developerApplication:5", Credentials = new() { ClientId = "child-5", ClientSecret = "secret-5" } });
    }

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task Connect_SeveralContractsNoneSelected_AsksForContractThenProvisions()
    {
        _member.Setup(c => c.GetRecruiterContractsAsync("member-token", It.IsAny<CancellationToken>())).ReturnsAsync(
        [
            new RecruiterContract { Id = "urn:li:contract:7001", Name = "Contoso – Global", Organization = Organization, Seat = "urn:li:seat:9001", Admin = true },
            new RecruiterContract { Id = "urn:li:contract:7002", Name = "Contoso – EMEA", Organization = Organization, Seat = "urn:li:seat:9101", Admin = true },
        ]);
        var client = await _factory.SignedInClientAsync("admin@contoso.test");

        var redirect = await client.PostFormAsync("/Admin/LinkedIn", new Dictionary<string, string>(), "/Admin/LinkedIn?handler=Connect");
        var callback = await client.GetAsync("/Admin/LinkedIn/Callback?code=code-1&state=state-1");
        var chooser = await client.GetDocumentAsync("/Admin/LinkedIn");
        var chosen = await client.PostFormAsync("/Admin/LinkedIn", new Dictionary<string, string> { ["Input.ContractUrn"] = "urn:li:contract:7002" }, "/Admin/LinkedIn?handler=SelectContract");
        var page = await client.GetDocumentAsync("/Admin/LinkedIn");

        Assert.Equal("https://li.example/oauth?state=state-1", redirect.Headers.Location!.ToString());
        Assert.Equal(HttpStatusCode.Redirect, callback.StatusCode);
        Assert.Equal(2, chooser.QuerySelectorAll("[data-testid=contract-form] input[type=radio]").Length);
        Assert.Equal(HttpStatusCode.Redirect, chosen.StatusCode);
        Assert.Contains("urn:li:contract:7002", page.QuerySelector("[data-testid=contract]")!.TextContent);
        Assert.Contains("child-5", page.QuerySelector("[data-testid=child-app]")!.TextContent);
        _provisioning.Verify(p => p.CreateApplicationAsync(It.Is<ProvisionApplicationRequest>(r =>
            r.Name == "Attract - Contoso" && r.ValidJsSdkDomains.Single() == "http://localhost" && r.UniqueForeignId.StartsWith("attract-")), It.IsAny<CancellationToken>()));
        var connection = await _factory.ConnectionAsync();
        Assert.Equal(("urn:li:person:aB3xYz", Organization), (connection.AdminPersonUrn, connection.OrganizationUrn));
    }

    [Fact]
    public async Task Connect_ContractSelectedOnLinkedIn_ProvisionsWithoutAsking()
    {
        _member.Setup(c => c.GetRecruiterContractsAsync("member-token", It.IsAny<CancellationToken>())).ReturnsAsync(
        [
            new RecruiterContract { Id = "urn:li:contract:7001", Name = "Contoso – Global", Organization = Organization, Selected = true },
            new RecruiterContract { Id = "urn:li:contract:7002", Name = "Contoso – EMEA", Organization = Organization },
        ]);
        var client = await _factory.SignedInClientAsync("admin@contoso.test");

        await client.PostFormAsync("/Admin/LinkedIn", new Dictionary<string, string>(), "/Admin/LinkedIn?handler=Connect");
        await client.GetAsync("/Admin/LinkedIn/Callback?code=code-1&state=state-1");
        var page = await client.GetDocumentAsync("/Admin/LinkedIn");

        Assert.Null(page.QuerySelector("[data-testid=contract-form]"));
        Assert.Contains("Contoso – Global", page.QuerySelector("[data-testid=status-message]")!.TextContent);
        Assert.NotNull(page.QuerySelector("[data-testid=linkedin-widget]"));
    }

    [Theory]
    [InlineData("?error=user_cancelled_authorize&error_description=cancelled&state=state-1", "The LinkedIn sign-in was cancelled.")]
    [InlineData("?code=code-1&state=forged", "state mismatch")]
    public async Task Callback_ErrorOrBadState_ShowsReasonAndDoesNotExchange(string query, string expected)
    {
        var client = await _factory.SignedInClientAsync("admin@contoso.test");

        await client.PostFormAsync("/Admin/LinkedIn", new Dictionary<string, string>(), "/Admin/LinkedIn?handler=Connect");
        await client.GetAsync("/Admin/LinkedIn/Callback" + query);
        var page = await client.GetDocumentAsync("/Admin/LinkedIn");

        Assert.Contains(expected, page.QuerySelector("[data-testid=status-message]")!.TextContent);
        Assert.Contains(expected, page.QuerySelector("[data-testid=last-error]")!.TextContent);
        _oauth.Verify(o => o.ExchangeCodeAsync(It.IsAny<LinkedInAppCredentials>(), It.IsAny<string>(), It.IsAny<Uri>(), It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task Callback_TokenExchangeRefused_ShowsAuthError()
    {
        _oauth.Setup(o => o.ExchangeCodeAsync(It.IsAny<LinkedInAppCredentials>(), It.IsAny<string>(), It.IsAny<Uri>(), It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new LinkedInAuthException(HttpStatusCode.BadRequest, "POST /oauth/v2/accessToken 400", errorCode: "invalid_grant"));
        var client = await _factory.SignedInClientAsync("admin@contoso.test");

        await client.PostFormAsync("/Admin/LinkedIn", new Dictionary<string, string>(), "/Admin/LinkedIn?handler=Connect");
        await client.GetAsync("/Admin/LinkedIn/Callback?code=code-1&state=state-1");
        var page = await client.GetDocumentAsync("/Admin/LinkedIn");

        Assert.Contains("LinkedIn authentication failed: 400 invalid_grant", page.QuerySelector("[data-testid=last-error]")!.TextContent);
        Assert.DoesNotContain("verifier-1", page.DocumentElement.OuterHtml);
    }

    [Fact]
    public async Task Disconnect_RequiresConfirmationThenClearsConnection()
    {
        await _factory.SeedConnectionAsync(c => c.CompanyLevelEnabled = true);
        var client = await _factory.SignedInClientAsync("admin@contoso.test");

        var unconfirmed = await client.PostFormAsync("/Admin/LinkedIn", new Dictionary<string, string>(), "/Admin/LinkedIn?handler=Disconnect");
        var stillConnected = (await _factory.ConnectionAsync()).IsProvisioned;
        var confirmed = await client.PostFormAsync("/Admin/LinkedIn", new Dictionary<string, string> { ["Input.ConfirmDisconnect"] = "true" }, "/Admin/LinkedIn?handler=Disconnect");
        var connection = await _factory.ConnectionAsync();

        Assert.Equal(HttpStatusCode.OK, unconfirmed.StatusCode);
        Assert.Contains("Tick the box", await unconfirmed.Content.ReadAsStringAsync());
        Assert.True(stillConnected);
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.False(connection.IsProvisioned);
        Assert.Null(connection.ContractUrn);
        Assert.False(connection.CompanyLevelEnabled);
        Assert.Equal(TenantId, connection.TenantId);
    }
}
