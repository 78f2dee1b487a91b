using Attract.Core.Data;
using Attract.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Attract.IntegrationTests.Infrastructure;

/// <summary>
/// Attract on the in-memory test server, with the demo accounts seeded, on a SQLite file of its own or (with
/// <see cref="DatabaseProvider.PostgreSql"/>) a PostgreSQL database of its own, or one shared with other factories.
/// </summary>
public class AttractFactory(DatabaseProvider provider = DatabaseProvider.Sqlite, PostgresTestDatabase? database = null)
    : AttractHostFactory("attract-tests", provider, database)
{
    public AttractFactory WithSetting(string key, string? value)
    {
        Settings[key] = value;
        return this;
    }

    /// <summary>Replaces services (e.g. a mocked LinkedIn client) after the app's own registrations.</summary>
    public AttractFactory WithServices(Action<IServiceCollection> configure)
    {
        AddServices(configure);
        return this;
    }
}
