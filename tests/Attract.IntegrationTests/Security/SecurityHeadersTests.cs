using AngleSharp.Html.Parser;
using Attract.IntegrationTests.Infrastructure;
using Attract.IntegrationTests.Integrations.LinkedIn;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Attract.IntegrationTests.Security;

/// <summary>Every response carries the security headers; inline scripts carry the response's CSP nonce.</summary>
public sealed class SecurityHeadersTests(ITestOutputHelper output) : IDisposable
{
    private readonly AttractFactory _factory = new AttractFactory()
        .WithSetting("LinkedIn:Recruiter:ParentClientId", "partner-client")
        .WithSetting("LinkedIn:Recruiter:ParentClientSecret", "partner-secret")
        .WithSetting("LinkedIn:Recruiter:PlatformBaseUrl", "https://platform.linkedin.example");

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task EveryPage_AsAdmin_HasSecurityHeadersAndNoncedInlineScripts()
    {
        await _factory.SeedConnectionAsync();
        var client = await _factory.SignedInClientAsync("admin@contoso.test");
        var routes = PageRoutes().ToList();
        var inlineScripts = 0;
        foreach (var route in routes)
        {
            var url = route.Replace("{id:int}", "1").Replace("{id}", "1").Replace("{code:int}", "404");
            using var response = await client.GetAsync(url);
            AssertSecurityHeaders(response, url);
            var nonce = Nonce(response);
            var document = await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStringAsync());
            foreach (var script in document.QuerySelectorAll("script:not([src])").Where(s => s.GetAttribute("type") is null or "" or "text/javascript" or "module"))
            {
                inlineScripts++;
                Assert.True(script.GetAttribute("nonce") == nonce, $"{url} has an inline script without the response's nonce");
            }
            Assert.Empty(document.QuerySelectorAll("[style]").Select(e => $"{url}: {e.OuterHtml[..Math.Min(80, e.OuterHtml.Length)]}"));
        }
        output.WriteLine($"{routes.Count} pages checked for security headers; {inlineScripts} inline scripts carried the nonce");
        Assert.True(routes.Count >= 25, $"only {routes.Count} page routes found");
        Assert.True(inlineScripts >= 1, "the LinkedIn admin page's inline script was not seen");
    }

    [Theory]
    [InlineData("/Account/Login")]
    [InlineData("/health")]
    [InlineData("/css/site.css")]
    [InlineData("/no-such-page")]
    [InlineData("/integrations/linkedin/push/unknown?challengeCode=x")]
    [InlineData("/Jobs")]
    public async Task AnonymousResponses_HaveSecurityHeaders(string url)
    {
        using var response = await _factory.CreateClient(new() { AllowAutoRedirect = false }).GetAsync(url);

        AssertSecurityHeaders(response, url);
    }

    [Fact]
    public async Task ContentSecurityPolicy_AllowsLinkedInPlatformOnlyForScriptsAndFrames()
    {
        using var response = await _factory.CreateClient().GetAsync("/Account/Login");
        var csp = Directives(response);

        Assert.Equal("'self'", csp["default-src"]);
        var scriptSources = csp["script-src"].Split(' ');
        Assert.Equal(3, scriptSources.Length);
        Assert.Contains("'self'", scriptSources);
        Assert.Contains("https://platform.linkedin.example", scriptSources);
        Assert.Single(scriptSources, s => System.Text.RegularExpressions.Regex.IsMatch(s, "^'nonce-[A-Za-z0-9+/=]+'$"));
        Assert.Contains("https://platform.linkedin.example", csp["frame-src"], StringComparison.Ordinal);
        Assert.Equal("'self'", csp["style-src"]);
        Assert.Equal("'self'", csp["connect-src"]);
        Assert.Equal("'none'", csp["frame-ancestors"]);
        Assert.Equal("'none'", csp["object-src"]);
        Assert.StartsWith("'self'", csp["form-action"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Nonce_IsNewForEveryResponse()
    {
        var client = _factory.CreateClient();

        using var first = await client.GetAsync("/Account/Login");
        using var second = await client.GetAsync("/Account/Login");

        Assert.NotEqual(Nonce(first), Nonce(second));
    }

    private static void AssertSecurityHeaders(HttpResponseMessage response, string url)
    {
        string Header(string name) =>
            response.Headers.TryGetValues(name, out var v) ? string.Join(",", v)
            : response.Content.Headers.TryGetValues(name, out var c) ? string.Join(",", c)
            : throw new Xunit.Sdk.XunitException($"{url} ({(int)response.StatusCode}) has no {name} header");
        Assert.Equal("nosniff", Header("X-Content-Type-Options"));
        Assert.Equal("strict-origin-when-cross-origin", Header("Referrer-Policy"));
        Assert.Equal("DENY", Header("X-Frame-Options"));
        var csp = Header("Content-Security-Policy");
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("default-src 'self'", csp, StringComparison.Ordinal);
        Assert.False(response.Headers.Contains("Server"), $"{url} names its server");
    }

    private static Dictionary<string, string> Directives(HttpResponseMessage response) =>
        string.Join(",", response.Headers.GetValues("Content-Security-Policy"))
            .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(d => d.Split(' ', 2))
            .ToDictionary(p => p[0], p => p.Length > 1 ? p[1] : "");

    private static string Nonce(HttpResponseMessage response) =>
        System.Text.RegularExpressions.Regex.Match(string.Join(",", response.Headers.GetValues("Content-Security-Policy")), "'nonce-([^']+)'").Groups[1].Value;

    private IEnumerable<string> PageRoutes() =>
        _factory.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<PageActionDescriptor>() is not null)
            .Select(e => "/" + e.RoutePattern.RawText!.TrimStart('/'))
            .Where(r => !r.EndsWith("/Index", StringComparison.Ordinal))
            .Distinct();
}
