using System.Net;
using System.Text;
using Attract.IntegrationTests.Infrastructure;
using Attract.Web.Integrations.LinkedIn;
using LinkedIn.Recruiter;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Moq;
using static Attract.IntegrationTests.Integrations.LinkedIn.LinkedInTestData;

namespace Attract.IntegrationTests.Integrations.LinkedIn;

public sealed class LinkedInAdminPageTests : IDisposable
{
    private const string IntegrateUrl = "/Admin/LinkedIn?handler=Integrate";
    private readonly Mock<ILinkedInIntegrationsClient> _integrations = new();
    private readonly Mock<ILinkedInProvisioningClient> _provisioning = new();
    private readonly AttractFactory _factory;

    public LinkedInAdminPageTests() => _factory = new AttractFactory().WithServices(s => s
        .AddSingleton(_integrations.Object)
        .AddSingleton(_provisioning.Object)
        .AddSingleton(new LinkedInAvailability(true, new LinkedInSimulatorEndpoint())));

    public void Dispose() => _factory.Dispose();

    [Theory]
    [InlineData("/Admin/LinkedIn", "recruiter@contoso.test")]
    [InlineData("/Admin/LinkedIn", "hiring.manager@contoso.test")]
    [InlineData("/Admin/LinkedIn/Callback?code=x&state=y", "interviewer@contoso.test")]
    public async Task AdminLinkedIn_NonAdmin_Returns403(string url, string email)
    {
        var client = await _factory.SignedInClientAsync(email);

        var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Theory]
    [InlineData("/Admin/LinkedIn")]
    [InlineData("/Settings/LinkedIn")]
    public async Task LinkedInPages_Anonymous_RedirectToLogin(string url)
    {
        var response = await _factory.CreateClient(new() { AllowAutoRedirect = false }).GetAsync(url);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/Login", response.Headers.Location!.AbsolutePath, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SettingsLinkedIn_Interviewer_ShowsAdminNotConnectedYet()
    {
        var client = await _factory.SignedInClientAsync("interviewer@contoso.test");

        var response = await client.GetAsync("/Settings/LinkedIn");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[]")]
    [InlineData("""[{"integrationContext":"urn:li:organization:1001","integrationType":"NOPE"}]""")]
    [InlineData("""[{"integrationContext":"urn:li:contract:7001","integrationType":"ONE_CLICK_EXPORT"}]""")]
    [InlineData("""[{"integrationContext":"urn:li:organization:1001","integrationType":"CSA_API"}]""")]
    [InlineData("""[{"integrationContext":"urn:li:organization:1001","integrationType":"ONE_CLICK_EXPORT","dataProvider":"OTHER"}]""")]
    public async Task Integrate_InvalidPayload_Returns400ProblemDetails(string body)
    {
        await _factory.SeedConnectionAsync();
        var client = await _factory.SignedInClientAsync("admin@contoso.test");

        var response = await PostIntegrateAsync(client, body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        _integrations.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task Integrate_WithoutAntiforgeryHeader_Returns400()
    {
        await _factory.SeedConnectionAsync();
        var client = await _factory.SignedInClientAsync("admin@contoso.test");

        var response = await client.PostAsync(IntegrateUrl, new StringContent(ValidRequest, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        _integrations.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task Integrate_NotConnected_Returns409()
    {
        var client = await _factory.SignedInClientAsync("admin@contoso.test");

        var response = await PostIntegrateAsync(client, ValidRequest);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
    }

    [Fact]
    public async Task Integrate_ValidRequestTwice_NamesAndConfiguresIdempotently()
    {
        await _factory.SeedConnectionAsync();
        _integrations.Setup(c => c.SetIntegrationNamesAsync(It.IsAny<LinkedInAppCredentials>(), It.IsAny<IEnumerable<KeyValuePair<AtsIntegrationKey, string>>>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new BatchResult<AtsIntegrationKey>(new Dictionary<AtsIntegrationKey, int>(), []));
        _integrations.Setup(c => c.SetIntegrationConfigurationsAsync(It.IsAny<LinkedInAppCredentials>(), It.IsAny<AtsIntegrationKey>(), It.IsAny<IEnumerable<KeyValuePair<string, string>>>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new BatchResult<string>(new Dictionary<string, int>(), []));
        var client = await _factory.SignedInClientAsync("admin@contoso.test");

        var first = await PostIntegrateAsync(client, ValidRequest);
        var second = await PostIntegrateAsync(client, ValidRequest);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        _integrations.Verify(c => c.SetIntegrationNamesAsync(It.Is<LinkedInAppCredentials>(a => a.ClientSecret == ChildSecret),
            It.Is<IEnumerable<KeyValuePair<AtsIntegrationKey, string>>>(n => n.Any(kv => kv.Key.IntegrationType == "ONE_CLICK_EXPORT" && kv.Value == "Contoso Attract One-Click Export")),
            It.IsAny<CancellationToken>()), Times.Exactly(2));
        _integrations.Verify(c => c.SetIntegrationConfigurationsAsync(It.IsAny<LinkedInAppCredentials>(),
            It.Is<AtsIntegrationKey>(k => k.IntegrationType == "ONE_CLICK_EXPORT"),
            It.Is<IEnumerable<KeyValuePair<string, string>>>(v => v.Any(kv => kv.Key == "CALLBACK_URL" && kv.Value == $"http://localhost/integrations/linkedin/push/{TenantId}")
                && v.Any(kv => kv.Key == "JOB_POSTING_VIEWERS" && kv.Value == "ALL_PRODUCT_USERS")),
            It.IsAny<CancellationToken>()), Times.Exactly(2));
        _integrations.Verify(c => c.SetIntegrationConfigurationsAsync(It.IsAny<LinkedInAppCredentials>(),
            It.Is<AtsIntegrationKey>(k => k.IntegrationType == "IN_ATS_INDICATOR"),
            It.Is<IEnumerable<KeyValuePair<string, string>>>(v => v.Any(kv => kv.Key == "APPLICATION_VIEWERS" && kv.Value == "ALL_PRODUCT_USERS")),
            It.IsAny<CancellationToken>()), Times.Exactly(2));
        Assert.NotNull((await _factory.ConnectionAsync()).IntegrationsNamedAtUtc);
    }

    [Fact]
    public async Task Integrate_LinkedInRefuses_ShowsReasonToAdmin()
    {
        await _factory.SeedConnectionAsync();
        _integrations.Setup(c => c.SetIntegrationNamesAsync(It.IsAny<LinkedInAppCredentials>(), It.IsAny<IEnumerable<KeyValuePair<AtsIntegrationKey, string>>>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new LinkedInApiException(HttpStatusCode.Forbidden, "POST /v2/atsIntegrations 403 denied", errorCode: "ACCESS_DENIED"));
        var client = await _factory.SignedInClientAsync("admin@contoso.test");

        var response = await PostIntegrateAsync(client, ValidRequest);
        var page = await client.GetDocumentAsync("/Admin/LinkedIn");

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.Contains("403 ACCESS_DENIED", page.QuerySelector("[data-testid=last-error]")!.TextContent);
    }

    [Fact]
    public async Task Provision_Conflict_FindsUpdatesAndStoresSecretEncrypted()
    {
        const string secret = "plain-child-secret-XYZ";
        _provisioning.Setup(p => p.CreateApplicationAsync(It.IsAny<ProvisionApplicationRequest>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new LinkedInApiException(HttpStatusCode.Conflict, "exists"));
        _provisioning.Setup(p => p.FindApplicationByUniqueForeignIdAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new ProvisionedApplication { Key = "urn:li:developerApplication:9", Credentials = new() { ClientId = "cid-9", ClientSecret = secret } });
        _factory.CreateClient().Dispose();

        using (var scope = _factory.Services.CreateScope())
        {
            var connector = scope.ServiceProvider.GetRequiredService<LinkedInConnector>();
            var connection = await connector.GetConnectionAsync();
            await connector.ConnectContractAsync(connection, Contract, "Contoso – Global", Organization, "https://attract.example", CancellationToken.None);
        }

        _provisioning.Verify(p => p.UpdateApplicationAsync("urn:li:developerApplication:9",
            It.Is<ProvisionedApplicationUpdate>(u => u.Name == "Attract - Contoso" && u.ValidJsSdkDomains!.Single() == "https://attract.example"
                && u.Oauth2AuthorizedCallbackUrls!.Contains("https://attract.example/Admin/LinkedIn/Callback")),
            It.IsAny<CancellationToken>()));
        var connectionRow = await _factory.ConnectionAsync();
        Assert.Equal("cid-9", connectionRow.ChildClientId);
        Assert.DoesNotContain(secret, connectionRow.ChildClientSecretProtected);
        Assert.DoesNotContain(secret, await RawDatabaseTextAsync());
        using var check = _factory.Services.CreateScope();
        Assert.Equal(secret, check.ServiceProvider.GetRequiredService<LinkedInSecrets>().Unprotect(connectionRow.ChildClientSecretProtected!));
    }

    private const string ValidRequest = """
        [{"integrationContext":"urn:li:organization:1001","integrationType":"ONE_CLICK_EXPORT","tenantType":"RECRUITER","dataProvider":"ATS","requestId":"r1"},
         {"integrationContext":"urn:li:organization:1001","integrationType":"IN_ATS_INDICATOR","tenantType":"RECRUITER","dataProvider":"ATS","requestId":"r1"},
         {"integrationContext":"urn:li:organization:1001","integrationType":"PROFILE_PLUGIN","tenantType":"RECRUITER","dataProvider":"ATS","requestId":"r1"}]
        """;

    private static async Task<HttpResponseMessage> PostIntegrateAsync(HttpClient client, string body)
    {
        var token = (await client.GetDocumentAsync("/Admin/LinkedIn")).AntiforgeryToken();
        using var request = new HttpRequestMessage(HttpMethod.Post, IntegrateUrl) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("RequestVerificationToken", token);
        return await client.SendAsync(request);
    }

    /// <summary>Every text value of the LinkedInConnection table, read with plain SQL.</summary>
    private async Task<string> RawDatabaseTextAsync()
    {
        await using var connection = new SqliteConnection($"Data Source={_factory.DatabasePath}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT * FROM LinkedInConnection";
        await using var reader = await command.ExecuteReaderAsync();
        var text = new StringBuilder();
        while (await reader.ReadAsync())
        {
            for (var i = 0; i < reader.FieldCount; i++)
            {
                text.Append(reader.IsDBNull(i) ? "" : reader.GetValue(i)).Append('|');
            }
        }
        return text.ToString();
    }
}
