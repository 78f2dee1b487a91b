using Attract.Web.Infrastructure;

namespace Attract.Web.Integrations.LinkedIn.Sync;

/// <summary>Counts every HTTP request the LinkedIn clients send (each retry is a request LinkedIn counts too).</summary>
public sealed class LinkedInUsageHandler(LinkedInUsageMeter meter, AttractMetrics metrics) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        meter.CountRequest();
        metrics.LinkedInRequest(AttractMetrics.ResourceOf(request.RequestUri));
        return base.SendAsync(request, cancellationToken);
    }
}
