using System.Globalization;
using System.Reflection;
using Microsoft.AspNetCore.Http.Features;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Attract.Web.Infrastructure;

/// <summary>The <c>Telemetry</c> section: where metrics and traces go. Nothing is exported unless one of them is set.</summary>
public sealed record TelemetryOptions(int? PrometheusPort, string PrometheusHost, string PrometheusPath, Uri? OtlpEndpoint, OtlpExportProtocol OtlpProtocol, string? OtlpHeaders, string ServiceName)
{
    public bool Enabled => PrometheusPort is not null || OtlpEndpoint is not null;

    public static TelemetryOptions From(IConfiguration config)
    {
        var port = config.GetValue<int?>("Telemetry:Prometheus:Port");
        if (port is <= 0 or > 65535)
        {
            throw new InvalidOperationException($"Telemetry:Prometheus:Port must be a TCP port (1-65535), not {port}.");
        }
        var host = config["Telemetry:Prometheus:Host"] is { Length: > 0 } h ? h : "*";
        var path = config["Telemetry:Prometheus:Path"] is { Length: > 0 } p ? "/" + p.TrimStart('/') : "/metrics";
        var endpoint = config["Telemetry:Otlp:Endpoint"] is { Length: > 0 } e ? new Uri(e, UriKind.Absolute) : null;
        var protocol = config["Telemetry:Otlp:Protocol"] switch
        {
            null or "" or "grpc" => OtlpExportProtocol.Grpc,
            "http/protobuf" => OtlpExportProtocol.HttpProtobuf,
            var other => throw new InvalidOperationException($"Telemetry:Otlp:Protocol must be 'grpc' or 'http/protobuf', not '{other}'."),
        };
        var headers = config["Telemetry:Otlp:Headers"] is { Length: > 0 } hs ? hs : null;
        var service = config["Telemetry:ServiceName"] is { Length: > 0 } s ? s : "attract";
        return new(port, host, path, endpoint, protocol, headers, service);
    }
}

/// <summary>
/// OpenTelemetry for Attract: metrics (Attract's own meter, ASP.NET Core, HttpClient, EF Core, the runtime) and traces
/// (ASP.NET Core, HttpClient, EF Core, Attract's background jobs). Metrics are scraped by Prometheus on a separate port
/// (<c>Telemetry:Prometheus:Port</c>) that serves nothing else, and/or pushed with traces over OTLP
/// (<c>Telemetry:Otlp:Endpoint</c>). See docs/operations.md.
/// </summary>
public static class TelemetrySetup
{
    /// <summary>EF Core's own meter (EF 9+): queries, SaveChanges, contexts, optimistic-concurrency failures.</summary>
    public const string EntityFrameworkMeter = "Microsoft.EntityFrameworkCore";

