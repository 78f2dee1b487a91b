using System.Net;
using System.Text.Json.Nodes;
using Attract.IntegrationTests.Infrastructure;

namespace Attract.IntegrationTests.Health;

public class HealthTests
{
    [Fact]
    public async Task Get_Anonymous_ReportsDatabaseHealthy()
    {
        using var factory = new AttractFactory();
        var response = await factory.CreateClient().GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("Healthy", (string?)body["checks"]!["database"]);
    }

    [Fact]
    public async Task Get_DatabaseUnreachable_Returns503()
    {
        using var factory = new AttractFactory();
        var client = factory.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(factory.DatabasePath);
        Directory.Delete(factory.DataDirectory, recursive: true);
        var response = await client.GetAsync("/health");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
    }

    [Fact]
    public async Task Startup_EmptyDataFolder_CreatesAndMigratesDatabase()
    {
        using var factory = new AttractFactory();
        Assert.False(File.Exists(factory.DatabasePath));
        factory.CreateClient();
        Assert.True(File.Exists(factory.DatabasePath));
    }
}
