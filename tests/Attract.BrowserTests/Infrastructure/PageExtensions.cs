using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Attract.BrowserTests.Infrastructure;

public static class PageExtensions
{
    /// <summary>Signs in and waits until the signed-in page has rendered, so the next navigation cannot cancel the login POST.</summary>
    public static async Task SignInAsync(this IPage page, string baseUrl, string email, string password = "Passw0rd!")
    {
        await page.SubmitLoginAsync(baseUrl, email, password);
        await Expect(page.GetByTestId("current-user")).ToBeVisibleAsync();
    }

    /// <summary>Fills and submits the login form without expecting it to succeed.</summary>
    public static async Task SubmitLoginAsync(this IPage page, string baseUrl, string email, string password)
    {
        await page.GotoAsync(baseUrl + "/Account/Login");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
    }
}
