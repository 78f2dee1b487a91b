using System.Net;
using Attract.IntegrationTests.Infrastructure;
using Attract.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
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

    /// <summary>
    /// Every page whose policy names roles answers 403 to each demo role outside them, before any handler runs (so the
    /// row id does not matter). The policies are read from the endpoints, so a new page is covered without editing this test.
    /// </summary>
    [Fact]
    public async Task EveryPage_RoleOutsideItsPolicy_Returns403()
    {
        var provider = _factory.Services.GetRequiredService<IAuthorizationPolicyProvider>();
        var denied = new List<(string Route, string Email)>();
        foreach (var endpoint in PageEndpoints().Where(e => !AnonymousPages.Contains(Route(e))))
        {
            var policy = await AuthorizationPolicy.CombineAsync(provider, endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>());
            var allowed = policy?.Requirements.OfType<RolesAuthorizationRequirement>().Select(r => r.AllowedRoles.ToHashSet()).ToList() ?? [];
            if (allowed.Count == 0)
            {
                continue;
            }
            foreach (var (email, _, role) in DemoSeeder.DemoUsers)
            {
                if (!allowed.All(roles => roles.Contains(role)))
                {
                    denied.Add((Route(endpoint), email));
                }
            }
        }
        Assert.Contains(denied, d => d.Route == "/Admin/LinkedIn/Pulls" && d.Email == "hiring.manager@contoso.test");
        Assert.Contains(denied, d => d.Route.StartsWith("/Prospects", StringComparison.Ordinal) && d.Email == "interviewer@contoso.test");
        foreach (var group in denied.GroupBy(d => d.Email))
        {
            var client = await _factory.SignedInClientAsync(group.Key);
            foreach (var (route, email) in group)
            {
                var url = route.Replace("{id:int}", "1").Replace("{id}", "1");
                var response = await client.GetAsync(url);
                Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{url} answered {(int)response.StatusCode} to {email}");
            }
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

    private IEnumerable<RouteEndpoint> PageEndpoints() =>
        _factory.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<PageActionDescriptor>() is not null)
            .Where(e => !Route(e).EndsWith("/Index", StringComparison.Ordinal))
            .DistinctBy(Route);

    private static string Route(RouteEndpoint endpoint) => "/" + endpoint.RoutePattern.RawText!.TrimStart('/');

    private IEnumerable<string> PageRoutes() => PageEndpoints().Select(Route);
}
