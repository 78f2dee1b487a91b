using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Attract.IntegrationTests.Infrastructure;

/// <summary>
/// Hosts Attract in-process on its own SQLite file (a new database per factory), with the demo accounts seeded.
/// </summary>
public class AttractFactory : WebApplicationFactory<Program>
{
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "attract-tests", Guid.NewGuid().ToString("N"));
    private readonly Dictionary<string, string?> _settings = new()
    {
        ["Attract:SeedDemoData"] = "true",
    };

    private readonly List<Action<IServiceCollection>> _services = [];

    public string DataDirectory => _dataDirectory;

    public string DatabasePath => Path.Combine(_dataDirectory, "attract.db");

    public AttractFactory WithSetting(string key, string? value)
    {
        _settings[key] = value;
        return this;
    }

    /// <summary>Replaces services (e.g. a mocked LinkedIn client) after the app's own registrations.</summary>
    public AttractFactory WithServices(Action<IServiceCollection> configure)
    {
        _services.Add(configure);
        return this;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.ConfigureTestServices(services => _services.ForEach(configure => configure(services)));
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:DataDirectory", _dataDirectory);
        builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
        foreach (var (key, value) in _settings)
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
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
