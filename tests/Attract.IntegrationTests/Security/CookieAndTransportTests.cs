using System.Net;
using Attract.Core.Identity;
using Attract.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Attract.IntegrationTests.Security;

/// <summary>Cookie flags, HTTPS redirection and HSTS, forwarded headers from known proxies only, and session lifetimes.</summary>
public sealed class CookieAndTransportTests : IDisposable
{
    private const string Password = "a long enough passphrase for tests";
    private readonly List<IDisposable> _disposables = [];

    public void Dispose() => _disposables.ForEach(d => d.Dispose());

    private T Track<T>(T disposable)
        where T : IDisposable
    {
        _disposables.Add(disposable);
        return disposable;
    }

    [Fact]
    public async Task Cookies_OverHttps_AreSecureHttpOnlyAndSameSite()
    {
        var factory = Track(new AttractFactory().WithSetting("LinkedIn:Recruiter:ParentClientId", "partner-client").WithSetting("LinkedIn:Recruiter:ParentClientSecret", "partner-secret"));
        var client = factory.Client("https://localhost");

        var login = await client.GetAsync("/Account/Login");
        var antiforgery = login.SetCookie("Attract.Antiforgery");
        var signIn = await client.PostFormAsync("/Account/Login", new Dictionary<string, string> { ["Input.Email"] = "admin@contoso.test", ["Input.Password"] = "Passw0rd!" });
        var auth = signIn.SetCookie("Attract.Auth=");
        var connect = await client.PostFormAsync("/Admin/LinkedIn", new Dictionary<string, string>(), postUrl: "/Admin/LinkedIn?handler=Connect");
        var oauthState = connect.SetCookie(".Attract.LinkedIn.");

        Assert.Equal(HttpStatusCode.Redirect, connect.StatusCode);
        AssertFlags(antiforgery, "strict");
        AssertFlags(auth, "lax");
        AssertFlags(oauthState, "lax");
    }

    [Fact]
    public async Task Cookies_InProductionEvenOverHttp_AreSecure()
    {
        var factory = Track(new ProductionFactory());
        factory.Settings["Security:HttpsRedirection"] = "false";

        var login = await factory.Client("http://" + ProductionFactory.Host).GetAsync("/Account/Login");

        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        AssertFlags(login.SetCookie("Attract.Antiforgery"), "strict");
    }

    [Fact]
    public async Task Cookies_InProduction_AuthAndOAuthStateAreSecure()
    {
        var factory = Track(new ProductionFactory());
        factory.Settings["LinkedIn:Recruiter:ParentClientId"] = "partner-client";
        factory.Settings["LinkedIn:Recruiter:ParentClientSecret"] = "partner-secret";
        await factory.CreateUserAsync("admin@prod.test", Password, Roles.Admin);
        var client = factory.CreateClient();

        var signIn = await client.PostFormAsync("/Account/Login", new Dictionary<string, string> { ["Input.Email"] = "admin@prod.test", ["Input.Password"] = Password });
        var connect = await client.PostFormAsync("/Admin/LinkedIn", new Dictionary<string, string>(), postUrl: "/Admin/LinkedIn?handler=Connect");

        AssertFlags(signIn.SetCookie("Attract.Auth="), "lax");
        AssertFlags(connect.SetCookie(".Attract.LinkedIn."), "lax");
    }

