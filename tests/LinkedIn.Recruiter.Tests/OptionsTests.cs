using LinkedIn.Recruiter.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace LinkedIn.Recruiter.Tests;

public class OptionsTests
{
    [Fact]
    public void AddLinkedInRecruiter_MissingParentSecret_FailsAtStartupValidation()
    {
        using var host = new TestHost(o => o.ParentClientSecret = "");

        var ex = Assert.ThrowsAny<Exception>(() => host.Provider.GetRequiredService<IStartupValidator>().Validate());

        var inner = ex is AggregateException agg ? agg.InnerExceptions[0] : ex;
        Assert.IsType<OptionsValidationException>(inner);
        Assert.Contains(nameof(LinkedInRecruiterOptions.ParentClientSecret), inner.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddLinkedInRecruiter_TotalTimeoutNotAboveAttempt_FailsValidation()
    {
        using var host = new TestHost(o => o.Resilience.TotalTimeout = o.Resilience.AttemptTimeout);

        var ex = Assert.Throws<OptionsValidationException>(() => host.Provider.GetRequiredService<IOptions<LinkedInRecruiterOptions>>().Value);

        Assert.Contains("TotalTimeout", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddLinkedInRecruiter_ConfigurationSection_BindsKeys()
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["LinkedIn:Recruiter:ApiBaseUrl"] = "http://localhost:5090",
            ["LinkedIn:Recruiter:OAuthBaseUrl"] = "http://localhost:5090",
            ["LinkedIn:Recruiter:PlatformBaseUrl"] = "http://localhost:5090",
            ["LinkedIn:Recruiter:ParentClientId"] = "p",
            ["LinkedIn:Recruiter:ParentClientSecret"] = "s",
            ["LinkedIn:Recruiter:LinkedInVersion"] = "202604",
            ["LinkedIn:Recruiter:Quotas:RecordsPerMinute"] = "500",
            ["LinkedIn:Recruiter:Resilience:MaxRetryAttempts"] = "2",
        }).Build();
        var services = new ServiceCollection().AddLogging();
        services.AddLinkedInRecruiter(config.GetSection(LinkedInRecruiterOptions.DefaultSectionName));
        using var provider = services.BuildServiceProvider();

        provider.GetRequiredService<IStartupValidator>().Validate();
        var options = provider.GetRequiredService<IOptions<LinkedInRecruiterOptions>>().Value;

        Assert.Equal("http://localhost:5090", options.ApiBaseUrl);
        Assert.Equal("202604", options.LinkedInVersion);
        Assert.Equal(500, options.Quotas.RecordsPerMinute);
        Assert.Equal(2, options.Resilience.MaxRetryAttempts);
        Assert.Equal(new Uri("http://localhost:5090/xdoor/scripts/in.js"), options.GetPlatformScriptUrl());
        Assert.NotNull(provider.GetRequiredService<ILinkedInIntegrationsClient>());
        Assert.NotNull(provider.GetRequiredService<ILinkedInSyncClient>());
        Assert.NotNull(provider.GetRequiredService<ILinkedInAclClient>());
        Assert.NotNull(provider.GetRequiredService<ILinkedInJobPostingsClient>());
        Assert.NotNull(provider.GetRequiredService<ILinkedInExportsClient>());
        Assert.NotNull(provider.GetRequiredService<ILinkedInProspectInteractionsClient>());
        Assert.NotNull(provider.GetRequiredService<ILinkedInMemberClient>());
        Assert.NotNull(provider.GetRequiredService<ILinkedInProvisioningClient>());
    }

    [Fact]
    public async Task AddLinkedInRecruiter_EveryRoleClient_SendsThroughTheNamedApiClient()
    {
        var seen = new List<string>();
        using var host = new TestHost(services: s => s.AddHttpClient(ServiceCollectionExtensions.RecruiterClientName)
            .AddHttpMessageHandler(() => new RecordingHandler(seen)));
        host.Stub.Fallback = r => StubHttpHandler.Json(System.Net.HttpStatusCode.OK, r.Uri.AbsolutePath == "/v2/me" ? """{"id":"m1"}""" : """{"elements":[],"results":{},"errors":{}}""");
        var app = TestHost.ChildApp;

        await host.Integrations.FindIntegrationsByRequestAsync(app, "r1");
        await host.Sync.GetCandidatesAsync(app, [new AtsCandidateKey("urn:li:organization:1", "1")]);
        await host.Acls.FindEntityAclsAsync(app, "urn:li:organization:1").ToListAsync();
        await host.JobPostings.GetJobPostingTasksAsync(app, ["t1"]);
        await host.Exports.GetExportedCandidatesAsync(app, "r1");
        await host.Prospects.GetSeatsAsync(app, "urn:li:contract:1").ToListAsync();
        await host.MemberClient.GetMeAsync("member-token");

        Assert.Equal(
            ["/v2/atsIntegrations", "/v2/atsCandidates", "/v2/atsEntityAcls", "/v2/simpleJobPostingTasks", "/v2/exportedCandidates", "/v2/seatsV2", "/v2/me"],
            seen);
        Assert.All(host.Stub.ApiRequests, r => Assert.StartsWith("Bearer ", r.Header("Authorization"), StringComparison.Ordinal));
    }

    private sealed class RecordingHandler(List<string> seen) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            seen.Add(request.RequestUri!.AbsolutePath);
            return base.SendAsync(request, cancellationToken);
        }
    }
}
