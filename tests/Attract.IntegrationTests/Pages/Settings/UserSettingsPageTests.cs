using System.Net;
using Attract.IntegrationTests.Infrastructure;
using Attract.IntegrationTests.Security;
using Microsoft.EntityFrameworkCore;

namespace Attract.IntegrationTests.Pages.Settings;

/// <summary>User settings (/Settings): every signed-in user's own profile, password link and LinkedIn connection.</summary>
public sealed class UserSettingsPageTests : IDisposable
{
    private readonly AttractFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task Get_Anonymous_RedirectsToLogin()
    {
        var client = _factory.CreateClient(new() { AllowAutoRedirect = false });

        var response = await client.GetAsync("/Settings");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/Login", response.Headers.Location!.AbsolutePath, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_NoRole_ShowsProfilePasswordNotificationsAndLinkedIn()
    {
        var client = await _factory.ClientForAsync(SecurityTestData.NoRole);

        var page = await client.GetDocumentAsync("/Settings");

        Assert.Equal("Nora Norole", page.QuerySelector("input[name='Input.DisplayName']")!.GetAttribute("value"));
        Assert.Equal(SecurityTestData.NoRole, page.QuerySelector("[data-testid=profile-email]")!.GetAttribute("value"));
        Assert.Equal("/Settings/Password", page.QuerySelector("[data-testid=change-password]")!.GetAttribute("href"));
        Assert.NotNull(page.QuerySelector("[data-testid=settings-notifications]"));
        Assert.NotNull(page.QuerySelector("[data-testid=settings-linkedin]"));
        Assert.Equal("User settings", page.QuerySelector("[data-testid=nav-user-settings]")!.TextContent);
    }

    public static readonly TheoryData<string, string> InvalidNames = new()
    {
        { "", "Enter your name." },
        { "   ", "Enter your name." },
        { new string('x', 101), "Your name can be at most 100 characters." },
    };

    [Theory]
    [MemberData(nameof(InvalidNames))]
    public async Task PostProfile_InvalidName_ShowsTheMessageAndKeepsTheName(string name, string message)
    {
        var client = await _factory.SignedInClientAsync("recruiter@contoso.test");
        var before = await DisplayNameAsync("recruiter@contoso.test");

        var response = await client.PostFormAsync("/Settings", new Dictionary<string, string> { ["Input.DisplayName"] = name }, "/Settings?handler=Profile");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await HtmlForms.ParseAsync(response);
        Assert.Equal(message, page.QuerySelector("[data-testid=name-error]")!.TextContent.Trim());
        Assert.Equal(before, await DisplayNameAsync("recruiter@contoso.test"));
    }

    [Fact]
    public async Task PostProfile_ValidName_SavesRedirectsAndShowsItInTheTopBar()
    {
        var client = await _factory.SignedInClientAsync("interviewer@contoso.test");

        var response = await client.PostFormAsync("/Settings", new Dictionary<string, string> { ["Input.DisplayName"] = "  Ivy Interviewer-Lee  " }, "/Settings?handler=Profile");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/Settings", response.Headers.Location!.OriginalString);
        Assert.Equal("Ivy Interviewer-Lee", await DisplayNameAsync("interviewer@contoso.test"));
        var page = await client.GetDocumentAsync("/Settings");
        Assert.Equal("Your profile has been saved.", page.QuerySelector("[data-testid=status-message]")!.TextContent);
        Assert.Equal("Ivy Interviewer-Lee", page.QuerySelector("[data-testid=current-user]")!.TextContent);
    }

    [Fact]
    public async Task PostProfile_WithoutAntiforgeryToken_Returns400AndChangesNothing()
    {
        var client = await _factory.SignedInClientAsync("recruiter@contoso.test");
        var before = await DisplayNameAsync("recruiter@contoso.test");

        var response = await client.PostAsync("/Settings?handler=Profile", new FormUrlEncodedContent(new Dictionary<string, string> { ["Input.DisplayName"] = "Mallory" }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(before, await DisplayNameAsync("recruiter@contoso.test"));
    }

    private Task<string> DisplayNameAsync(string email) =>
        _factory.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.DisplayName).SingleAsync());
}
