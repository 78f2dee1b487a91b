using System.Net;
using System.Text.Json;
using Attract.Core.LinkedIn;
using Attract.IntegrationTests.Infrastructure;
using Attract.Web.Integrations.LinkedIn;
using LinkedIn.Recruiter;
using Microsoft.Extensions.DependencyInjection;
using Moq;
using static Attract.IntegrationTests.Integrations.LinkedIn.LinkedInTestData;

namespace Attract.IntegrationTests.Integrations.LinkedIn;

public sealed class LinkedInPushEndpointTests : IDisposable
{
    private readonly Mock<ILinkedInIntegrationsClient> _integrations = new();
    private readonly AttractFactory _factory;

    public LinkedInPushEndpointTests() =>
        _factory = new AttractFactory().WithServices(s => s.AddSingleton(_integrations.Object));

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task Push_ValidSignature_RecordsExportAsReceived()
    {
        await _factory.SeedConnectionAsync();
        var client = _factory.CreateClient();

        var response = await client.SendAsync(SignedPush(PushBody("req-1", "EXPORT_CANDIDATE_PROFILE")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var n = Assert.Single(await _factory.NotificationsAsync());
        Assert.Equal(("req-1", "EXPORT_CANDIDATE_PROFILE", LinkedInNotificationStatus.Received), (n.NotificationId, n.Type, n.Status));
    }

    [Theory]
    [InlineData("tampered")]
    [InlineData("wrong-secret")]
    [InlineData("missing")]
    public async Task Push_BadOrMissingSignature_Returns401AndStoresNothing(string variant)
    {
        await _factory.SeedConnectionAsync();
        var client = _factory.CreateClient();
        var body = PushBody("req-2", "EXPORT_CANDIDATE_PROFILE");
        var request = variant switch
        {
            "tampered" => Push(body.Replace("req-2", "req-3"), LinkedInPushVerifier.ComputeSignature(System.Text.Encoding.UTF8.GetBytes(body), ChildSecret)),
            "wrong-secret" => SignedPush(body, "another-secret"),
            _ => Push(body, null),
        };

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(await _factory.NotificationsAsync());
    }

    [Fact]
    public async Task Push_SignedUnknownType_RecordsAndReturns200()
    {
        await _factory.SeedConnectionAsync();
        var client = _factory.CreateClient();

        var response = await client.SendAsync(SignedPush(PushBody("req-resync", "RESYNC_JOBS")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var n = Assert.Single(await _factory.NotificationsAsync());
        Assert.Equal(("req-resync", "RESYNC_JOBS", LinkedInNotificationStatus.Received), (n.NotificationId, n.Type, n.Status));
    }

    [Fact]
    public async Task Push_SignedButNotJson_Returns400()
    {
        await _factory.SeedConnectionAsync();

        var response = await _factory.CreateClient().SendAsync(SignedPush("not json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(await _factory.NotificationsAsync());
    }

    [Fact]
    public async Task Push_DuplicateId_Returns200AndIgnoresIt()
    {
        await _factory.SeedConnectionAsync();
        var client = _factory.CreateClient();
        var body = PushBody("req-dup", "EXPORT_CANDIDATE_PROFILE");

        var first = await client.SendAsync(SignedPush(body));
        var second = await client.SendAsync(SignedPush(body));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Single(await _factory.NotificationsAsync());
    }

    [Fact]
    public async Task Push_UnknownTenant_Returns401LikeABadSignature()
    {
        await _factory.SeedConnectionAsync();
        var client = _factory.CreateClient();
        var body = PushBody("req-4", "EXPORT_CANDIDATE_PROFILE");

        var response = await client.SendAsync(Push(body, LinkedInPushVerifier.ComputeSignature(System.Text.Encoding.UTF8.GetBytes(body), ChildSecret), "no-such-tenant"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(await _factory.NotificationsAsync());
    }

    [Fact]
    public async Task Push_StatusChangeCompanyEnabled_SetsCompanyLevel()
    {
        await _factory.SeedConnectionAsync();
        SetupRequest("req-company", [.. LinkedInIntegrationTypes.CompanyLevel.Select(t => Integration(Organization, t, "ENABLED"))]);
        var client = _factory.CreateClient();

        var response = await client.SendAsync(SignedPush(PushBody("req-company", "INTEGRATION_STATUS_CHANGE")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var connection = await _factory.ConnectionAsync();
        Assert.Equal(LinkedInAccessLevel.CompanyLevel, connection.AccessLevel);
        Assert.Equal(LinkedInNotificationStatus.Processed, Assert.Single(await _factory.NotificationsAsync()).Status);
    }

    [Theory]
    [InlineData(false, LinkedInAccessLevel.None)]
    [InlineData(true, LinkedInAccessLevel.CompanyLevel)]
    public async Task Push_StatusChangeContractOnlyThenOff_GrantsCompanyFeaturesThenLeavesCompanyLevelAsSet(bool companyLevel, LinkedInAccessLevel afterOff)
    {
        await _factory.SeedConnectionAsync(c => c.CompanyLevelEnabled = companyLevel);
        SetupRequest("req-contract-on", [Integration(Contract, "CSA_API", "ENABLED")]);
        SetupRequest("req-contract-off", [Integration(Contract, "CSA_API", "DISABLED")]);
        var client = _factory.CreateClient();

        await client.SendAsync(SignedPush(PushBody("req-contract-on", "INTEGRATION_STATUS_CHANGE")));
        var on = await _factory.ConnectionAsync();
        LinkedInCapabilitySet capabilities;
        using (var scope = _factory.Services.CreateScope())
        {
            capabilities = await scope.ServiceProvider.GetRequiredService<LinkedInCapabilities>().GetAsync();
        }
        await client.SendAsync(SignedPush(PushBody("req-contract-off", "INTEGRATION_STATUS_CHANGE")));
        var off = await _factory.ConnectionAsync();

        Assert.Equal(LinkedInAccessLevel.ContractLevel, on.AccessLevel);
        Assert.Equal(companyLevel, on.CompanyLevelEnabled);
        Assert.All(Enum.GetValues<LinkedInCapability>(), c => Assert.True(capabilities.Has(c), c.ToString()));
        Assert.Equal(companyLevel, off.CompanyLevelEnabled);
        Assert.False(off.ContractLevelEnabled);
        Assert.Equal(afterOff, off.AccessLevel);
    }

    [Fact]
    public async Task Push_StatusChangeContractThenCompanyDisabled_KeepsContractLevelWithItsCompanyFeatures()
    {
        await _factory.SeedConnectionAsync(c => c.CompanyLevelEnabled = true);
        SetupRequest("req-contract", [Integration(Contract, "CSA_API", "ENABLED"), Integration("urn:li:contract:7002", "CSA_API", "DISABLED")]);
        SetupRequest("req-off", [.. LinkedInIntegrationTypes.CompanyLevel.Select(t => Integration(Organization, t, "DISABLED"))]);
        var client = _factory.CreateClient();

        await client.SendAsync(SignedPush(PushBody("req-contract", "INTEGRATION_STATUS_CHANGE")));
        var afterContract = (await _factory.ConnectionAsync()).AccessLevel;
        await client.SendAsync(SignedPush(PushBody("req-off", "INTEGRATION_STATUS_CHANGE")));
        var afterOff = await _factory.ConnectionAsync();

        Assert.Equal(LinkedInAccessLevel.ContractLevel, afterContract);
        Assert.False(afterOff.CompanyLevelEnabled);
        Assert.True(afterOff.ContractLevelEnabled);
        Assert.True(afterOff.CompanyFeaturesEnabled);
        Assert.Equal(LinkedInAccessLevel.ContractLevel, afterOff.AccessLevel);
    }

    [Fact]
    public async Task Push_StatusChangeLinkedInFails_RecordsFailureAndRetryReprocesses()
    {
        await _factory.SeedConnectionAsync();
        _integrations.SetupSequence(c => c.FindIntegrationsByRequestAsync(It.IsAny<LinkedInAppCredentials>(), "req-flaky", It.IsAny<CancellationToken>()))
            .ThrowsAsync(new LinkedInApiException(HttpStatusCode.InternalServerError, "boom", errorCode: "INTERNAL_ERROR"))
            .ReturnsAsync([Integration(Organization, "IN_ATS_INDICATOR", "ENABLED")]);
        var client = _factory.CreateClient();

        await client.SendAsync(SignedPush(PushBody("req-flaky", "INTEGRATION_STATUS_CHANGE")));
        var failed = Assert.Single(await _factory.NotificationsAsync());
        var lastError = (await _factory.ConnectionAsync()).LastError;
        await client.SendAsync(SignedPush(PushBody("req-flaky", "INTEGRATION_STATUS_CHANGE")));

        Assert.Equal(LinkedInNotificationStatus.Failed, failed.Status);
        Assert.Contains("500 INTERNAL_ERROR", lastError);
        Assert.Equal(LinkedInNotificationStatus.Processed, Assert.Single(await _factory.NotificationsAsync()).Status);
        Assert.Equal(LinkedInAccessLevel.CompanyLevel, (await _factory.ConnectionAsync()).AccessLevel);
    }

    [Fact]
    public async Task Challenge_KnownTenant_AnswersHmacOfCode()
    {
        await _factory.SeedConnectionAsync();
        var client = _factory.CreateClient();

        const string code = "0f8fad5b-d9cb-469f-a165-70867728950e";
        var response = await client.GetAsync($"/integrations/linkedin/push/{TenantId}?challengeCode={code}&applicationId=urn:li:developerApplication:1");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        var expected = new LinkedInPushVerifier().CreateChallengeResponse(code, ChildSecret);
        Assert.Equal(code, json.GetProperty("challengeCode").GetString());
        Assert.Equal(expected.ChallengeResponse, json.GetProperty("challengeResponse").GetString());
    }

    [Fact]
    public async Task Challenge_UnknownTenant_Returns404()
    {
        await _factory.SeedConnectionAsync();
        var response = await _factory.CreateClient().GetAsync("/integrations/linkedin/push/nobody?challengeCode=0f8fad5b-d9cb-469f-a165-70867728950e");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private void SetupRequest(string requestId, IReadOnlyList<AtsIntegration> integrations) =>
        _integrations.Setup(c => c.FindIntegrationsByRequestAsync(
                It.Is<LinkedInAppCredentials>(a => a.ClientId == ChildClientId && a.ClientSecret == ChildSecret), requestId, It.IsAny<CancellationToken>()))
            .ReturnsAsync(integrations);

    private static AtsIntegration Integration(string context, string type, string status) =>
        new() { IntegrationContext = context, IntegrationType = type, Status = status, TenantType = "RECRUITER", DataProvider = "ATS" };
}
