using Attract.Core.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Attract.Testing;

/// <summary>
/// Attract hosted in-process for a test, with the demo accounts seeded, on a database of its own: a SQLite file per
/// factory, or on PostgreSQL a new database per factory (see <see cref="TestPostgres"/>). Several factories can share one
/// PostgreSQL database to act as several Attract instances; the one that did not create it leaves it in place. Shared by
/// the integration tests (in-memory server) and the browser tests (Kestrel on a loopback port); the file is compiled into both.
/// </summary>
public abstract class AttractHostFactory : WebApplicationFactory<Program>
{
    private readonly List<Action<IServiceCollection>> _services = [];
    private readonly bool _ownsDatabase;

    protected AttractHostFactory(string folder, DatabaseProvider provider = DatabaseProvider.Sqlite, PostgresTestDatabase? database = null)
    {
        Provider = provider;
        DataDirectory = Path.Combine(Path.GetTempPath(), folder, Guid.NewGuid().ToString("N"));
        if (provider == DatabaseProvider.PostgreSql)
        {
            _ownsDatabase = database is null;
            Postgres = database ?? TestPostgres.CreateDatabaseAsync().GetAwaiter().GetResult();
        }
        else if (provider != DatabaseProvider.Sqlite || database is not null)
        {
            throw new ArgumentException($"The tests host Attract on SQLite or PostgreSQL, not {provider}.", nameof(provider));
        }
    }

    public DatabaseProvider Provider { get; }

    /// <summary>The PostgreSQL database, when <see cref="Provider"/> is PostgreSql.</summary>
    public PostgresTestDatabase? Postgres { get; }

    public string DataDirectory { get; }

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
        if (Postgres is not null)
        {
            builder.UseSetting("Database:Provider", nameof(DatabaseProvider.PostgreSql));
            builder.UseSetting("ConnectionStrings:Attract", Postgres.ConnectionString);
        }
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
        if (disposing && _ownsDatabase)
        {
            Postgres!.Dispose();
        }
    }
}
