using System.Net;
using Attract.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Attract.BrowserTests.Infrastructure;

/// <summary>Attract on a real loopback port, with its own SQLite file and the demo accounts seeded.</summary>
public sealed class KestrelAttractFactory : AttractHostFactory
{
    public KestrelAttractFactory()
        : base("attract-browser") => UseKestrel(o => o.Listen(IPAddress.Loopback, 0));

    public string BaseUrl
    {
        get
        {
            StartServer();
            return Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseStaticWebAssets();
    }
}

/// <summary>One headless Debian Chromium per test class; never downloads a browser.</summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public static string ChromiumPath => Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } p ? p : "/usr/bin/chromium";

    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--disable-dev-shm-usage"],
        });
    }

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright?.Dispose();
    }

    /// <summary>Runs <paramref name="test"/> in a fresh browser context; on failure saves a screenshot under TestResults/.</summary>
    public async Task RunAsync(string name, Func<IPage, Task> test)
    {
        await using var context = await Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 } });
        var page = await context.NewPageAsync();
        // Generous waits for a loaded 2-core CI machine: they only delay a failure, never a passing test.
        page.SetDefaultTimeout(30_000);
        Assertions.SetDefaultExpectTimeout(15_000);
        try
        {
            await test(page);
        }
        catch
        {
            await SaveScreenshotAsync(page, name + "-failure");
            throw;
        }
    }

    public static async Task<string> SaveScreenshotAsync(IPage page, string name)
    {
        var dir = Path.Combine(TestResultsDirectory(), "screenshots");
        Directory.CreateDirectory(dir);
        var path = Path.Combine(dir, name + ".png");
        await page.ScreenshotAsync(new() { Path = path, FullPage = true });
        return path;
    }

    private static string TestResultsDirectory()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Attract.sln")))
        {
            dir = dir.Parent;
        }
        return Path.Combine(dir?.FullName ?? AppContext.BaseDirectory, "TestResults");
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
