using System.Diagnostics;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace LinkedIn.Simulator;

/// <summary>Builds the LinkedIn RSC simulator as a self-contained <see cref="WebApplication"/> (standalone or hosted in-process by Attract).</summary>
public static class SimulatorApp
{
    public static WebApplication Build(SimulatorOptions options, Action<WebApplicationBuilder>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(SimulatorApp).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
            Args = [],
        });
        // Do not pick up the host application's appsettings / ASPNETCORE_URLS / Kestrel sections.
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["AllowedHosts"] = "*" });
        builder.WebHost.UseUrls(options.Urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        builder.WebHost.ConfigureKestrel(k =>
        {
            // 100 compound keys in a query string are ~15 KB.
            k.Limits.MaxRequestLineSize = 256 * 1024;
            k.Limits.MaxRequestHeadersTotalSize = 512 * 1024;
        });
        builder.Logging.ClearProviders();
        if (options.ConsoleLogging)
        {
            builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
            builder.Logging.SetMinimumLevel(LogLevel.Warning);
            builder.Logging.AddFilter("Microsoft.Hosting.Lifetime", LogLevel.Information);
        }
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(_ => new Sim(options));
        builder.Services.AddSingleton<PushDispatcher>();
        builder.Services.AddSingleton<SimActions>();
        configure?.Invoke(builder);

        var app = builder.Build();
        var sim = app.Services.GetRequiredService<Sim>();
        var pushes = app.Services.GetRequiredService<PushDispatcher>();
        var actions = app.Services.GetRequiredService<SimActions>();
        app.Lifetime.ApplicationStopped.Register(() => sim.Store.Dispose());

        app.Use(async (ctx, next) =>
        {
            // Rest.li query tunneling: POST + X-HTTP-Method-Override + form-encoded query in the body.
            var over = ctx.Request.Headers["X-HTTP-Method-Override"].ToString();
            if (HttpMethods.IsPost(ctx.Request.Method) && (HttpMethods.IsGet(over) || HttpMethods.IsDelete(over)) && ctx.Request.HasFormContentType)
            {
                using var reader = new StreamReader(ctx.Request.Body);
                var form = await reader.ReadToEndAsync(ctx.RequestAborted);
                var qs = ctx.Request.QueryString.Value;
                ctx.Request.QueryString = new QueryString("?" + (string.IsNullOrEmpty(qs) ? "" : qs.TrimStart('?') + "&") + form);
                ctx.Request.Method = over.ToUpperInvariant();
                ctx.Request.ContentType = null;
                ctx.Request.ContentLength = 0;
                ctx.Request.Body = Stream.Null;
            }
            await next(ctx);
        });
        app.UseRouting();
        app.Use(async (ctx, next) =>
        {
            var path = ctx.Request.Path;
            var api = path.StartsWithSegments("/v2") || path.StartsWithSegments("/rest");
            if (!api && !path.StartsWithSegments("/oauth/v2/accessToken"))
            {
                await next(ctx);
                return;
            }
            var sw = Stopwatch.StartNew();
            try
            {
                var f = sim.Faults;
                if (api && f.LatencyMs > 0)
                {
                    await Task.Delay(f.LatencyMs, ctx.RequestAborted);
                }
                if (api && f.ErrorRate > 0 && Random.Shared.NextDouble() < f.ErrorRate)
                {
                    await RestLi.Error(500, "INTERNAL_ERROR", "Injected fault").ExecuteAsync(ctx);
                }
                else if (api && f.TooManyRequestsRate > 0 && Random.Shared.NextDouble() < f.TooManyRequestsRate)
                {
                    ctx.Response.Headers.RetryAfter = "1";
                    await RestLi.Error(429, "TOO_MANY_REQUESTS", "Injected throttling").ExecuteAsync(ctx);
                }
                else
                {
                    await next(ctx);
                }
            }
            catch (Exception ex) when (!ctx.Response.HasStarted && ex is not OperationCanceledException)
            {
                // Unexpected JSON shapes (e.g. a string where an object belongs) surface as InvalidOperationException from JsonNode.
                var bad = ex is InvalidOperationException or FormatException or System.Text.Json.JsonException or InvalidCastException;
                ctx.Response.Clear();
                await (bad ? RestLi.BadRequest("Malformed request: " + ex.Message) : RestLi.Error(500, "INTERNAL_ERROR", ex.Message)).ExecuteAsync(ctx);
            }
            finally
            {
                sim.LogRequest(ctx, ctx.Items.TryGetValue("sim.clientId", out var c) ? c as string : null, sw.ElapsedMilliseconds);
            }
        });

        OAuthEndpoints.Map(app, sim);
        ApiEndpoints.Map(app, sim);
        SyncEndpoints.Map(app, sim);
        PullEndpoints.Map(app, sim);
        Screens.Map(app, sim, actions);
        Widgets.Map(app, sim, actions);
        Control.Map(app, sim, actions, pushes);
        SoakProbe.Map(app, sim);
        return app;
    }

    /// <summary>The first address the started app listens on (resolves port 0), e.g. "http://127.0.0.1:53412".</summary>
    public static string GetBaseAddress(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses;
        var first = addresses?.FirstOrDefault() ?? app.Urls.FirstOrDefault() ?? "http://localhost:5090";
        return first.Replace("://[::]", "://localhost", StringComparison.Ordinal).Replace("://0.0.0.0", "://localhost", StringComparison.Ordinal).TrimEnd('/');
    }
}
