using System.Net;
using System.Text.Json.Nodes;
using Attract.Core.Data;
using Attract.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Attract.IntegrationTests.Health;

public abstract class HealthTests(DatabaseProvider provider)
{
    [Fact]
    public async Task Get_Anonymous_ReportsDatabaseHealthy()
    {
        using var factory = new AttractFactory(provider);
        var response = await factory.CreateClient().GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("Healthy", (string?)body["checks"]!["database"]);
    }

    [Fact]
    public async Task Get_DatabaseUnreachable_Returns503()
    {
        using var factory = new AttractFactory(provider);
        var client = factory.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);
        if (provider == DatabaseProvider.PostgreSql)
        {
            await factory.Postgres!.DisposeAsync(); // drops the database, ending the host's connections
        }
        else
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            File.Delete(factory.DatabasePath);
            Directory.Delete(factory.DataDirectory, recursive: true);
        }
        var response = await client.GetAsync("/health");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
    }

    [Fact]
    public async Task Startup_EmptyDatabase_CreatesAndMigratesDatabase()
    {
        using var factory = new AttractFactory(provider);
        Assert.False(File.Exists(factory.DatabasePath));

        factory.CreateClient();

        Assert.Equal(provider == DatabaseProvider.Sqlite, File.Exists(factory.DatabasePath));
        var applied = await factory.WithDbAsync(db => db.Database.GetAppliedMigrationsAsync());
        Assert.Equal(["Initial", "QuartzSchema"], applied.Select(m => m[15..]));
    }
}

public sealed class HealthSqliteTests() : HealthTests(DatabaseProvider.Sqlite);

public sealed class HealthPostgreSqlTests() : HealthTests(DatabaseProvider.PostgreSql);
