using Quartz;

namespace Attract.Web.Integrations.LinkedIn.Jobs;

/// <summary>Quartz job: drains the Job rows of the outbox to LinkedIn's job postings (every <c>LinkedIn:Sync:DrainInterval</c>, and on signal).</summary>
[DisallowConcurrentExecution]
public sealed class LinkedInJobPostingSyncJob(LinkedInJobPostingSync sync) : IJob
{
    public static readonly JobKey Key = new("linkedin-job-postings", "linkedin");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) => await sync.DrainAsync(cancellationToken);
}
