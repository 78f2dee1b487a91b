using System.Net;
using System.Text;
using System.Text.Json;
using Attract.Core.Data;
using Attract.Core.LinkedIn;
using Attract.IntegrationTests.Infrastructure;
using LinkedIn.Recruiter;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Moq;
using static Attract.IntegrationTests.Integrations.LinkedIn.LinkedInTestData;

namespace Attract.IntegrationTests.Security;

/// <summary>The LinkedIn push endpoint against an attacker who knows the callback URL but not the child app's secret.</summary>
public sealed class PushForgeryTests : IDisposable
{
    private readonly Mock<ILinkedInIntegrationsClient> _linkedIn = new();
    private readonly AttractFactory _factory;

    public PushForgeryTests() => _factory = new AttractFactory().WithServices(s => s.AddSingleton(_linkedIn.Object));

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task Challenge_AskedToSignAPushBody_Returns400AndTheForgedPushIsRejected()
    {
        await _factory.SeedConnectionAsync();
        var client = _factory.CreateClient();
        var body = PushBody("forged-1", "EXPORT_CANDIDATE_PROFILE");
        // The attack: a push signature is HMAC(secret, "hmacsha256=" + body), which is the challenge answer for that code.
        var forgedSignature = LinkedInPushVerifier.ComputeSignature(Encoding.UTF8.GetBytes(body), ChildSecret);
        Assert.Equal(forgedSignature, new LinkedInPushVerifier().CreateChallengeResponse("hmacsha256=" + body, ChildSecret).ChallengeResponse);

        var challenge = await client.GetAsync($"/integrations/linkedin/push/{TenantId}?challengeCode={Uri.EscapeDataString("hmacsha256=" + body)}");
        var answer = await challenge.Content.ReadAsStringAsync();
        var push = await client.SendAsync(Push(body, ExtractChallengeResponse(answer)));

        Assert.Equal(HttpStatusCode.BadRequest, challenge.StatusCode);
        Assert.Equal("application/problem+json", challenge.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain(forgedSignature, answer, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.Unauthorized, push.StatusCode);
        Assert.Empty(await _factory.NotificationsAsync());
    }

    [Theory]
    [InlineData("abc-123")]
    [InlineData("hmacsha256=")]
    [InlineData("0F8FAD5B-D9CB-469F-A165-70867728950E0")]
    [InlineData("{0f8fad5b-d9cb-469f-a165-70867728950e}")]
    [InlineData("0f8fad5bd9cb469fa16570867728950e")]
    public async Task Challenge_CodeNotShapedLikeAUuid_Returns400(string code)
    {
        await _factory.SeedConnectionAsync();

        var response = await _factory.CreateClient().GetAsync($"/integrations/linkedin/push/{TenantId}?challengeCode={Uri.EscapeDataString(code)}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain("challengeResponse", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Challenge_Uuid_AnswersHmacOfCode()
    {
        await _factory.SeedConnectionAsync();
        var code = Guid.NewGuid().ToString();

        var response = await _factory.CreateClient().GetAsync($"/integrations/linkedin/push/{TenantId}?challengeCode={code}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(new LinkedInPushVerifier().CreateChallengeResponse(code, ChildSecret).ChallengeResponse, ExtractChallengeResponse(await response.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task Push_UnknownTenantAndBadSignature_AreIndistinguishable()
    {
        await _factory.SeedConnectionAsync();
        var client = _factory.CreateClient();
        var body = PushBody("probe-1", "EXPORT_CANDIDATE_PROFILE");

        var unknownTenant = await client.SendAsync(Push(body, LinkedInPushVerifier.ComputeSignature(Encoding.UTF8.GetBytes(body), ChildSecret), "no-such-tenant"));
        var badSignature = await client.SendAsync(Push(body, LinkedInPushVerifier.ComputeSignature(Encoding.UTF8.GetBytes(body), "guessed-secret")));
        var noSignature = await client.SendAsync(Push(body, null, "no-such-tenant"));
        var oversizeUnknown = await client.SendAsync(Push(new string('x', 70_000), "00", "no-such-tenant"));
        var oversizeKnown = await client.SendAsync(Push(new string('x', 70_000), "00"));

        Assert.Equal(HttpStatusCode.Unauthorized, unknownTenant.StatusCode);
        Assert.Equal(await Comparable(unknownTenant), await Comparable(badSignature));
        Assert.Equal(await Comparable(unknownTenant), await Comparable(noSignature));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, oversizeKnown.StatusCode);
        Assert.Equal(await Comparable(oversizeKnown), await Comparable(oversizeUnknown));
        Assert.Empty(await _factory.NotificationsAsync());
    }

    [Theory]
    [InlineData("9223372036854775807")]
    [InlineData("-9223372036854775808")]
    [InlineData("253402300800000")]
    [InlineData("-62135596800001")]
    public async Task Push_SignedExpiresAtOutOfRange_Returns400(string expiresAt)
    {
        await _factory.SeedConnectionAsync();
        var body = $$"""{"id":"req-overflow","type":"EXPORT_CANDIDATE_PROFILE","expiresAt":{{expiresAt}}}""";

        var response = await _factory.CreateClient().SendAsync(SignedPush(body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Empty(await _factory.NotificationsAsync());
    }

    [Fact]
    public async Task Push_SignedIdLongerThanTheColumn_Returns400AndStoresNothing()
    {
        await _factory.SeedConnectionAsync();
        var body = PushBody(new string('a', 201), "EXPORT_CANDIDATE_PROFILE");

        var response = await _factory.CreateClient().SendAsync(SignedPush(body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("200 characters", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(await _factory.NotificationsAsync());
    }

    [Fact]
    public async Task Push_SignedIdAtTheColumnLimit_IsRecorded()
    {
        await _factory.SeedConnectionAsync();

        var response = await _factory.CreateClient().SendAsync(SignedPush(PushBody(new string('a', 200), "EXPORT_CANDIDATE_PROFILE")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(await _factory.NotificationsAsync());
    }

    [Theory]
    [InlineData("network")]
    [InlineData("timeout")]
    public async Task Push_StatusChangeWhenLinkedInUnreachable_Returns503AndRecordsFailure(string failure)
    {
        await _factory.SeedConnectionAsync();
        _linkedIn.Setup(c => c.FindIntegrationsByRequestAsync(It.IsAny<LinkedInAppCredentials>(), "req-net", It.IsAny<CancellationToken>()))
            .ThrowsAsync(failure == "network" ? new HttpRequestException("Connection refused") : new TaskCanceledException("timed out"));

        var response = await _factory.CreateClient().SendAsync(SignedPush(PushBody("req-net", "INTEGRATION_STATUS_CHANGE")));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(LinkedInNotificationStatus.Failed, Assert.Single(await _factory.NotificationsAsync()).Status);
    }

    [Fact]
    public async Task Push_DatabaseErrorWhileReading_Returns503()
    {
        await _factory.SeedConnectionAsync();
        await ExecuteSqlAsync("DROP TABLE LinkedInNotification");

        var response = await _factory.CreateClient().SendAsync(SignedPush(PushBody("req-db", "EXPORT_CANDIDATE_PROFILE")));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Push_InsertFailsWithoutADuplicate_Returns503NotASilentDuplicate()
    {
        await _factory.SeedConnectionAsync();
        await ExecuteSqlAsync("CREATE TRIGGER fail_insert BEFORE INSERT ON LinkedInNotification BEGIN SELECT RAISE(ABORT, 'disk full'); END");

        var response = await _factory.CreateClient().SendAsync(SignedPush(PushBody("req-fail", "EXPORT_CANDIDATE_PROFILE")));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
    }

    [Fact]
    public async Task Challenge_UnknownTenant_Returns404Problem()
    {
        var response = await _factory.CreateClient().GetAsync($"/integrations/linkedin/push/nobody?challengeCode={Guid.NewGuid()}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    private async Task ExecuteSqlAsync(string sql)
    {
        using var scope = _factory.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<AttractDbContext>().Database.ExecuteSqlRawAsync(sql);
    }

    private static string? ExtractChallengeResponse(string json)
    {
        try
        {
            return JsonDocument.Parse(json).RootElement.TryGetProperty("challengeResponse", out var r) ? r.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Status, content type and body without the per-request trace id.</summary>
    private static async Task<string> Comparable(HttpResponseMessage response)
    {
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        var fields = json.EnumerateObject().Where(p => p.Name != "traceId").Select(p => $"{p.Name}={p.Value}");
        return $"{(int)response.StatusCode} {response.Content.Headers.ContentType?.MediaType} {string.Join(";", fields)}";
    }
}
