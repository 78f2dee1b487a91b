using Attract.Web.Infrastructure;
using Microsoft.Extensions.Options;
using Quartz;

namespace Attract.Web.Integrations.LinkedIn.Pulls;

/// <summary>
/// The recurring pull job. It wakes every <see cref="LinkedInPullSetup.Tick"/> and pulls each seat whose last run is
/// older than <c>LinkedIn:Sync:PullInterval</c>; each seat and kind keeps its own cursor and error.
/// </summary>
[DisallowConcurrentExecution]
public sealed class LinkedInPullJob(LinkedInPuller puller, IOptions<LinkedInPullOptions> settings) : IJob
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
