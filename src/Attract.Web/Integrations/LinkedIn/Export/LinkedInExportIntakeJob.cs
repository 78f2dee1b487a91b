using Quartz;

namespace Attract.Web.Integrations.LinkedIn.Export;

/// <summary>Quartz job: processes recorded 1-Click Export pushes (every few seconds, and right after a push arrives).</summary>
[DisallowConcurrentExecution]
public sealed class LinkedInExportIntakeJob(LinkedInExportProcessor processor) : IJob
{
    public static readonly JobKey Key = new("linkedin-export-intake", "linkedin");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) => await processor.ProcessDueAsync(cancellationToken);
}
