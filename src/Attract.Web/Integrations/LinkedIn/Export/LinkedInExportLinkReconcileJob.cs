using Attract.Web.Infrastructure;
using Quartz;

namespace Attract.Web.Integrations.LinkedIn.Export;

/// <summary>
/// Quartz job (every <c>LinkedIn:Export:ReconcileInterval</c>, default 1 h): queues the links of exported candidates that
/// are still unlinked and nobody is working on, then sends the due links, so no exported candidate is left unlinked silently.
/// </summary>
[DisallowConcurrentExecution]
public sealed class LinkedInExportLinkReconcileJob(LinkedInExportLinker linker) : IJob
{
    public static readonly JobKey Key = new("linkedin-export-link-reconcile", "linkedin");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        using var activity = AttractMetrics.ActivitySource.StartActivity("linkedin.export.reconcile");
        var queued = await linker.ReconcileAsync(cancellationToken);
        var linked = await linker.LinkDueAsync(cancellationToken);
        activity?.SetTag("attract.links_queued", queued);
        activity?.SetTag("attract.links_linked", linked);
    }
}
