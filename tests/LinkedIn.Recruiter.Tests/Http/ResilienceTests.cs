using System.Net;
using LinkedIn.Recruiter.Tests.Infrastructure;

namespace LinkedIn.Recruiter.Tests;

public class ResilienceTests
{
    private const string Org = "urn:li:organization:1001";
    private const string Ok = """{"results":{},"errors":{},"statuses":{}}""";
    private static readonly AtsCandidateKey Key = new(Org, "1");

    private static HttpResponseMessage Status(HttpStatusCode status, string? retryAfter = null)
    {
        var r = StubHttpHandler.Json(status, $$"""{"status":{{(int)status}},"code":"X","message":"m"}""");
        if (retryAfter is not null)
        {
            r.Headers.TryAddWithoutValidation("Retry-After", retryAfter);
        }

        return r;
    }

    [Fact]
    public async Task Get_ServiceUnavailableThenOk_RetriedAndSucceeds()
    {
        using var host = new TestHost();
        host.Stub.Enqueue(_ => Status(HttpStatusCode.ServiceUnavailable)).Enqueue(HttpStatusCode.OK, Ok);

        await host.Sync.GetCandidatesAsync(TestHost.ChildApp, [Key]);

        Assert.Equal(2, host.Stub.ApiRequests.Count);
        Assert.All(host.Stub.ApiRequests, r => Assert.Equal(HttpMethod.Get, r.Method));
    }

    [Fact]
    public async Task Put_InternalErrorThenOk_Retried()
    {
        using var host = new TestHost();
        host.Stub.Enqueue(_ => Status(HttpStatusCode.InternalServerError)).Enqueue(HttpStatusCode.OK, Ok);

        await host.Acls.UpsertEntityAclsAsync(TestHost.ChildApp, [new AtsEntityAclKey(Org, "g", "JOB-1")]);

        Assert.Equal(2, host.Stub.ApiRequests.Count);
        Assert.All(host.Stub.ApiRequests, r => Assert.Equal("""{"entities":{"atsEntityAclId=g&dataProvider=ATS&integrationContext=urn%3Ali%3Aorganization%3A1001&atsEntityId=JOB-1&atsEntityType=JOB_POSTING":{}}}""", r.Body));
    }

