using Quartz;

namespace Attract.Web.Integrations.LinkedIn;

/// <summary>The LinkedIn integration's recurring Quartz jobs (outbox drain, interaction pulls, purged-export polling).</summary>
public static class LinkedInJobs
{
    public static void Configure(IQuartzBuilder quartz)
    {
        ArgumentNullException.ThrowIfNull(quartz);
        Pulls.LinkedInPullSetup.Configure(quartz);
    }
}
