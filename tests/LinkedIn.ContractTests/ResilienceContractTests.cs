using System.Net;
using System.Text.Json.Nodes;

namespace LinkedIn.ContractTests;

/// <summary>Throttling driven by the simulator's fault injection and its own per-minute record limit.</summary>
public sealed class ResilienceContractTests : ContractTestBase
{
    private const string RetryLog = "Retrying LinkedIn request";

    protected override void ConfigureClient(LinkedInRecruiterOptions options)
    {
        // Enough retries that the fault can be cleared while the client is still backing off (Retry-After: 1 s each).
        options.Resilience.MaxRetryAttempts = 5;
        options.Resilience.RetryBaseDelay = TimeSpan.FromMilliseconds(10);
    }

    protected override void ConfigureSimulator(LinkedIn.Simulator.SimulatorOptions options) => options.RecordsPerMinuteLimit = 2;

    [Fact]
    public async Task FindIntegrationsByRequestAsync_429UntilFaultCleared_RetriesThenSucceeds()
    {
        var (_, child) = await Host.ProvisionAsync();
        var requestId = await Host.WidgetRequestAsync(child, ContractHost.CompanyBundle, ContractHost.Org);
        await Integrations.GetIntegrationsAsync(child, [ContractHost.Key(AtsIntegrationTypes.InAtsIndicator)]); // token cached before the fault
        await Host.ControlAsync(HttpMethod.Post, "/_sim/faults", new JsonObject { ["tooManyRequestsRate"] = 1.0 });
        var firstRetry = Host.Logs.WaitForAsync(m => m.Contains(RetryLog, StringComparison.Ordinal) && m.Contains("because of 429", StringComparison.Ordinal));

        var call = Integrations.FindIntegrationsByRequestAsync(child, requestId);
        await firstRetry.WaitAsync(TimeSpan.FromSeconds(30));
        await Host.ControlAsync(HttpMethod.Delete, "/_sim/faults");
        var integrations = await call;

        Assert.Equal(ContractHost.OrgTypes.Order(), integrations.Select(i => i.IntegrationType).Order());
        Assert.All(integrations, i => Assert.Equal("REQUESTED", i.Status));
    }

    [Fact]
    public async Task SubmitJobPostingsAsync_OverSimulatorRecordsPerMinute_ThrowsApiException429WithoutRetry()
    {
        var (_, child) = await Host.ProvisionAsync();
        await Host.EnableCompanyAsync(child);

        var ex = await Assert.ThrowsAsync<LinkedInApiException>(() => JobPostings.SubmitJobPostingsAsync(child, [SyncContractTests.Job("J1"), SyncContractTests.Job("J2"), SyncContractTests.Job("J3")]));

        Assert.Equal(HttpStatusCode.TooManyRequests, ex.StatusCode);
        Assert.Equal("TOO_MANY_REQUESTS", ex.ErrorCode);
        Assert.NotNull(ex.RetryAfter);
        Assert.InRange(ex.RetryAfter.Value, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60));
        Assert.DoesNotContain(Host.Logs.Messages, m => m.Contains(RetryLog, StringComparison.Ordinal)); // POST batch_create is never retried
    }
}

/// <summary>A fault that never clears: the retries run out and the 429 surfaces as a typed exception.</summary>
public sealed class ResilienceExhaustedContractTests : ContractTestBase
{
    protected override void ConfigureClient(LinkedInRecruiterOptions options)
    {
        options.Resilience.MaxRetryAttempts = 1;
        options.Resilience.RetryBaseDelay = TimeSpan.FromMilliseconds(10);
    }

    [Fact]
    public async Task GetIntegrationsAsync_Persistent429_ThrowsApiException429AfterRetrying()
    {
        var (_, child) = await Host.ProvisionAsync();
        var key = ContractHost.Key(AtsIntegrationTypes.OneClickExport);
        await Integrations.GetIntegrationsAsync(child, [key]); // token cached before the fault
        await Host.ControlAsync(HttpMethod.Post, "/_sim/faults", new JsonObject { ["tooManyRequestsRate"] = 1.0 });

        var ex = await Assert.ThrowsAsync<LinkedInApiException>(() => Integrations.GetIntegrationsAsync(child, [key]));

        Assert.Equal(HttpStatusCode.TooManyRequests, ex.StatusCode);
        Assert.Equal("TOO_MANY_REQUESTS", ex.ErrorCode);
        Assert.Equal(TimeSpan.FromSeconds(1), ex.RetryAfter);
        Assert.Single(Host.Logs.Messages, m => m.Contains("Retrying LinkedIn request", StringComparison.Ordinal) && m.Contains("because of 429", StringComparison.Ordinal));

        await Host.ControlAsync(HttpMethod.Delete, "/_sim/faults");
        Assert.Single((await Integrations.GetIntegrationsAsync(child, [key])).Found);
    }
}
