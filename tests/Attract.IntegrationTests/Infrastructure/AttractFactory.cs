using Attract.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Attract.IntegrationTests.Infrastructure;

/// <summary>Attract on the in-memory test server, with its own SQLite file and the demo accounts seeded.</summary>
public class AttractFactory() : AttractHostFactory("attract-tests")
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
