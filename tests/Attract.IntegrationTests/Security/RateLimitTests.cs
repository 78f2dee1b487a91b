using System.Net;
using Attract.Core.Identity;
using Attract.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using static Attract.IntegrationTests.Integrations.LinkedIn.LinkedInTestData;

namespace Attract.IntegrationTests.Security;

/// <summary>Throttling: 429 with Retry-After for sign-in spraying, per account, pushes per tenant and the LinkedIn JSON posts.</summary>
public sealed class RateLimitTests : IDisposable
{
    private readonly List<IDisposable> _disposables = [];

    public void Dispose() => _disposables.ForEach(d => d.Dispose());

    private AttractFactory Factory(params (string Key, string Value)[] settings)
    {
        var factory = new AttractFactory().WithServices(PeerAddressStartupFilter.Register);
        foreach (var (key, value) in settings)
        {
            factory.WithSetting(key, value);
        }
        _disposables.Add(factory);
        return factory;
    }

    [Fact]
    public async Task SignIn_SprayingManyAccountsFromOneAddress_Returns429WithRetryAfter()
    {
        var factory = Factory(("RateLimits:SignIn:PermitLimit", "5"), ("RateLimits:SignIn:Window", "01:00:00"));
        var client = factory.CreateClient(new() { AllowAutoRedirect = false });
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 6; i++)
        {
            statuses.Add((await SignInAsync(client, "203.0.113.5", $"user{i}@contoso.test")).StatusCode);
        }

        var limited = await SignInAsync(client, "203.0.113.5", "admin@contoso.test", "Passw0rd!");
        var otherAddress = await SignInAsync(client, "203.0.113.6", "admin@contoso.test", "Passw0rd!");

        Assert.Equal(Enumerable.Repeat(HttpStatusCode.OK, 5), statuses.Take(5));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[5]);
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.True(limited.Headers.RetryAfter?.Delta > TimeSpan.Zero, "no Retry-After");
        Assert.Contains("Too many requests", await limited.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, otherAddress.StatusCode);
    }

    [Fact]
    public async Task SignIn_OneAccountFromManyAddresses_Returns429PerAccount()
    {
        var factory = Factory(("RateLimits:SignInPerAccount:PermitLimit", "3"), ("RateLimits:SignInPerAccount:Window", "01:00:00"));
        var client = factory.CreateClient(new() { AllowAutoRedirect = false });
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            statuses.Add((await SignInAsync(client, $"198.51.100.{i + 1}", "nobody@contoso.test")).StatusCode);
        }

        var sameAccountOtherCase = await SignInAsync(client, "198.51.100.50", " NOBODY@contoso.test");
        var otherAccount = await SignInAsync(client, "198.51.100.51", "recruiter@contoso.test", "Passw0rd!");

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(HttpStatusCode.TooManyRequests, sameAccountOtherCase.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, otherAccount.StatusCode);
    }

    [Fact]
    public async Task SignIn_UnknownAccount_RunsThePasswordHasherLikeAWrongPassword()
    {
        var hasher = new CountingPasswordHasher();
        var factory = Factory().WithServices(s => s.AddSingleton<IPasswordHasher<AttractUser>>(hasher));
        var client = factory.CreateClient(new() { AllowAutoRedirect = false });
        await client.GetAsync("/Account/Login");

        var before = hasher.Verifications;
        var unknown = await SignInAsync(client, "192.0.2.1", "no-such-user@contoso.test");
        var afterUnknown = hasher.Verifications;
        var wrong = await SignInAsync(client, "192.0.2.1", "recruiter@contoso.test");
        var afterWrong = hasher.Verifications;

        Assert.Contains("Invalid email or password.", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("Invalid email or password.", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(1, afterUnknown - before);
        Assert.Equal(1, afterWrong - afterUnknown);
    }

    [Fact]
    public async Task PushChallenge_PerTenant_Returns429ProblemWithRetryAfter()
    {
        var factory = Factory(("RateLimits:PushChallenge:PermitLimit", "2"), ("RateLimits:PushChallenge:Window", "01:00:00"));
        await factory.SeedConnectionAsync();
        var client = factory.CreateClient();
        var url = $"/integrations/linkedin/push/{TenantId}?challengeCode={Guid.NewGuid()}";

        var first = await client.GetAsync(url);
        await client.GetAsync(url);
        var third = await client.GetAsync(url);
        var otherTenant = await client.GetAsync($"/integrations/linkedin/push/other-tenant?challengeCode={Guid.NewGuid()}");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, third.StatusCode);
        Assert.Equal("application/problem+json", third.Content.Headers.ContentType?.MediaType);
        Assert.True(third.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.Equal(HttpStatusCode.NotFound, otherTenant.StatusCode);
    }

    [Fact]
    public async Task Push_PerTenant_Returns429()
    {
        var factory = Factory(("RateLimits:Push:PermitLimit", "2"), ("RateLimits:Push:Window", "01:00:00"));
        await factory.SeedConnectionAsync();
        var client = factory.CreateClient();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            statuses.Add((await client.SendAsync(SignedPush(PushBody($"req-rl-{i}", "EXPORT_CANDIDATE_PROFILE")))).StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(2, (await factory.NotificationsAsync()).Count);
    }

    [Fact]
    public async Task LinkedInTabPosts_PerUser_Returns429Problem()
    {
        var factory = Factory(("RateLimits:LinkedInJson:PermitLimit", "2"), ("RateLimits:LinkedInJson:Window", "01:00:00"));
        var client = await factory.SignedInClientAsync("recruiter@contoso.test");
        var token = (await client.GetDocumentAsync("/Candidates/Create")).AntiforgeryToken();

        var statuses = new List<HttpResponseMessage>();
        for (var i = 0; i < 3; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/Candidates/LinkedIn/Link/1?handler=Unlink") { Content = new FormUrlEncodedContent([]) };
            request.Headers.Add("RequestVerificationToken", token);
            statuses.Add(await client.SendAsync(request));
        }

        Assert.NotEqual(HttpStatusCode.TooManyRequests, statuses[0].StatusCode);
        Assert.NotEqual(HttpStatusCode.TooManyRequests, statuses[1].StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[2].StatusCode);
        Assert.Equal("application/problem+json", statuses[2].Content.Headers.ContentType?.MediaType);
    }

    private static async Task<HttpResponseMessage> SignInAsync(HttpClient client, string peer, string email, string password = "wrong-password-123")
    {
        var page = await client.GetDocumentAsync("/Account/Login");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/Account/Login")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Input.Email"] = email,
                ["Input.Password"] = password,
                ["__RequestVerificationToken"] = page.AntiforgeryToken(),
            }),
        };
        request.Headers.Add(PeerAddressStartupFilter.Header, peer);
        return await client.SendAsync(request);
    }
}
