using Attract.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Attract.BrowserTests.Account;

[Collection(BrowserCollection.Name)]
public sealed class SignInTests(BrowserFixture browser) : IDisposable
{
    private readonly KestrelAttractFactory _app = new();

    public void Dispose() => _app.Dispose();

    [Theory]
    [InlineData("admin@contoso.test", "Avery Admin", "home-admin")]
    [InlineData("recruiter@contoso.test", "Riley Recruiter", "home-recruiter")]
    [InlineData("hiring.manager@contoso.test", "Harper Manager", "home-hiring-manager")]
    [InlineData("interviewer@contoso.test", "Indigo Interviewer", "home-interviewer")]
    public Task DemoRole_SignsIn_SeesItsHomePage(string email, string name, string homeCard) =>
        browser.RunAsync($"signin-{homeCard}", async page =>
        {
            await page.SignInAsync(_app.BaseUrl, email);

            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"Welcome, {name}" })).ToBeVisibleAsync();
            await Expect(page.GetByTestId(homeCard)).ToBeVisibleAsync();
            await Expect(page.GetByTestId("current-user")).ToHaveTextAsync(name);
            await BrowserFixture.SaveScreenshotAsync(page, $"home-{homeCard}");
        });

    [Fact]
    public Task Anonymous_OpensProtectedPage_LandsOnLoginThenReturns() =>
        browser.RunAsync("anonymous-redirect", async page =>
        {
            await page.GotoAsync(_app.BaseUrl + "/Admin");

            await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/Account/Login\\?ReturnUrl=%2FAdmin"));
            await page.GetByLabel("Email").FillAsync("admin@contoso.test");
            await page.GetByLabel("Password").FillAsync("Passw0rd!");
            await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Admin settings" })).ToBeVisibleAsync();
        });

    [Fact]
    public Task WrongPassword_ShowsClearError_ThenLocksOut() =>
        browser.RunAsync("wrong-password-lockout", async page =>
        {
            for (var i = 1; i <= 5; i++)
            {
                await page.SubmitLoginAsync(_app.BaseUrl, "recruiter@contoso.test", "not-the-password");
                var expected = i < 5 ? "Invalid email or password." : "This account is locked";
                await Expect(page.GetByTestId("login-error")).ToContainTextAsync(expected);
            }

            await page.SubmitLoginAsync(_app.BaseUrl, "recruiter@contoso.test", "Passw0rd!");
            await Expect(page.GetByTestId("login-error")).ToContainTextAsync("This account is locked");
            await BrowserFixture.SaveScreenshotAsync(page, "login-locked-out");
        });

    [Fact]
    public Task WrongRole_OpensAdminSettings_SeesAccessDenied() =>
        browser.RunAsync("wrong-role", async page =>
        {
            await page.SignInAsync(_app.BaseUrl, "interviewer@contoso.test");
            var response = await page.GotoAsync(_app.BaseUrl + "/Admin");

            Assert.Equal(403, response!.Status);
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Access denied" })).ToBeVisibleAsync();
        });
}
