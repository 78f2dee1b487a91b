using System.Net;
using Attract.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Attract.IntegrationTests.Security;

public class PageAuthorizationTests : IDisposable
{
    /// <summary>The only pages an anonymous visitor may open.</summary>
    private static readonly HashSet<string> AnonymousPages = ["/Account/Login", "/Account/Logout", "/Error", "/Status/{code:int}"];

    private readonly AttractFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task EveryPage_Anonymous_RedirectsToLogin()
    {
        var client = _factory.CreateClient(new() { AllowAutoRedirect = false });
        var routes = PageRoutes().Where(r => !AnonymousPages.Contains(r)).ToList();
        Assert.NotEmpty(routes);
        foreach (var route in routes)
        {
            var url = route.Replace("{id:int}", "1").Replace("{id}", "1");
            var response = await client.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{url} answered {(int)response.StatusCode} to an anonymous visitor");
            Assert.StartsWith("/Account/Login", response.Headers.Location!.AbsolutePath, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("recruiter@contoso.test")]
    [InlineData("hiring.manager@contoso.test")]
    [InlineData("interviewer@contoso.test")]
    public async Task AdminSettings_NonAdmin_Returns403(string email)
    {
        var client = await _factory.SignedInClientAsync(email);
        var response = await client.GetAsync("/Admin");
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("Access denied", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task AdminSettings_Admin_ListsUsersWithRoles()
    {
        var client = await _factory.SignedInClientAsync("admin@contoso.test");
        var page = await client.GetDocumentAsync("/Admin");
        var rows = page.QuerySelectorAll("[data-testid=users] tbody tr").Select(r => r.TextContent).ToList();
        Assert.Equal(4, rows.Count);
        Assert.Contains(rows, r => r.Contains("interviewer@contoso.test") && r.Contains("Interviewer"));
    }

    [Fact]
    public async Task Logout_Post_EndsTheSession()
    {
        var client = await _factory.SignedInClientAsync("admin@contoso.test");
        var response = await client.PostFormAsync("/", new Dictionary<string, string>(), postUrl: "/Account/Logout");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/")).StatusCode);
    }

    private IEnumerable<string> PageRoutes() =>
        _factory.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<PageActionDescriptor>() is not null)
            .Select(e => "/" + e.RoutePattern.RawText!.TrimStart('/'))
            .Where(r => !r.EndsWith("/Index", StringComparison.Ordinal))
            .Distinct();
}
