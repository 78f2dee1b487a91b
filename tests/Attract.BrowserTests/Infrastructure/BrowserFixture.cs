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

    /// <summary>
    /// Runs <paramref name="test"/> in a fresh browser context; on failure saves a screenshot under TestResults/. Any
    /// Content-Security-Policy violation in any frame fails the test (see <see cref="CspViolations"/>).
    /// </summary>
    public Task RunAsync(string name, Func<IPage, Task> test) => RunAsync(name, (page, _) => test(page), allowCspViolations: false);

    /// <summary>As above, handing the test the CSP violations it can read; with <paramref name="allowCspViolations"/> they do not fail it.</summary>
    public async Task RunAsync(string name, Func<IPage, CspViolations, Task> test, bool allowCspViolations)
    {
        await using var context = await Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 } });
        var violations = await CspViolations.WatchAsync(context);
        var page = await context.NewPageAsync();
        page.Console += (_, message) => violations.Record(message);
        // Generous waits for a loaded 2-core CI machine: they only delay a failure, never a passing test.
        page.SetDefaultTimeout(30_000);
        Assertions.SetDefaultExpectTimeout(15_000);
        try
        {
            await test(page, violations);
            if (!allowCspViolations && violations.Seen.Count > 0)
            {
                throw new Xunit.Sdk.XunitException("Content-Security-Policy violations:" + Environment.NewLine + string.Join(Environment.NewLine, violations.Seen));
            }
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

/// <summary>
/// Collects Content-Security-Policy violations from every frame of a context: a <c>securitypolicyviolation</c> listener
/// (installed before any page script) reports each one on the console, and Chromium's own "Refused to …" console errors count too.
/// </summary>
public sealed class CspViolations
{
    public const string Prefix = "CSP violation:";

    private const string Listener = """
        document.addEventListener('securitypolicyviolation', function (e) {
          console.error('CSP violation: ' + e.effectiveDirective + ' blocked ' + (e.blockedURI || 'inline') + ' in ' + e.documentURI);
        });
        """;

    private readonly List<string> _seen = [];

    public IReadOnlyList<string> Seen
    {
        get
        {
            lock (_seen)
            {
                return [.. _seen];
            }
        }
    }

    public static async Task<CspViolations> WatchAsync(IBrowserContext context)
    {
        await context.AddInitScriptAsync(Listener);
        return new CspViolations();
    }

    public void Record(IConsoleMessage message)
    {
        if (message.Text.StartsWith(Prefix, StringComparison.Ordinal) || message.Text.Contains("Content Security Policy", StringComparison.Ordinal))
        {
            lock (_seen)
            {
                _seen.Add(message.Text);
            }
        }
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
