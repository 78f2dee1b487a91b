using LinkedIn.Simulator;
using Microsoft.AspNetCore.Builder;

namespace Attract.Testing;

/// <summary>
/// A real LinkedIn simulator for tests: started on 127.0.0.1:0 with its own temp SQLite file, fast push retries, and a raw
/// <see cref="Http"/> client (no redirects, no cookies). The simulator tests and the contract tests both host it through this class
/// (linked from <c>tests/Shared</c>).
/// </summary>
public sealed class SimulatorTestHost : IAsyncDisposable
{
    private readonly string _dir;

    private SimulatorTestHost(SimulatorOptions options, string dir)
    {
        Options = options;
        _dir = dir;
    }

    public SimulatorOptions Options { get; }

    public WebApplication App { get; private set; } = null!;

    public string BaseAddress { get; private set; } = "";

    /// <summary>Raw HTTP to the simulator (no redirects followed, no cookies kept).</summary>
    public HttpClient Http { get; private set; } = null!;

    /// <summary>Starts a simulator; <paramref name="configure"/> adjusts the options (after the test defaults).</summary>
    public static async Task<SimulatorTestHost> StartAsync(Action<SimulatorOptions>? configure = null, string? databasePath = null)
    {
        var dir = Path.Combine(Path.GetTempPath(), "li-sim-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        var options = new SimulatorOptions
        {
            Urls = "http://127.0.0.1:0",
            DatabasePath = databasePath ?? Path.Combine(dir, "sim.db"),
            ConsoleLogging = false,
            PushRetryBaseDelay = TimeSpan.FromMilliseconds(50),
            PushTimeout = TimeSpan.FromSeconds(5),
        };
        configure?.Invoke(options);
        var host = new SimulatorTestHost(options, dir);
        await host.StartAppAsync();
        return host;
    }

    private async Task StartAppAsync()
    {
        App = SimulatorApp.Build(Options);
        await App.StartAsync();
        BaseAddress = SimulatorApp.GetBaseAddress(App);
        Http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false, UseProxy = false }) { BaseAddress = new Uri(BaseAddress) };
    }

    /// <summary>Stops and starts the same simulator (same SQLite file, new port).</summary>
    public async Task RestartAsync()
    {
        Http.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
        await StartAppAsync();
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
        try
        {
            Directory.Delete(_dir, true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
