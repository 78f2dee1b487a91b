using Attract.Web.Integrations.LinkedIn.Jobs;
using Quartz;

namespace Attract.Web.Integrations.LinkedIn.Export;

/// <summary>Registers the 1-Click Export intake, its link reconciliation and the job-postings sync (services and Quartz jobs).</summary>
public static class LinkedInExportSetup
{
    public static IServiceCollection AddLinkedInExportAndJobSync(this IServiceCollection services, IConfiguration config)
    {
        services.AddScoped<LinkedInExportProcessor>();
        services.AddScoped<LinkedInExportLinker>();
        services.AddScoped<LinkedInJobPostingSync>();
        return services;
    }

    /// <summary>The three Quartz jobs; their recurring triggers only when background work is on.</summary>
    public static void Configure(IQuartzBuilder quartz, IConfiguration config)
    {
        var background = LinkedInBackgroundOptions.From(config).RunInBackground;
        var drain = config.GetValue("LinkedIn:Sync:DrainInterval", TimeSpan.FromSeconds(5));
        var exports = config.GetValue("LinkedIn:Export:PollInterval", TimeSpan.FromSeconds(5));
        Add<LinkedInJobPostingSyncJob>(quartz, LinkedInJobPostingSyncJob.Key, drain, background);
        Add<LinkedInExportIntakeJob>(quartz, LinkedInExportIntakeJob.Key, exports, background);
        var reconcile = config.GetValue("LinkedIn:Export:ReconcileInterval", TimeSpan.FromHours(1));
        Add<LinkedInExportLinkReconcileJob>(quartz, LinkedInExportLinkReconcileJob.Key, reconcile, background);
    }

    private static void Add<T>(IQuartzBuilder quartz, JobKey key, TimeSpan interval, bool recurring) where T : IJob
    {
        quartz.AddJob<T>(j => j.WithIdentity(key).StoreDurably());
        if (recurring)
        {
            quartz.AddTrigger(t => t.ForJob(key).WithIdentity(key.Name + "-trigger", key.Group)
                .StartAt(DateTimeOffset.UtcNow.AddSeconds(3))
                .WithSimpleSchedule(s => s.WithInterval(interval).RepeatForever()));
        }
    }
}
