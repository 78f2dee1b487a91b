using System.Net;
using System.Text.Json.Nodes;
using Attract.Core.Data;
using Attract.IntegrationTests.Infrastructure;
using Attract.Testing;
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
            // The server refuses the database and ends the host's sessions. It comes back before the host stops: Quartz's
            // clustered store retries releasing an acquired trigger until the database answers, so a host whose database
            // is gone for good never finishes stopping.
            var name = factory.Postgres!.Name;
            await AdminAsync($"ALTER DATABASE {name} ALLOW_CONNECTIONS false", $"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{name}'");
            var refused = await client.GetAsync("/health");
            await AdminAsync($"ALTER DATABASE {name} ALLOW_CONNECTIONS true");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
            return;
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(factory.DatabasePath);
        Directory.Delete(factory.DataDirectory, recursive: true);
        var response = await client.GetAsync("/health");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
    }

    private static async Task AdminAsync(params string[] statements)
    {
        await using var connection = new Npgsql.NpgsqlConnection(TestPostgres.AdminConnectionString());
        await connection.OpenAsync();
        foreach (var sql in statements)
        {
            await using var command = new Npgsql.NpgsqlCommand(sql, connection);
            await command.ExecuteNonQueryAsync();
        }
    }

    [Fact]
    public async Task Startup_EmptyDatabase_CreatesAndMigratesDatabase()
    {
        using var factory = new AttractFactory(provider);
        Assert.False(File.Exists(factory.DatabasePath));

        factory.CreateClient();

        Assert.Equal(provider == DatabaseProvider.Sqlite, File.Exists(factory.DatabasePath));
        var applied = await factory.WithDbAsync(db => db.Database.GetAppliedMigrationsAsync());
        Assert.Equal(["Initial", "QuartzSchema", "OutboxLanes", "BackfillCursor", "EntityLookups", "ApplicationEnteredStage", "ProspectsIndex"], applied.Select(m => m[15..]));
    }
}

public sealed class HealthSqliteTests() : HealthTests(DatabaseProvider.Sqlite);

public sealed class HealthPostgreSqlTests() : HealthTests(DatabaseProvider.PostgreSql);
