using Attract.Web.Infrastructure;
using Quartz;

namespace Attract.Web.Integrations.LinkedIn.Jobs;

/// <summary>Quartz job: drains the Job rows of the outbox to LinkedIn's job postings (every <c>LinkedIn:Sync:DrainInterval</c>, and on signal).</summary>
[DisallowConcurrentExecution]
public sealed class LinkedInJobPostingSyncJob(LinkedInJobPostingSync sync) : IJob
{
    public static readonly JobKey Key = new("linkedin-job-postings", "linkedin");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        using var activity = AttractMetrics.ActivitySource.StartActivity("linkedin.job_postings.sync");
        var done = await sync.DrainAsync(cancellationToken); // not inside ?. : that would skip the call when nobody listens
        activity?.SetTag("attract.rows_processed", done);
    }
}
