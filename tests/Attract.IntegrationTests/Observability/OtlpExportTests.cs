using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Attract.IntegrationTests.Infrastructure;
using Attract.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Attract.IntegrationTests.Observability;

/// <summary>
/// <c>Telemetry:Otlp:Endpoint</c> switches the OTLP exporter on: a stand-in collector on a loopback port receives
/// Attract's traces and metrics (flushed on demand, so nothing waits on the export interval).
/// </summary>
public sealed class OtlpExportTests : IAsyncLifetime
{
    private readonly ConcurrentQueue<(string Path, byte[] Body)> _received = new();
    private WebApplication? _collector;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _collector = builder.Build();
        _collector.MapPost("/v1/{signal}", async (HttpContext http) =>
        {
            using var body = new MemoryStream();
            await http.Request.Body.CopyToAsync(body);
            _received.Enqueue((http.Request.Path, body.ToArray()));
            return Results.Ok();
        });
        await _collector.StartAsync();
    }

    public async Task DisposeAsync()
    {
        if (_collector is not null)
        {
            await _collector.DisposeAsync();
        }
    }

    private string CollectorUrl => _collector!.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

    [Fact]
    public async Task Otlp_EndpointConfigured_ExportsRequestSpansAndAttractMetrics()
    {
        using var factory = new AttractFactory()
            .WithSetting("Telemetry:Otlp:Endpoint", CollectorUrl)
            .WithSetting("Telemetry:Otlp:Protocol", "http/protobuf");
        var client = factory.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);
        await factory.Services.GetRequiredService<Attract.Web.Infrastructure.AttractStateReader>().RefreshAsync(); // the gauges' snapshot

        // The server ends a request's span after the response has reached the client, so under load the first flush can
        // come before the span exists: flush until the collector has it.
        var tracer = factory.Services.GetRequiredService<TracerProvider>();
        var traces = await Eventually.MatchAsync(() =>
        {
            Assert.True(tracer.ForceFlush(30_000));
            return Task.FromResult(_received.Where(r => r.Path == "/v1/traces").Select(r => Encoding.UTF8.GetString(r.Body)).ToList());
        }, t => t.Exists(x => x.Contains("GET /health", StringComparison.Ordinal)), "the span of GET /health at the collector");
        Assert.True(factory.Services.GetRequiredService<MeterProvider>().ForceFlush(30_000));

        Assert.Contains(traces, t => t.Contains("attract", StringComparison.Ordinal)); // service.name
        var metrics = _received.Where(r => r.Path == "/v1/metrics").Select(r => Encoding.UTF8.GetString(r.Body)).ToList();
        Assert.Contains(metrics, m => m.Contains("attract.outbox.backlog", StringComparison.Ordinal));
    }

    [Fact]
    public void Otlp_NotConfigured_RegistersNoExporter()
    {
        using var factory = new AttractFactory();
        factory.CreateClient().Dispose();

        Assert.Null(factory.Services.GetService<TracerProvider>());
        Assert.Null(factory.Services.GetService<MeterProvider>());
    }
}
