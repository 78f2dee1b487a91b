using Attract.Web.Infrastructure;
using Microsoft.Extensions.Options;
using Quartz;

namespace Attract.Web.Integrations.LinkedIn.Pulls;

/// <summary>
/// The recurring pull job. It wakes every <see cref="LinkedInPullSetup.Tick"/> and pulls each seat whose last run is
/// older than <c>LinkedIn:Sync:PullInterval</c>; each seat and kind keeps its own cursor and error.
/// </summary>
[DisallowConcurrentExecution]
public sealed class LinkedInPullJob(LinkedInPuller puller, IOptions<LinkedInPullSettings> settings) : IJob
{
    public static readonly JobKey Key = new("linkedin-pulls", "linkedin");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        if (settings.Value.JobsEnabled)
        {
            using var activity = AttractMetrics.ActivitySource.StartActivity("linkedin.pull");
            await puller.RunAsync(force: false, cancellationToken);
        }
    }
}

/// <summary>The recurring purged-export poll (daily by default, never less often than every 30 days).</summary>
[DisallowConcurrentExecution]
public sealed class LinkedInPurgeJob(LinkedInPurgePoller poller, IOptions<LinkedInPullSettings> settings) : IJob
{
    public static readonly JobKey Key = new("linkedin-purged-exports", "linkedin");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        if (settings.Value.JobsEnabled)
        {
            using var activity = AttractMetrics.ActivitySource.StartActivity("linkedin.purged_exports.poll");
            await poller.PollAsync(force: false, cancellationToken);
        }
    }
}

/// <summary>Registration of the pull and purge jobs and their services.</summary>
public static class LinkedInPullSetup
{
    public static IServiceCollection AddLinkedInPulls(this IServiceCollection services, IConfiguration config)
    {
        services.AddOptions<LinkedInPullSettings>().Bind(config.GetSection(LinkedInPullSettings.SectionName));
        services.AddScoped<LinkedInStubImporter>();
        services.AddScoped<LinkedInPuller>();
        services.AddScoped<LinkedInPurgePoller>();
        services.AddScoped<Profile.LinkedInProfileLinker>();
        services.AddScoped<Profile.LinkedInTabReader>();
        return services;
    }

    /// <summary>How often the jobs wake up to check whether a seat (or the purge poll) is due.</summary>
    public static readonly TimeSpan Tick = TimeSpan.FromMinutes(5);

    /// <summary>Adds the two jobs; each first fires one tick after start-up, then every tick (the due check is in the services).</summary>
    public static void Configure(IQuartzBuilder quartz)
    {
        var tick = Tick;
        quartz.AddJob<LinkedInPullJob>(j => j.WithIdentity(LinkedInPullJob.Key));
        quartz.AddTrigger(t => t.ForJob(LinkedInPullJob.Key).WithIdentity("linkedin-pulls-trigger", "linkedin")
            .StartAt(DateTimeOffset.UtcNow + tick).WithSimpleSchedule(s => s.WithInterval(tick).RepeatForever()));
        quartz.AddJob<LinkedInPurgeJob>(j => j.WithIdentity(LinkedInPurgeJob.Key));
        quartz.AddTrigger(t => t.ForJob(LinkedInPurgeJob.Key).WithIdentity("linkedin-purged-exports-trigger", "linkedin")
            .StartAt(DateTimeOffset.UtcNow + tick).WithSimpleSchedule(s => s.WithInterval(tick).RepeatForever()));
    }
}
