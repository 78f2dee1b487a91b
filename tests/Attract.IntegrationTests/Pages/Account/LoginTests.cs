using System.Net;
using Attract.Core.Data;
using Attract.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Attract.IntegrationTests.Pages.Account;

public abstract class LoginTests(DatabaseProvider provider) : IDisposable
{
    private readonly AttractFactory _factory = new(provider);

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task Get_Anonymous_ShowsFormWithAntiforgeryToken()
    {
        var client = _factory.CreateClient();
        var page = await client.GetDocumentAsync("/Account/Login");
        Assert.NotEmpty(page.AntiforgeryToken());
        Assert.NotNull(page.QuerySelector("input[name='Input.Email']"));
    }

    [Fact]
    public async Task Post_ValidCredentials_RedirectsHomeAndSetsCookie()
    {
        var client = await _factory.SignedInClientAsync("recruiter@contoso.test");
        var home = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.Contains("Riley Recruiter", await home.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Post_WrongPassword_ShowsClearErrorAndStaysAnonymous()
    {
        var client = _factory.CreateClient(new() { AllowAutoRedirect = false });
        var response = await client.PostFormAsync("/Account/Login", new Dictionary<string, string>
        {
            ["Input.Email"] = "recruiter@contoso.test",
            ["Input.Password"] = "wrong-password",
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var doc = await HtmlForms.ParseAsync(response);
        Assert.Contains("Invalid email or password.", doc.QuerySelector("[data-testid=login-error]")!.TextContent);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task Post_MissingFields_ShowsValidationMessages()
    {
        var client = _factory.CreateClient();
        var response = await client.PostFormAsync("/Account/Login", new Dictionary<string, string>
        {
            ["Input.Email"] = "not-an-email",
            ["Input.Password"] = "",
        });
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("The Email field is not a valid e-mail address.", html);
        Assert.Contains("The Password field is required.", html);
    }

    [Fact]
    public async Task Post_RepeatedFailures_LocksOutEvenWithCorrectPassword()
    {
        var client = _factory.CreateClient();
        for (var i = 0; i < 5; i++)
        {
            await client.PostFormAsync("/Account/Login", new Dictionary<string, string>
            {
                ["Input.Email"] = "interviewer@contoso.test",
                ["Input.Password"] = "wrong-" + i,
            });
        }
        var response = await client.PostFormAsync("/Account/Login", new Dictionary<string, string>
        {
            ["Input.Email"] = "interviewer@contoso.test",
            ["Input.Password"] = "Passw0rd!",
        });
        Assert.Contains("This account is locked", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Post_WithoutAntiforgeryToken_Returns400AndWritesNothing()
    {
        var client = _factory.CreateClient(new() { AllowAutoRedirect = false });
        var before = await AccessFailedCount("recruiter@contoso.test");
        var response = await client.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = "recruiter@contoso.test",
            ["Input.Password"] = "wrong-password",
        }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(before, await AccessFailedCount("recruiter@contoso.test"));
        Assert.False(response.Headers.Contains("Set-Cookie") && response.Headers.GetValues("Set-Cookie").Any(c => c.StartsWith("Attract.Auth", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Post_OpenRedirectReturnUrl_IsIgnored()
    {
        var client = _factory.CreateClient(new() { AllowAutoRedirect = false });
        var response = await client.PostFormAsync("/Account/Login?returnUrl=https%3A%2F%2Fevil.example", new Dictionary<string, string>
        {
            ["Input.Email"] = "admin@contoso.test",
            ["Input.Password"] = "Passw0rd!",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }

    private async Task<int> AccessFailedCount(string email)
    {
        using var scope = _factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AttractDbContext>();
        return await db.Users.Where(u => u.Email == email).Select(u => u.AccessFailedCount).SingleAsync();
    }
}

public sealed class LoginSqliteTests() : LoginTests(DatabaseProvider.Sqlite);

public sealed class LoginPostgreSqlTests() : LoginTests(DatabaseProvider.PostgreSql);