    public static WebApplicationBuilder AddAttractTelemetry(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton<AttractStateReader>();
        builder.Services.AddSingleton<AttractMetrics>();
        var settings = TelemetryOptions.From(builder.Configuration);
        if (!settings.Enabled)
        {
            return builder; // the instruments exist and cost nothing without a listener
        }
        builder.Services.AddHostedService<AttractStateRefresher>();
        if (settings.PrometheusPort is { } port)
        {
            ListenOn(builder, $"http://{settings.PrometheusHost}:{port.ToString(CultureInfo.InvariantCulture)}", port);
        }
        var version = typeof(TelemetrySetup).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        var otel = builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(settings.ServiceName, serviceVersion: version,
                serviceInstanceId: $"{Environment.MachineName}:{Environment.ProcessId.ToString(CultureInfo.InvariantCulture)}"))
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(AttractMetrics.MeterName, EntityFrameworkMeter, "System.Runtime")
                    .AddAspNetCoreInstrumentation()
                    .AddHttpClientInstrumentation();
                if (settings.PrometheusPort is not null)
                {
                    metrics.AddPrometheusExporter();
                }
                if (settings.OtlpEndpoint is { } endpoint)
                {
                    metrics.AddOtlpExporter(o => Otlp(o, settings, endpoint, "v1/metrics"));
                }
            });
        if (settings.OtlpEndpoint is { } traceEndpoint)
        {
            otel.WithTracing(tracing => tracing
                .AddSource(AttractMetrics.ActivitySource.Name)
                .AddAspNetCoreInstrumentation(o => o.Filter = http => http.Connection.LocalPort != settings.PrometheusPort)
                .AddHttpClientInstrumentation()
                .AddEntityFrameworkCoreInstrumentation()
                .AddOtlpExporter(o => Otlp(o, settings, traceEndpoint, "v1/traces")));
        }
        return builder;
    }

    /// <summary>
    /// Creates Attract's instruments and, when <c>Telemetry:Prometheus:Port</c> is set, answers scrapes on that port only,
    /// before any other middleware: the fallback authorization policy and the pages never see it, and on the public
    /// port <c>/metrics</c> is an unknown path like any other (anonymous visitors are sent to the login page).
    /// </summary>
    public static WebApplication UseAttractTelemetry(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.Services.GetRequiredService<AttractMetrics>();
        var settings = TelemetryOptions.From(app.Configuration);
        if (settings.PrometheusPort is { } port)
        {
            // The local port of the connection, not the Host header (RequireHost would trust what the client sends).
            app.MapWhen(http => http.Connection.LocalPort == port, scrape =>
            {
                scrape.Use((http, next) =>
                {
                    if (http.Features.Get<IHttpMetricsTagsFeature>() is { } tags)
                    {
                        tags.MetricsDisabled = true; // scrapes are not Attract's traffic
                    }
                    return next(http);
                });
                scrape.UseOpenTelemetryPrometheusScrapingEndpoint(settings.PrometheusPath);
                scrape.Run(http =>
                {
                    http.Response.StatusCode = StatusCodes.Status404NotFound;
                    return Task.CompletedTask;
                });
            });
        }
        return app;
    }

    /// <summary>
    /// Adds the scrape address to Kestrel's addresses, keeping the configured ones (<c>urls</c>, <c>http_ports</c>, or
    /// Kestrel's default) or, when <c>Kestrel:Endpoints</c> is configured, as one more named endpoint.
    /// </summary>
    private static void ListenOn(WebApplicationBuilder builder, string url, int port)
    {
        var config = builder.Configuration;
        if (config.GetSection("Kestrel:Endpoints").GetChildren().Any())
        {
            if (config.GetSection("Kestrel:Endpoints").GetChildren().Any(e => PortOf(e["Url"]) == port))
            {
                throw new InvalidOperationException($"Telemetry:Prometheus:Port {port} is also one of Kestrel:Endpoints; use a port of its own.");
            }
            config["Kestrel:Endpoints:AttractMetrics:Url"] = url;
            return;
        }
        var urls = builder.WebHost.GetSetting(WebHostDefaults.ServerUrlsKey);
        if (string.IsNullOrWhiteSpace(urls))
        {
            var http = Ports(builder.WebHost.GetSetting(WebHostDefaults.HttpPortsKey)).Select(p => $"http://*:{p}");
            var https = Ports(builder.WebHost.GetSetting(WebHostDefaults.HttpsPortsKey)).Select(p => $"https://*:{p}");
            urls = string.Join(';', http.Concat(https));
        }
        if (string.IsNullOrWhiteSpace(urls))
        {
            urls = "http://localhost:5000"; // Kestrel's own default when nothing is configured
        }
        var addresses = urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (addresses.Any(a => PortOf(a) == port))
        {
            throw new InvalidOperationException($"Telemetry:Prometheus:Port {port} is also a public address ({urls}); use a port of its own.");
        }
        builder.WebHost.UseUrls([.. addresses, url]);
    }

    private static IEnumerable<string> Ports(string? list) => (list ?? "").Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static int? PortOf(string? address)
    {
        if (address is null)
        {
            return null;
        }
        var authority = address.Split("://", 2) is [_, var rest] ? rest : address;
        authority = authority.Split('/')[0];
        var colon = authority.LastIndexOf(':');
        return colon >= 0 && int.TryParse(authority[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var p) ? p : null;
    }

    private static void Otlp(OtlpExporterOptions o, TelemetryOptions settings, Uri endpoint, string signalPath)
    {
        o.Protocol = settings.OtlpProtocol;
        // Over HTTP each signal has its own path under the collector's base address; gRPC takes the address as it is.
        o.Endpoint = settings.OtlpProtocol == OtlpExportProtocol.HttpProtobuf
            ? new Uri(endpoint.AbsoluteUri.TrimEnd('/') + "/" + signalPath)
            : endpoint;
        if (settings.OtlpHeaders is { } headers)
        {
            o.Headers = headers;
        }
    }
}
