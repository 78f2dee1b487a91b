using System.Diagnostics;

namespace LinkedIn.Simulator.Hosting;

/// <summary>The middleware in front of the routes: Rest.li query tunnelling, then injected faults and the request log for partner calls.</summary>
internal static class RequestPipeline
{
    /// <summary>Rest.li query tunnelling: POST + X-HTTP-Method-Override + form-encoded query in the body becomes the GET or DELETE it stands for.</summary>
    public static void UseQueryTunneling(WebApplication app) => app.Use(async (ctx, next) =>
    {
        var overridden = ctx.Request.Headers["X-HTTP-Method-Override"].ToString();
        if (HttpMethods.IsPost(ctx.Request.Method) && (HttpMethods.IsGet(overridden) || HttpMethods.IsDelete(overridden)) && ctx.Request.HasFormContentType)
        {
            using var reader = new StreamReader(ctx.Request.Body);
            var form = await reader.ReadToEndAsync(ctx.RequestAborted);
            var query = ctx.Request.QueryString.Value;
            ctx.Request.QueryString = new QueryString("?" + (string.IsNullOrEmpty(query) ? "" : query.TrimStart('?') + "&") + form);
            ctx.Request.Method = overridden.ToUpperInvariant();
            ctx.Request.ContentType = null;
            ctx.Request.ContentLength = 0;
            ctx.Request.Body = Stream.Null;
        }
        await next(ctx);
    });

    /// <summary>For /v2, /rest and the token endpoint: latency and error faults, malformed input as 400, and a request-log entry.</summary>
    public static void UseFaultsAndRequestLog(WebApplication app, Simulation simulation) => app.Use(async (ctx, next) =>
    {
        var path = ctx.Request.Path;
        var api = path.StartsWithSegments("/v2") || path.StartsWithSegments("/rest");
        if (!api && !path.StartsWithSegments("/oauth/v2/accessToken"))
        {
            await next(ctx);
            return;
        }
        var stopwatch = Stopwatch.StartNew();
        try
        {
            await InjectFaultsOrRunAsync(ctx, next, simulation.Faults, api);
        }
        catch (Exception ex) when (!ctx.Response.HasStarted && ex is not OperationCanceledException)
        {
            // Unexpected JSON shapes (e.g. a string where an object belongs) surface as InvalidOperationException from JsonNode.
            var malformed = ex is InvalidOperationException or FormatException or System.Text.Json.JsonException or InvalidCastException;
            ctx.Response.Clear();
            await (malformed ? RestLi.BadRequest("Malformed request: " + ex.Message) : RestLi.Error(500, "INTERNAL_ERROR", ex.Message)).ExecuteAsync(ctx);
        }
        finally
        {
            simulation.RequestLog.Add(ctx, ctx.Items.TryGetValue("sim.clientId", out var clientId) ? clientId as string : null, stopwatch.ElapsedMilliseconds);
        }
    });

    private static async Task InjectFaultsOrRunAsync(HttpContext ctx, RequestDelegate next, FaultSettings faults, bool api)
    {
        if (api && faults.LatencyMs > 0)
        {
            await Task.Delay(faults.LatencyMs, ctx.RequestAborted);
        }
        if (api && faults.ErrorRate > 0 && Random.Shared.NextDouble() < faults.ErrorRate)
        {
            await RestLi.Error(500, "INTERNAL_ERROR", "Injected fault").ExecuteAsync(ctx);
        }
        else if (api && faults.TooManyRequestsRate > 0 && Random.Shared.NextDouble() < faults.TooManyRequestsRate)
        {
            ctx.Response.Headers.RetryAfter = "1";
            await RestLi.Error(429, "TOO_MANY_REQUESTS", "Injected throttling").ExecuteAsync(ctx);
        }
        else
        {
            await next(ctx);
        }
    }
}