    [Fact]
    public async Task Get_AlwaysServiceUnavailable_GivesUpAfterMaxRetriesWithApiException()
    {
        using var host = new TestHost(o => o.Resilience.MaxRetryAttempts = 2);
        host.Stub.Fallback = _ => Status(HttpStatusCode.ServiceUnavailable);

        var ex = await Assert.ThrowsAsync<LinkedInApiException>(() => host.Sync.GetCandidatesAsync(TestHost.ChildApp, [Key]));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ex.StatusCode);
        Assert.Equal(3, host.Stub.ApiRequests.Count);
    }

    [Fact]
    public async Task BatchPartialUpdatePost_ServiceUnavailable_NotRetried()
    {
        using var host = new TestHost();
        host.Stub.Fallback = _ => Status(HttpStatusCode.ServiceUnavailable);

        var ex = await Assert.ThrowsAsync<LinkedInApiException>(() =>
            host.Sync.SetManualMatchedMembersAsync(TestHost.ChildApp, new Dictionary<AtsCandidateKey, string?> { [Key] = "urn:li:person:p" }));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ex.StatusCode);
        Assert.Single(host.Stub.ApiRequests);
    }

    [Fact]
    public async Task BatchCreatePost_TooManyRequests_NotRetried()
    {
        using var host = new TestHost();
        host.Stub.Fallback = _ => Status(HttpStatusCode.TooManyRequests, "0");

        var ex = await Assert.ThrowsAsync<LinkedInApiException>(() =>
            host.JobPostings.SubmitJobPostingsAsync(TestHost.ChildApp, [new SimpleJobPosting { ExternalJobPostingId = "J1", IntegrationContext = Org }]));

        Assert.Equal(HttpStatusCode.TooManyRequests, ex.StatusCode);
        Assert.Equal(TimeSpan.Zero, ex.RetryAfter);
        Assert.Single(host.Stub.ApiRequests);
    }

    [Fact]
    public async Task Get_TooManyRequestsWithRetryAfter_WaitsTheServerDelayThenRetries()
    {
        using var host = new TestHost(o => o.Resilience.RetryBaseDelay = TimeSpan.FromMilliseconds(1));
        host.Stub.Enqueue(_ => Status(HttpStatusCode.TooManyRequests, "1")).Enqueue(HttpStatusCode.OK, Ok);

        await host.Sync.GetCandidatesAsync(TestHost.ChildApp, [Key]);

        Assert.Equal(2, host.Stub.ApiRequests.Count);
        var retryLog = Assert.Single(host.Logs.Messages, m => m.StartsWith("Retrying LinkedIn request", StringComparison.Ordinal));
        Assert.Contains("after 00:00:01 because of 429", retryLog, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_UnauthorizedOnce_RefreshesTokenAndResendsOnce()
    {
        using var host = new TestHost();
        host.Stub.Enqueue(_ => Status(HttpStatusCode.Unauthorized)).Enqueue(HttpStatusCode.OK, Ok);

        await host.Sync.GetCandidatesAsync(TestHost.ChildApp, [Key]);

        Assert.Equal(2, host.Stub.TokenRequests.Count);
        Assert.Equal(["Bearer tok-1", "Bearer tok-2"], host.Stub.ApiRequests.Select(r => r.Header("Authorization")));
    }

    [Fact]
    public async Task Get_RetryThenUnauthorized_TokenHandlerRunsInsideEachAttempt()
    {
        using var host = new TestHost();
        host.Stub.Enqueue(_ => Status(HttpStatusCode.ServiceUnavailable))
            .Enqueue(_ => Status(HttpStatusCode.Unauthorized))
            .Enqueue(HttpStatusCode.OK, Ok);

        await host.Sync.GetCandidatesAsync(TestHost.ChildApp, [Key]);

        Assert.Equal(["Bearer tok-1", "Bearer tok-1", "Bearer tok-2"], host.Stub.ApiRequests.Select(r => r.Header("Authorization")));
        Assert.Equal(2, host.Stub.TokenRequests.Count);
    }

    [Fact]
    public async Task CircuitBreaker_RepeatedFailures_OpensAndFailsFastWithCircuitOpen()
    {
        using var host = new TestHost(o =>
        {
            o.Resilience.CircuitBreakerMinimumThroughput = 2;
            o.Resilience.CircuitBreakerFailureRatio = 0.5;
        });
        host.Stub.Fallback = _ => Status(HttpStatusCode.InternalServerError);
        var names = new Dictionary<AtsIntegrationKey, string> { [new(Org, "ONE_CLICK_EXPORT")] = "n" };

        await Assert.ThrowsAsync<LinkedInApiException>(() => host.Integrations.SetIntegrationNamesAsync(TestHost.ChildApp, names));
        await Assert.ThrowsAsync<LinkedInApiException>(() => host.Integrations.SetIntegrationNamesAsync(TestHost.ChildApp, names));
        var ex = await Assert.ThrowsAsync<LinkedInApiException>(() => host.Integrations.SetIntegrationNamesAsync(TestHost.ChildApp, names));

        Assert.Equal("CIRCUIT_OPEN", ex.ErrorCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ex.StatusCode);
        Assert.Equal(2, host.Stub.ApiRequests.Count);
    }

    [Fact]
    public async Task Post_UnauthorizedOnce_RefreshesTokenAndResendsSameBody()
    {
        using var host = new TestHost();
        host.Stub.Enqueue(_ => Status(HttpStatusCode.Unauthorized)).Enqueue(HttpStatusCode.OK, Ok);

        await host.Integrations.SetIntegrationNamesAsync(TestHost.ChildApp, new Dictionary<AtsIntegrationKey, string> { [new(Org, "ONE_CLICK_EXPORT")] = "n" });

        var requests = host.Stub.ApiRequests;
        Assert.Equal(2, requests.Count);
        Assert.Equal(requests[0].Body, requests[1].Body);
        Assert.Equal("Bearer tok-2", requests[1].Header("Authorization"));
    }

    [Fact]
    public async Task Get_UnauthorizedTwice_ThrowsAuthExceptionWithoutLeakingToken()
    {
        using var host = new TestHost();
        host.Stub.Fallback = _ => StubHttpHandler.Json(HttpStatusCode.Unauthorized, """{"status":401,"serviceErrorCode":65600,"code":"INVALID_ACCESS_TOKEN","message":"Invalid access token"}""");

        var ex = await Assert.ThrowsAsync<LinkedInAuthException>(() => host.Sync.GetCandidatesAsync(TestHost.ChildApp, [Key]));

        Assert.Equal(65600, ex.ServiceErrorCode);
        Assert.Equal(2, host.Stub.ApiRequests.Count);
        Assert.Equal(2, host.Stub.TokenRequests.Count);
        Assert.DoesNotContain("tok-", ex.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("child-secret", ex.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Calls_SameApp_ReuseCachedToken()
    {
        using var host = new TestHost();
        host.Stub.Fallback = _ => StubHttpHandler.Json(HttpStatusCode.OK, Ok);

        await host.Sync.GetCandidatesAsync(TestHost.ChildApp, [Key]);
        await host.Sync.GetCandidatesAsync(TestHost.ChildApp, [Key]);

        Assert.Single(host.Stub.TokenRequests);
        Assert.All(host.Stub.ApiRequests, r => Assert.Equal("Bearer tok-1", r.Header("Authorization")));
    }

    [Fact]
    public async Task Forbidden_AccessDenied_ThrowsApiExceptionWithRestLiFields()
    {
        using var host = new TestHost();
        host.Stub.Enqueue(HttpStatusCode.Forbidden, """{"status":403,"serviceErrorCode":100,"code":"ACCESS_DENIED","message":"Integration ONE_CLICK_EXPORT is not enabled for urn:li:organization:1001"}""");

        var ex = await Assert.ThrowsAsync<LinkedInApiException>(() => host.Exports.GetExportedCandidatesAsync(TestHost.ChildApp, "req-1"));

        Assert.IsNotType<LinkedInAuthException>(ex);
        Assert.Equal(HttpStatusCode.Forbidden, ex.StatusCode);
        Assert.Equal(100, ex.ServiceErrorCode);
        Assert.Equal("ACCESS_DENIED", ex.ErrorCode);
        Assert.Contains("not enabled", ex.Message, StringComparison.Ordinal);
        Assert.Contains("ACCESS_DENIED", ex.BodySnippet, StringComparison.Ordinal);
        Assert.Single(host.Stub.ApiRequests);
    }

    [Fact]
    public async Task ApiException_LongBody_SnippetIsTruncated()
    {
        using var host = new TestHost();
        host.Stub.Enqueue(HttpStatusCode.BadRequest, "{\"status\":400,\"code\":\"BAD_REQUEST\",\"message\":\"" + new string('x', 2000) + "\"}");

        var ex = await Assert.ThrowsAsync<LinkedInApiException>(() => host.Integrations.FindIntegrationsByRequestAsync(TestHost.ChildApp, "r"));

        Assert.True(ex.BodySnippet!.Length <= 513);
    }

    [Fact]
    public async Task DailyQuota_Exhausted_FailsFastWithoutSending()
    {
        using var host = new TestHost(o => o.Quotas.DailyRequests = 2);
        host.Stub.Fallback = _ => StubHttpHandler.Json(HttpStatusCode.OK, Ok);

        await host.Sync.GetCandidatesAsync(TestHost.ChildApp, [Key]);
        await host.Sync.GetCandidatesAsync(TestHost.ChildApp, [Key]);
        var ex = await Assert.ThrowsAsync<LinkedInQuotaExceededException>(() => host.Sync.GetCandidatesAsync(TestHost.ChildApp, [Key]));

        Assert.Equal(HttpStatusCode.TooManyRequests, ex.StatusCode);
        Assert.True(ex.RetryAfter > TimeSpan.Zero);
        Assert.Equal(2, host.Stub.ApiRequests.Count);
    }

    [Fact]
    public async Task DailyQuota_PerResourceOverride_LimitsOnlyThatResource()
    {
        using var host = new TestHost(o => o.Quotas.DailyRequestsPerResource["atsIntegrations"] = 1);
        host.Stub.Fallback = _ => StubHttpHandler.Json(HttpStatusCode.OK, """{"elements":[],"paging":{"start":0,"count":10}}""");

        await host.Integrations.FindIntegrationsByRequestAsync(TestHost.ChildApp, "r1");
        await Assert.ThrowsAsync<LinkedInQuotaExceededException>(() => host.Integrations.FindIntegrationsByRequestAsync(TestHost.ChildApp, "r2"));
        await host.Exports.GetExportedCandidatesAsync(TestHost.ChildApp, "r3");

        Assert.Equal(2, host.Stub.ApiRequests.Count);
    }

    [Fact]
    public async Task RecordsPerMinute_ManyBatchesWithinBudget_AllSentWithoutError()
    {
        using var host = new TestHost(o => o.MaxRequestUrlLength = 0);
        host.Stub.Fallback = _ => StubHttpHandler.Json(HttpStatusCode.OK, Ok);
        var keys = Enumerable.Range(0, 500).Select(i => new AtsCandidateKey(Org, "c" + i)).ToList();

        var result = await host.Sync.GetCandidatesAsync(TestHost.ChildApp, keys);

        Assert.Equal(5, host.Stub.ApiRequests.Count);
        Assert.Equal(500, result.Failed.Count);
    }

    [Fact]
    public async Task RecordsPerMinute_BurstUsedUp_WaitsForPermitsInsteadOfFailing()
    {
        using var host = new TestHost(o =>
        {
            o.MaxRequestUrlLength = 0;
            o.Quotas.RecordsPerMinute = 12_100; // bucket 242 records, refilled at 197 per second
        });
        host.Stub.Fallback = _ => StubHttpHandler.Json(HttpStatusCode.OK, Ok);
        var keys = Enumerable.Range(0, 1_300).Select(i => new AtsCandidateKey(Org, "c" + i)).ToList();

        await host.Sync.GetCandidatesAsync(TestHost.ChildApp, keys);

        Assert.Equal(13, host.Stub.ApiRequests.Count);
        Assert.Contains(host.Logs.Messages, m => m.StartsWith("LinkedIn client-side rate limit: waiting for 100 record permits for app child-id", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TokenRequest_ServiceUnavailableOnce_RetriedBecauseClientCredentialsIsSafe()
    {
        using var host = new TestHost();
        var calls = 0;
        host.Stub.TokenResponder = _ => Interlocked.Increment(ref calls) == 1
            ? StubHttpHandler.Json(HttpStatusCode.ServiceUnavailable, "{}")
            : StubHttpHandler.Json(HttpStatusCode.OK, """{"access_token":"tok-x","expires_in":1800}""");
        host.Stub.Fallback = _ => StubHttpHandler.Json(HttpStatusCode.OK, Ok);

        await host.Sync.GetCandidatesAsync(TestHost.ChildApp, [Key]);

        Assert.Equal(2, host.Stub.TokenRequests.Count);
        Assert.Equal("Bearer tok-x", Assert.Single(host.Stub.ApiRequests).Header("Authorization"));
    }

    [Fact]
    public async Task CodeExchange_ServiceUnavailable_NotRetried()
    {
        using var host = new TestHost();
        host.Stub.TokenResponder = _ => StubHttpHandler.Json(HttpStatusCode.ServiceUnavailable, "{}");

        var ex = await Assert.ThrowsAsync<LinkedInApiException>(() => host.OAuth.ExchangeCodeAsync(TestHost.ChildApp, "c", new Uri("https://ats.example/cb"), "v"));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ex.StatusCode);
        Assert.Single(host.Stub.TokenRequests);
    }

    private static void ShortTimeouts(LinkedInRecruiterOptions o)
    {
        o.Resilience.AttemptTimeout = TimeSpan.FromMilliseconds(300);
        o.Resilience.TotalTimeout = TimeSpan.FromSeconds(10);
        o.Quotas.MaxQueueWait = TimeSpan.FromMilliseconds(100);
    }

    [Fact]
    public async Task Get_FirstAttemptTimesOut_RetriedAndSucceeds()
    {
        using var host = new TestHost(ShortTimeouts);
        var n = 0;
        host.Stub.Delay = _ => Interlocked.Increment(ref n) == 1 ? TimeSpan.FromSeconds(30) : TimeSpan.Zero;
        host.Stub.Fallback = _ => StubHttpHandler.Json(HttpStatusCode.OK, Ok);

        await host.Sync.GetCandidatesAsync(TestHost.ChildApp, [Key]);

        Assert.Equal(2, host.Stub.ApiRequests.Count);
    }

    [Fact]
    public async Task Post_AttemptTimesOut_NotRetriedAndThrowsTimeout()
    {
        using var host = new TestHost(ShortTimeouts);
        host.Stub.Delay = _ => TimeSpan.FromSeconds(30);

        var ex = await Assert.ThrowsAsync<LinkedInApiException>(() =>
            host.Integrations.SetIntegrationNamesAsync(TestHost.ChildApp, new Dictionary<AtsIntegrationKey, string> { [new(Org, "ONE_CLICK_EXPORT")] = "n" }));

        Assert.Equal("TIMEOUT", ex.ErrorCode);
        Assert.Equal(HttpStatusCode.GatewayTimeout, ex.StatusCode);
        Assert.Single(host.Stub.ApiRequests);
    }

    [Fact]
    public async Task DailyQuota_PerApp_OtherAppUnaffected()
    {
        using var host = new TestHost(o => o.Quotas.DailyRequests = 1);
        host.Stub.Fallback = _ => StubHttpHandler.Json(HttpStatusCode.OK, Ok);
        var other = new LinkedInAppCredentials("other", "other-secret");

        await host.Sync.GetCandidatesAsync(TestHost.ChildApp, [Key]);
        await host.Sync.GetCandidatesAsync(other, [Key]);

        Assert.Equal(2, host.Stub.ApiRequests.Count);
    }

    [Fact]
    public async Task RecordsPerMinute_BatchBeyondRemainingBudget_WaitsUntilQueueTimeout()
    {
        using var host = new TestHost(o =>
        {
            o.MaxRequestUrlLength = 0;
            o.Quotas.RecordsPerMinute = 150;
            o.Quotas.MaxQueueWait = TimeSpan.FromMilliseconds(200);
        });
        host.Stub.Fallback = _ => StubHttpHandler.Json(HttpStatusCode.OK, Ok);
        var keys = Enumerable.Range(0, 100).Select(i => new AtsCandidateKey(Org, "c" + i)).ToList();

        await host.Sync.GetCandidatesAsync(TestHost.ChildApp, keys);
        var ex = await Assert.ThrowsAsync<LinkedInApiException>(() => host.Sync.GetCandidatesAsync(TestHost.ChildApp, keys));

        Assert.Equal("CLIENT_RATE_LIMITED", ex.ErrorCode);
        Assert.Single(host.Stub.ApiRequests);
    }

    [Fact]
    public async Task RecordsPerMinute_BackgroundWaitingForPermits_LiveRequestSentFirst()
    {
        using var host = new TestHost(o =>
        {
            o.MaxRequestUrlLength = 0;
            o.Quotas.RecordsPerMinute = 10_000; // shared bucket 200, refilled at 163 per second
            o.Quotas.LiveRecordsReserve = 0.5; // background bucket 100, refilled at 81 per second
        });
        host.Stub.Fallback = _ => StubHttpHandler.Json(HttpStatusCode.OK, Ok);
        var backfill = Enumerable.Range(0, 200).Select(i => new AtsCandidateKey(Org, "b" + i)).ToList();
        var live = Enumerable.Range(0, 100).Select(i => new AtsCandidateKey(Org, "l" + i)).ToList();

        Task background;
        using (LinkedInTraffic.Background())
        {
            background = host.Sync.GetCandidatesAsync(TestHost.ChildApp, backfill); // the second 100 wait for background permits
        }
        for (var i = 0; i < 100 && host.Stub.ApiRequests.Count == 0; i++)
        {
            await Task.Delay(10);
        }
        await host.Sync.GetCandidatesAsync(TestHost.ChildApp, live);
        await background;

        Assert.Equal(3, host.Stub.ApiRequests.Count);
        Assert.Contains("l0", host.Stub.ApiRequests[1].PathAndQuery, StringComparison.Ordinal);
        Assert.Contains("b100", host.Stub.ApiRequests[2].PathAndQuery, StringComparison.Ordinal);
        Assert.Contains(host.Logs.Messages, m => m.StartsWith("LinkedIn client-side rate limit: waiting for 100 background record permits", StringComparison.Ordinal));
        Assert.False(LinkedInTraffic.IsBackground);
    }

    [Theory]
    [InlineData(10_000, 0.02)]
    [InlineData(100_000, 0.02)]
    public void RateLimiter_SteadyBackfill_GetsAtLeast95PercentOfTheMinute(int recordsPerMinute, double reserve)
    {
        using var limiter = new LinkedIn.Recruiter.Http.LinkedInRateLimiter(
            Microsoft.Extensions.Options.Options.Create(new LinkedInRecruiterOptions { Quotas = { RecordsPerMinute = recordsPerMinute, LiveRecordsReserve = reserve } }),
            TimeProvider.System,
            Microsoft.Extensions.Logging.Abstractions.NullLogger<LinkedIn.Recruiter.Http.LinkedInRateLimiter>.Instance);

        Assert.InRange(limiter.BackgroundSustainedPerMinute, (int)(0.95 * recordsPerMinute), limiter.SustainedPerMinute - 1);
        Assert.InRange(limiter.SustainedPerMinute, (int)(0.97 * recordsPerMinute), recordsPerMinute);
    }
}
