using Attract.Web.Infrastructure;
using Microsoft.Extensions.Options;
using Quartz;

namespace Attract.Web.Integrations.LinkedIn.Pulls;

/// <summary>The recurring purged-export poll (daily by default, never less often than every 30 days).</summary>
[DisallowConcurrentExecution]
public sealed class LinkedInPurgeJob(LinkedInPurgePoller poller, IOptions<LinkedInPullOptions> settings) : IJob
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