    [Fact]
    public async Task Production_PlainHttp_RedirectsToHttpsAndHttpsGetsHsts()
    {
        var factory = Track(new ProductionFactory());

        var http = await factory.Client("http://" + ProductionFactory.Host).GetAsync("/Account/Login");
        var https = await factory.CreateClient().GetAsync("/Account/Login");

        Assert.Equal(HttpStatusCode.TemporaryRedirect, http.StatusCode);
        Assert.Equal($"https://{ProductionFactory.Host}/Account/Login", http.Headers.Location!.ToString());
        Assert.Equal(HttpStatusCode.OK, https.StatusCode);
        Assert.StartsWith("max-age=31536000", string.Join(",", https.Headers.GetValues("Strict-Transport-Security")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Testing_PlainHttp_IsServedWithoutRedirect()
    {
        var factory = Track(new AttractFactory());

        var response = await factory.Client().GetAsync("/Account/Login");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
    }

    [Theory]
    [InlineData("10.0.0.7", HttpStatusCode.OK)]
    [InlineData("203.0.113.9", HttpStatusCode.TemporaryRedirect)]
    public async Task ForwardedProto_TrustedOnlyFromConfiguredProxies(string peer, HttpStatusCode expected)
    {
        var factory = Track(new ProductionFactory());
        factory.Settings["ForwardedHeaders:KnownProxies:0"] = "10.0.0.7";
        factory.WithServices(PeerAddressStartupFilter.Register);
        var client = factory.Client("http://" + ProductionFactory.Host);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/Account/Login");
        request.Headers.Add(PeerAddressStartupFilter.Header, peer);
        request.Headers.Add("X-Forwarded-Proto", "https");
        request.Headers.Add("X-Forwarded-For", "198.51.100.1");

        var response = await client.SendAsync(request);

        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task ForwardedProto_NoProxyConfigured_IsIgnored()
    {
        var factory = Track(new ProductionFactory());
        factory.WithServices(PeerAddressStartupFilter.Register);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/Account/Login");
        request.Headers.Add(PeerAddressStartupFilter.Header, "127.0.0.1");
        request.Headers.Add("X-Forwarded-Proto", "https");

        var response = await factory.Client("http://" + ProductionFactory.Host).SendAsync(request);

        Assert.Equal(HttpStatusCode.TemporaryRedirect, response.StatusCode);
    }

    [Fact]
    public async Task Session_ActiveUse_EndsAtTheAbsoluteLifetime()
    {
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        var factory = Track(new AttractFactory()
            .WithSetting("Auth:Session:IdleTimeout", "00:30:00")
            .WithSetting("Auth:Session:AbsoluteLifetime", "12:00:00")
            .WithServices(s => s.AddSingleton<TimeProvider>(clock)));
        var client = await factory.SignedInClientAsync("recruiter@contoso.test");
        var statuses = new List<(TimeSpan At, HttpStatusCode Status)>();
        var elapsed = TimeSpan.Zero;
        while (elapsed < TimeSpan.FromHours(11.5))
        {
            clock.Advance(TimeSpan.FromMinutes(20));
            elapsed += TimeSpan.FromMinutes(20);
            statuses.Add((elapsed, (await client.GetAsync("/Jobs")).StatusCode));
        }
        clock.Advance(TimeSpan.FromMinutes(40));

        var afterTwelveHours = await client.GetAsync("/Jobs");

        Assert.All(statuses, s => Assert.True(s.Status == HttpStatusCode.OK, $"signed out after {s.At} of activity"));
        Assert.Equal(HttpStatusCode.Redirect, afterTwelveHours.StatusCode);
        Assert.StartsWith("/Account/Login", afterTwelveHours.Headers.Location!.AbsolutePath, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Session_Idle_EndsAtTheIdleTimeout()
    {
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        var factory = Track(new AttractFactory()
            .WithSetting("Auth:Session:IdleTimeout", "00:30:00")
            .WithServices(s => s.AddSingleton<TimeProvider>(clock)));
        var client = await factory.SignedInClientAsync("recruiter@contoso.test");
        clock.Advance(TimeSpan.FromMinutes(10));
        var active = await client.GetAsync("/Jobs");
        clock.Advance(TimeSpan.FromMinutes(31));

        var idle = await client.GetAsync("/Jobs");

        Assert.Equal(HttpStatusCode.OK, active.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, idle.StatusCode);
    }

    private static void AssertFlags(string setCookie, string sameSite)
    {
        Assert.Contains("; secure", setCookie, StringComparison.Ordinal);
        Assert.Contains("; httponly", setCookie, StringComparison.Ordinal);
        Assert.Contains("; samesite=" + sameSite, setCookie, StringComparison.Ordinal);
    }
}
