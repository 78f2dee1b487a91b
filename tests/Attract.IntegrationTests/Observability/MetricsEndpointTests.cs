using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Attract.IntegrationTests.Infrastructure;
using Attract.IntegrationTests.Integrations.LinkedIn;
using Attract.Web.Infrastructure;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using static Attract.IntegrationTests.Integrations.LinkedIn.LinkedInTestData;

namespace Attract.IntegrationTests.Observability;

/// <summary>
/// Attract on real loopback sockets: the public address (a dynamic port) and the Prometheus scrape port
/// (<c>Telemetry:Prometheus:Port</c>), both bound by Program's own Kestrel set-up.
/// </summary>
public sealed class MetricsEndpointTests : IDisposable
{
    private readonly int _metricsPort = FreePort();
    private readonly AttractFactory _factory;
    private readonly Uri _public;

    public MetricsEndpointTests()
    {
        _factory = new AttractFactory()
            .WithSetting("urls", "http://127.0.0.1:0")
            .WithSetting("Telemetry:Prometheus:Port", _metricsPort.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .WithSetting("Telemetry:Prometheus:Host", "127.0.0.1");
        _factory.UseKestrel();
        _factory.StartServer();
        var addresses = _factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Select(a => new Uri(a)).ToList();
        Assert.Contains(addresses, a => a.Port == _metricsPort);
        _public = addresses.Single(a => a.Port != _metricsPort);
    }

    public void Dispose() => _factory.Dispose();

    private Uri MetricsUrl(string path = "/metrics") => new($"http://127.0.0.1:{_metricsPort}{path}");

    [Fact]
    public async Task Scrape_AfterPushesAndAnOutboxRow_ReportsAttractAndFrameworkMeters()
    {
        await _factory.SeedConnectionAsync();
        using var client = new HttpClient { BaseAddress = _public };
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(SignedPush(PushBody("req-m1", "EXPORT_CANDIDATE_PROFILE")))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.SendAsync(Push(PushBody("req-m2", "EXPORT_CANDIDATE_PROFILE"), "bad-signature"))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.SendAsync(SignedPush(PushBody("req-m3", "EXPORT_CANDIDATE_PROFILE")).WithPath("/integrations/linkedin/push/no-such-tenant"))).StatusCode);
        await _factory.CreateCandidateAsync("Grace", "Hopper");
        await _factory.Services.GetRequiredService<AttractStateReader>().RefreshAsync();

        using var scraper = new HttpClient();
        var response = await scraper.GetAsync(MetricsUrl());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Equal(1, Value(text, "attract_linkedin_pushes_received_total", "type=\"EXPORT_CANDIDATE_PROFILE\""));
        // A bad signature and an unknown tenant are indistinguishable from outside, and counted under one reason.
        Assert.Equal(2, Value(text, "attract_linkedin_pushes_rejected_total", "reason=\"unverified\""));
        Assert.Equal(1, Value(text, "attract_outbox_backlog", "entity_type=\"Candidate\""));
        Assert.Equal(0, Value(text, "attract_outbox_backlog", "entity_type=\"Application\""));
        Assert.True(Value(text, "attract_outbox_oldest_unsent_age_seconds", "entity_type=\"Candidate\"") >= 0);
        Assert.Equal(0, Value(text, "attract_linkedin_sync_enabled", ""));
        Assert.Equal(100_000, Value(text, "attract_linkedin_quota_daily_request_limit", ""));
        Assert.Contains("http_server_request_duration_seconds_count{", text, StringComparison.Ordinal);
        Assert.Contains("microsoft_entityframeworkcore_queries_total", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Metrics_PublicPortAnonymous_RedirectsToLoginWithoutMetrics()
    {
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = _public };
        // A Host header naming the scrape port must not help: the endpoint is chosen by the connection's local port.
        using var spoofed = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        spoofed.Headers.Host = $"127.0.0.1:{_metricsPort}";

        foreach (var response in new[] { await client.GetAsync("/metrics"), await client.SendAsync(spoofed) })
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/Account/Login", response.Headers.Location!.AbsolutePath, StringComparison.Ordinal);
            Assert.DoesNotContain("attract_", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Metrics_PublicPortSignedInAdmin_Returns404()
    {
        var handler = new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() };
        using var client = new HttpClient(handler) { BaseAddress = _public };
        var login = await client.PostFormAsync("/Account/Login", new Dictionary<string, string>
        {
            ["Input.Email"] = "admin@contoso.test",
            ["Input.Password"] = "Passw0rd!",
        });
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);

        var response = await client.GetAsync("/metrics");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("attract_outbox_backlog", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/Account/Login")]
    [InlineData("/health")]
    public async Task ScrapePort_AnyOtherPath_Returns404(string path)
    {
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });

        var response = await client.GetAsync(MetricsUrl(path));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    /// <summary>The value of the one sample of <paramref name="metric"/> whose labels contain <paramref name="label"/>.</summary>
    private static double Value(string exposition, string metric, string label)
    {
        var samples = exposition.Split('\n')
            .Select(line => Regex.Match(line, @"^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(\{(?<labels>[^}]*)\})? (?<value>\S+)"))
            .Where(m => m.Success && m.Groups["name"].Value == metric && m.Groups["labels"].Value.Contains(label, StringComparison.Ordinal))
            .ToList();
        Assert.True(samples.Count == 1, $"expected one sample of {metric} with {label}, found {samples.Count}:\n{exposition}");
        return double.Parse(samples[0].Groups["value"].Value, System.Globalization.CultureInfo.InvariantCulture);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

internal static class PushRequestExtensions
{
    public static HttpRequestMessage WithPath(this HttpRequestMessage request, string path)
    {
        request.RequestUri = new Uri(path, UriKind.Relative);
        return request;
    }
}
