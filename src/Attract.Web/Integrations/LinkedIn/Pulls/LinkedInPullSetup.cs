using Quartz;

namespace Attract.Web.Integrations.LinkedIn.Pulls;

/// <summary>Registration of the pull and purge jobs and their services.</summary>
public static class LinkedInPullSetup
{
    public static IServiceCollection AddLinkedInPulls(this IServiceCollection services, IConfiguration config)
    {
        services.AddOptions<LinkedInPullOptions>().Bind(config.GetSection(LinkedInPullOptions.SectionName));
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
