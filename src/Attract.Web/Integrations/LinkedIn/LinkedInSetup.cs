using Attract.Core.Data;
using Attract.Web.Integrations.LinkedIn.Export;
using Attract.Web.Integrations.LinkedIn.Sync;
using LinkedIn.Recruiter;
using Microsoft.Extensions.Options;
using Quartz;

namespace Attract.Web.Integrations.LinkedIn;

/// <summary>Composition of the LinkedIn Recruiter integration.</summary>
public static class LinkedInSetup
{
    /// <summary>True when the RSC client has partner credentials (real LinkedIn) or the simulator runs in-process.</summary>
    public static bool IsConfigured(IConfiguration config) =>
        LinkedInSimulatorLauncher.IsEnabled(config) || !string.IsNullOrWhiteSpace(config["LinkedIn:Recruiter:ParentClientId"]);

    public static IServiceCollection AddLinkedInIntegration(this IServiceCollection services, IConfiguration config)
    {
        services.AddOptions<LinkedInIntegrationOptions>().Bind(config.GetSection(LinkedInIntegrationOptions.SectionName));
        services.AddSingleton<LinkedInSecrets>();
        services.AddSingleton<LinkedInOAuthState>();
        services.AddScoped<LinkedInConnector>();
        services.AddScoped<LinkedInCapabilities>();
        Pulls.LinkedInPullSetup.AddLinkedInPulls(services, config);
        var endpoint = new LinkedInSimulatorEndpoint();
        services.AddSingleton(endpoint);
        services.AddSingleton(new LinkedInAvailability(IsConfigured(config), endpoint));
        if (IsConfigured(config))
        {
            services.AddLinkedInRecruiter(config.GetSection(LinkedInRecruiterOptions.DefaultSectionName));
            services.AddSingleton<IPostConfigureOptions<LinkedInRecruiterOptions>>(
                new PostConfigureOptions<LinkedInRecruiterOptions>(Options.DefaultName, endpoint.Apply));
            foreach (var client in new[] { global::LinkedIn.Recruiter.ServiceCollectionExtensions.OAuthClientName, global::LinkedIn.Recruiter.ServiceCollectionExtensions.RecruiterClientName, global::LinkedIn.Recruiter.ServiceCollectionExtensions.ProvisioningClientName })
            {
                services.AddHttpClient(client).AddHttpMessageHandler<LinkedInUsageHandler>();
            }
        }
        else
        {
            LinkedInNotConfigured.AddStandIns(services);
        }
        services.AddSingleton(LinkedInBackgroundOptions.From(config));
        services.AddSingleton<ILinkedInSignals, LinkedInSignals>();
        services.AddSingleton<LinkedInChangeInterceptor>();
        services.ConfigureDbContext<AttractDbContext>((sp, o) => o.AddInterceptors(sp.GetRequiredService<LinkedInChangeInterceptor>()));
        services.AddLinkedInSync();
        services.AddLinkedInExportAndJobSync(config);
        return services;
    }

    /// <summary>The integration's Quartz jobs (outbox drain, job postings, export intake, pulls, purged-export polling).</summary>
    public static void ConfigureJobs(IQuartzBuilder quartz, IConfiguration config)
    {
        LinkedInJobs.Configure(quartz);
        LinkedInSyncJob.Configure(quartz, config);
        Export.LinkedInExportSetup.Configure(quartz, config);
    }
}

/// <summary>Whether LinkedIn can be reached at all, and the in-process simulator when it runs.</summary>
public sealed record LinkedInAvailability(bool IsConfigured, LinkedInSimulatorEndpoint Simulator);
