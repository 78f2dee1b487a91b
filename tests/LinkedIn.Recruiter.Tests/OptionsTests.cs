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
        Assert.NotNull(provider.GetRequiredService<ILinkedInRecruiterClient>());
        Assert.NotNull(provider.GetRequiredService<ILinkedInProvisioningClient>());
    }
}
