using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Attract.Web.Infrastructure;

/// <summary>Writes <c>/health</c> as a small JSON document: overall status and each check's status.</summary>
public static class HealthResponse
{
    public static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        var body = new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => e.Value.Status.ToString()),
        };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body));
    }
}
