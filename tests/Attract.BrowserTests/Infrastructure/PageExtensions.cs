using Microsoft.Playwright;

namespace Attract.BrowserTests.Infrastructure;

public static class PageExtensions
{
    public static async Task SignInAsync(this IPage page, string baseUrl, string email, string password = "Passw0rd!")
    {
        await page.GotoAsync(baseUrl + "/Account/Login");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
    }
}
