using System.Net;
using LinkedIn.Recruiter.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace LinkedIn.Recruiter.Tests;

public class OAuthClientTests
{
    [Fact]
    public void CreateAuthorizationRequest_WithState_BuildsExactUrlWithS256Challenge()
    {
        using var host = new TestHost();

        var auth = host.OAuth.CreateAuthorizationRequest("child-id", new Uri("https://ats.example/linkedin/callback"), ["r_liteprofile", "openid"], "st-1");

        Assert.Equal("st-1", auth.State);
        Assert.Equal(Pkce.CreateCodeChallenge(auth.CodeVerifier), auth.CodeChallenge);
        Assert.Equal(
            "https://oauth.test/oauth/v2/authorization?response_type=code&client_id=child-id" +
            "&redirect_uri=https%3A%2F%2Fats.example%2Flinkedin%2Fcallback&state=st-1&scope=r_liteprofile%20openid" +
            $"&code_challenge={auth.CodeChallenge}&code_challenge_method=S256",
            auth.Url.AbsoluteUri);
    }

    [Fact]
    public void CreateAuthorizationRequest_NoState_GeneratesFreshStateAndVerifier()
    {
        using var host = new TestHost();
        var redirect = new Uri("https://ats.example/cb");

        var a = host.OAuth.CreateAuthorizationRequest("c", redirect, ["r_liteprofile"]);
        var b = host.OAuth.CreateAuthorizationRequest("c", redirect, ["r_liteprofile"]);

        Assert.NotEqual(a.State, b.State);
        Assert.NotEqual(a.CodeVerifier, b.CodeVerifier);
        Assert.Contains("state=" + a.State, a.Url.Query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExchangeCodeAsync_Code_PostsFormAndMapsToken()
    {
        using var host = new TestHost();
        host.Stub.TokenResponder = _ => StubHttpHandler.Json(HttpStatusCode.OK,
            """{"access_token":"member-at","expires_in":5184000,"refresh_token":"member-rt","refresh_token_expires_in":31536000,"scope":"r_liteprofile"}""");

        var token = await host.OAuth.ExchangeCodeAsync(TestHost.ChildApp, "the code", new Uri("https://ats.example/cb"), "verifier-1");

        var request = Assert.Single(host.Stub.Requests);
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal("https://oauth.test/oauth/v2/accessToken", request.Uri.AbsoluteUri);
        Assert.Equal("application/x-www-form-urlencoded", request.ContentType);
        Assert.Equal(
            "grant_type=authorization_code&code=the%20code&redirect_uri=https%3A%2F%2Fats.example%2Fcb&client_id=child-id&client_secret=child-secret&code_verifier=verifier-1",
            request.Body);
        Assert.Null(request.Header("Authorization"));
        Assert.Equal("member-at", token.AccessToken);
        Assert.Equal("member-rt", token.RefreshToken);
        Assert.Equal("r_liteprofile", token.Scope);
        Assert.True(token.ExpiresAt > DateTimeOffset.UtcNow.AddDays(59));
    }

    [Fact]
    public async Task RefreshTokenAsync_RefreshToken_PostsRefreshGrant()
    {
        using var host = new TestHost();
        host.Stub.TokenResponder = _ => StubHttpHandler.Json(HttpStatusCode.OK, """{"access_token":"at2","expires_in":"5184000","refresh_token":"rt2"}""");

        var token = await host.OAuth.RefreshTokenAsync(TestHost.ChildApp, "rt1");

        Assert.Equal("grant_type=refresh_token&refresh_token=rt1&client_id=child-id&client_secret=child-secret", Assert.Single(host.Stub.Requests).Body);
        Assert.Equal("at2", token.AccessToken);
    }

    [Fact]
    public async Task RequestAppTokenAsync_ClientCredentials_PostsClientCredentialsGrant()
    {
        using var host = new TestHost();

        var token = await host.OAuth.RequestAppTokenAsync(TestHost.ChildApp);

        Assert.Equal("grant_type=client_credentials&client_id=child-id&client_secret=child-secret", Assert.Single(host.Stub.Requests).Body);
        Assert.Equal("tok-1", token.AccessToken);
    }

    [Fact]
    public async Task RequestAppTokenAsync_AccessDenied_ThrowsAuthExceptionWithoutSecret()
    {
        using var host = new TestHost();
        host.Stub.TokenResponder = _ => StubHttpHandler.Json(HttpStatusCode.BadRequest,
            """{"error":"access_denied","error_description":"This application is not allowed to create application tokens"}""");

        var ex = await Assert.ThrowsAsync<LinkedInAuthException>(() => host.OAuth.RequestAppTokenAsync(TestHost.ChildApp));

        Assert.Equal(HttpStatusCode.BadRequest, ex.StatusCode);
        Assert.Equal("access_denied", ex.ErrorCode);
        Assert.Contains("not allowed to create application tokens", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("child-secret", ex.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TokenCache_BeforeAndAfterRefreshMargin_ReusesThenRefreshes()
    {
        var clock = new ManualTimeProvider(new DateTimeOffset(2026, 11, 28, 12, 0, 0, TimeSpan.Zero));
        using var host = new TestHost(o => o.TokenRefreshMargin = TimeSpan.FromMinutes(5), s => s.AddSingleton<TimeProvider>(clock));
        var cache = host.Provider.GetRequiredService<ILinkedInTokenCache>();

        var first = await cache.GetTokenAsync(TestHost.ChildApp);
        clock.Advance(TimeSpan.FromMinutes(24));
        var second = await cache.GetTokenAsync(TestHost.ChildApp);
        clock.Advance(TimeSpan.FromMinutes(1) + TimeSpan.FromSeconds(1));
        var third = await cache.GetTokenAsync(TestHost.ChildApp);

        Assert.Equal("tok-1", first.AccessToken);
        Assert.Equal("tok-1", second.AccessToken);
        Assert.Equal("tok-2", third.AccessToken);
        Assert.Equal(2, host.Stub.TokenRequests.Count);
    }

    [Fact]
    public async Task TokenCache_TwoApps_OneTokenEach()
    {
        using var host = new TestHost();
        var cache = host.Provider.GetRequiredService<ILinkedInTokenCache>();
        var other = new LinkedInAppCredentials("other-id", "other-secret");

        var a = await cache.GetTokenAsync(TestHost.ChildApp);
        var b = await cache.GetTokenAsync(other);
        var a2 = await cache.GetTokenAsync(TestHost.ChildApp);

        Assert.NotEqual(a.AccessToken, b.AccessToken);
        Assert.Equal(a.AccessToken, a2.AccessToken);
        Assert.Equal(2, host.Stub.TokenRequests.Count);
    }

    [Fact]
    public async Task TokenCache_ConcurrentCallers_SingleTokenRequest()
    {
        using var host = new TestHost();
        var cache = host.Provider.GetRequiredService<ILinkedInTokenCache>();

        var tokens = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => cache.GetTokenAsync(TestHost.ChildApp).AsTask()));

        Assert.All(tokens, t => Assert.Equal("tok-1", t.AccessToken));
        Assert.Single(host.Stub.TokenRequests);
    }
}
