namespace LinkedIn.Simulator.Api;

/// <summary>Maps partner API handlers under both /v2 and /rest behind the API guard.</summary>
internal static class ApiRoutes
{
    /// <summary>
    /// Maps a handler on /v2/{path} and /rest/{path}. Before the handler: authentication (401 whatever the headers), then for /rest
    /// LinkedIn-Version, then the Rest.li protocol version and its URL syntax (<see cref="RestLiRequest"/>).
    /// </summary>
    public static void MapApi(WebApplication app, string[] methods, string path, Func<HttpContext, Task<IResult>> handler)
    {
        app.MapMethods("/v2/" + path, methods, (Delegate)((HttpContext ctx) => Guard(ctx, false, handler)));
        app.MapMethods("/rest/" + path, methods, (Delegate)((HttpContext ctx) => Guard(ctx, true, handler)));
    }

    /// <summary>Maps a synchronous handler; see <see cref="MapApi(WebApplication, string[], string, Func{HttpContext, Task{IResult}})"/>.</summary>
    public static void MapApi(WebApplication app, string[] methods, string path, Func<HttpContext, IResult> handler) =>
        MapApi(app, methods, path, ctx => Task.FromResult(handler(ctx)));

    private static Task<IResult> Guard(HttpContext ctx, bool rest, Func<HttpContext, Task<IResult>> handler)
    {
        if (ctx.RequestServices.GetRequiredService<Simulation>().Authenticate(ctx).Error is { } unauthenticated)
        {
            return Task.FromResult(unauthenticated);
        }
        if (rest && string.IsNullOrWhiteSpace(ctx.Request.Headers["LinkedIn-Version"]))
        {
            return Task.FromResult(RestLi.Error(400, "VERSION_MISSING", "A version must be present. Please specify a version by adding the LinkedIn-Version header."));
        }
        return RestLiRequest.Parse(ctx).Error is { } protocolError ? Task.FromResult(protocolError) : handler(ctx);
    }
}
