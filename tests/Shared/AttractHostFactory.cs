using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Attract.Testing;

/// <summary>
/// Attract hosted in-process for a test, on its own SQLite file (a new database per factory), with the demo accounts
/// seeded. Shared by the integration tests (in-memory server) and the browser tests (Kestrel on a loopback port); the
/// file is compiled into both projects.
/// </summary>
public abstract class AttractHostFactory(string folder) : WebApplicationFactory<Program>
{
    private readonly List<Action<IServiceCollection>> _services = [];

    public string DataDirectory { get; } = Path.Combine(Path.GetTempPath(), folder, Guid.NewGuid().ToString("N"));

    public string DatabasePath => Path.Combine(DataDirectory, "attract.db");

    /// <summary>Settings on top of appsettings; set them before the host starts.</summary>
    public Dictionary<string, string?> Settings { get; } = new()
    {
        ["Attract:SeedDemoData"] = "true",
        // Tests sign in and post far more often than a person; the throttling tests set low limits of their own.
        ["RateLimits:SignIn:PermitLimit"] = "100000",
        ["RateLimits:SignInPerAccount:PermitLimit"] = "100000",
        ["RateLimits:Push:PermitLimit"] = "100000",
        ["RateLimits:PushChallenge:PermitLimit"] = "100000",
        ["RateLimits:LinkedInJson:PermitLimit"] = "100000",
    };

    /// <summary>Replaces services (e.g. a mocked LinkedIn client) after the app's own registrations.</summary>
    protected void AddServices(Action<IServiceCollection> configure) => _services.Add(configure);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.ConfigureTestServices(services => _services.ForEach(configure => configure(services)));
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:DataDirectory", DataDirectory);
        builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
