using Microsoft.Playwright;

namespace LinkedIn.Simulator.Tests;

/// <summary>Launches Debian's Chromium through Playwright (never downloads a browser) and saves screenshots on failure.</summary>
public static class BrowserSupport
{
    public static string ChromiumPath => Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } p ? p : "/usr/bin/chromium";

    public static async Task<(IPlaywright Pw, IBrowser Browser)> LaunchAsync()
    {
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        var pw = await Playwright.CreateAsync();
        var browser = await pw.Chromium.LaunchAsync(new()
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage"],
        });
        return (pw, browser);
    }

    public static string ResultsDir
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "LinkedIn.Simulator.Tests.csproj")))
            {
                dir = dir.Parent;
            }
            var path = Path.Combine(dir?.FullName ?? AppContext.BaseDirectory, "TestResults");
            Directory.CreateDirectory(path);
            return path;
        }
    }

    /// <summary>Runs <paramref name="body"/>; on failure saves a full-page screenshot of every open page, then rethrows.</summary>
    public static async Task RunAsync(string testName, Func<IBrowserContext, Task> body)
    {
        var (pw, browser) = await LaunchAsync();
        try
        {
            var context = await browser.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 1000 } });
            context.SetDefaultTimeout(30_000);
            Assertions.SetDefaultExpectTimeout(15_000);
            try
            {
                await body(context);
            }
            catch
            {
                var i = 0;
                foreach (var page in context.Pages)
                {
                    try
                    {
                        await page.ScreenshotAsync(new() { Path = Path.Combine(ResultsDir, $"{testName}-{i++}.png"), FullPage = true });
                    }
                    catch (PlaywrightException)
                    {
                    }
                }
                throw;
            }
            finally
            {
                await context.CloseAsync();
            }
        }
        finally
        {
            await browser.CloseAsync();
            pw.Dispose();
        }
    }
}
