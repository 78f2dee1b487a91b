using Attract.Core.Data;
using Attract.Testing;
using Attract.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Attract.IntegrationTests.Data;

/// <summary>
/// The start-up lock on PostgreSQL: an instance that starts while another migrates and seeds (minutes, for a large demo
/// company) waits for it, however long that takes, instead of failing when its command timeout runs out.
/// </summary>
public sealed class StartupLockTests : IAsyncLifetime
{
    private PostgresTestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TestPostgres.CreateDatabaseAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task AcquireStartupLockAsync_HeldLongerThanTheCommandTimeout_WaitsAndThenTakesIt()
    {
        var connectionString = new NpgsqlConnectionStringBuilder(_database.ConnectionString) { CommandTimeout = 1 }.ConnectionString;
        await using var services = new ServiceCollection()
            .AddDbContext<AttractDbContext>(o => o.UseNpgsql(connectionString, x => x.MigrationsAssembly(DatabaseSetup.PostgreSqlMigrationsAssembly)))
            .BuildServiceProvider();
        await using var holder = new NpgsqlConnection(_database.ConnectionString);
        await holder.OpenAsync();
        await using (var take = new NpgsqlCommand($"SELECT pg_advisory_lock({DatabaseSetup.StartupLockKey})", holder))
        {
            await take.ExecuteScalarAsync();
        }

        var waiting = services.AcquireStartupLockAsync();
        // Three times the command timeout: before the fix the wait failed after one second with a timeout.
        var finishedFirst = await Task.WhenAny(waiting, Task.Delay(TimeSpan.FromSeconds(3)));
        Assert.NotSame(waiting, finishedFirst);

        await using (var release = new NpgsqlCommand($"SELECT pg_advisory_unlock({DatabaseSetup.StartupLockKey})", holder))
        {
            Assert.True((bool)(await release.ExecuteScalarAsync())!);
        }
        await using var startupLock = await waiting.WaitAsync(TimeSpan.FromSeconds(60));
        await using var probe = new NpgsqlCommand($"SELECT pg_try_advisory_lock({DatabaseSetup.StartupLockKey})", holder);
        Assert.False((bool)(await probe.ExecuteScalarAsync())!);
    }
}
