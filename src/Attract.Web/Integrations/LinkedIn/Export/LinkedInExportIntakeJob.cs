using Attract.Web.Infrastructure;
using Quartz;

namespace Attract.Web.Integrations.LinkedIn.Export;

/// <summary>Quartz job: processes recorded 1-Click Export pushes (every few seconds, and right after a push arrives).</summary>
[DisallowConcurrentExecution]
public sealed class LinkedInExportIntakeJob(LinkedInExportProcessor processor) : IJob
{
    public static readonly JobKey Key = new("linkedin-export-intake", "linkedin");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        using var activity = AttractMetrics.ActivitySource.StartActivity("linkedin.export.intake");
        var done = await processor.ProcessDueAsync(cancellationToken); // not inside ?. : that would skip the call when nobody listens
        activity?.SetTag("attract.exports_completed", done);
    }
}
