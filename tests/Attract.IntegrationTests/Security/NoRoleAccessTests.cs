using System.Net;
using Attract.IntegrationTests.Infrastructure;

namespace Attract.IntegrationTests.Security;

/// <summary>A signed-in user without an Attract role: 403 on every page except their own settings, and sign-out works.</summary>
public sealed class NoRoleAccessTests : IDisposable
{
    private static readonly HashSet<string> PublicPages = ["/Account/Login", "/Account/Logout", "/Error", "/Status"];

    private static readonly HashSet<string> OwnSettings = ["/Settings/Index", "/Settings/LinkedIn/Index", "/Settings/LinkedIn/Callback", "/Settings/Password/Index"];

    private readonly AttractFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task EveryPage_NoRole_Returns403ExceptOwnSettings()
    {
        var client = await _factory.ClientForAsync(SecurityTestData.NoRole);
        var pages = (await PageHandlers.EnumerateAsync(_factory)).Where(h => h.Method == "GET" && !PublicPages.Contains(h.Page)).ToList();
        var jobId = await _factory.CreateJobAsync();
        var failures = new List<string>();

        foreach (var page in pages)
        {
            var url = PageHandlers.Url(page, _ => jobId.ToString());
            var response = await client.GetAsync(url);
            var expected = OwnSettings.Contains(page.Page) ? "not 403" : "403";
            if (OwnSettings.Contains(page.Page) ? response.StatusCode is HttpStatusCode.Forbidden or >= HttpStatusCode.InternalServerError : response.StatusCode != HttpStatusCode.Forbidden)
            {
                failures.Add($"{url} answered {(int)response.StatusCode}, expected {expected}");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.True(pages.Count > 25, $"only {pages.Count} pages enumerated");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Settings/LinkedIn")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Settings")).StatusCode);
        Assert.Contains("Access denied", await (await client.GetAsync("/")).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task PostHandlers_NoRole_Return403AndChangeNothing()
    {
        var client = await _factory.ClientForAsync(SecurityTestData.NoRole);
        var jobId = await _factory.CreateJobAsync();
        var token = (await HtmlForms.ParseAsync(await client.GetAsync("/Settings/LinkedIn"))).AntiforgeryToken();
        var before = _factory.Snapshot("DataProtectionKeys");

        foreach (var url in new[] { $"/Jobs/Details/{jobId}?handler=Close", "/Jobs/Create", "/Candidates/Create", "/Pools", $"/Jobs/Stages/{jobId}?handler=Add" })
        {
            var response = await client.PostAsync(url, new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = token,
                ["Input.Title"] = "Sneaky",
                ["Input.Name"] = "Sneaky",
                ["NewStage"] = "Sneaky",
            }));
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        }

        Assert.Equal(before, _factory.Snapshot("DataProtectionKeys"));
    }

    [Fact]
    public async Task Navigation_NoRole_OffersOnlySettingsAndSignOut()
    {
        var client = await _factory.ClientForAsync(SecurityTestData.NoRole);

        var page = await client.GetDocumentAsync("/Settings/LinkedIn");

        Assert.Null(page.QuerySelector("a.nav-link[href='/Jobs']"));
        Assert.Null(page.QuerySelector("a.nav-link[href='/Candidates']"));
        Assert.Equal("User settings", page.QuerySelector("[data-testid=nav-user-settings]")?.TextContent);
        Assert.NotNull(page.QuerySelector("form[action='/Account/Logout']"));
    }

    [Fact]
    public async Task SignOut_NoRole_EndsTheSession()
    {
        var client = await _factory.ClientForAsync(SecurityTestData.NoRole);

        var response = await client.PostFormAsync("/Settings/LinkedIn", new Dictionary<string, string>(), postUrl: "/Account/Logout");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var after = await client.GetAsync("/Settings/LinkedIn");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("/Account/Login", after.Headers.Location!.AbsolutePath, StringComparison.Ordinal);
    }
}
