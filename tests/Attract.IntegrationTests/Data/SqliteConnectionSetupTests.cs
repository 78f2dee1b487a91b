using Attract.Core.Candidates;
using Attract.Core.Data;
using Attract.IntegrationTests.Infrastructure;
using Attract.Web.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Attract.IntegrationTests.Data;

/// <summary>
/// Attract's SQLite database and connections: the file is in WAL mode (EF Core creates it so), so a reader never holds
/// up a writer's commit (a page load and an export push at once); and each connection waits for the write lock inside
/// SQLite (<see cref="SqliteConnectionSetup"/>) rather than in Microsoft.Data.Sqlite's fixed 150 ms sleeps.
/// </summary>
public sealed class SqliteConnectionSetupTests : IAsyncLifetime
{
    private readonly AttractFactory _factory = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task AddAttractDatabase_SqliteFile_ConnectionsUseWalAndABusyTimeout()
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AttractDbContext>();

        Assert.Equal("wal", await ScalarAsync(db, "PRAGMA journal_mode"));
        Assert.Equal(30_000L, await ScalarAsync(db, "PRAGMA busy_timeout"));
        // WAL is a property of the file: a connection opened outside Attract sees it too; busy_timeout is per connection
        // (not pooled: a pooled handle would be one Attract opened, with its busy_timeout still set)
        await using var other = new SqliteConnection(new SqliteConnectionStringBuilder(db.Database.GetConnectionString()) { Pooling = false }.ToString());
        await other.OpenAsync();
        await using var command = other.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", await command.ExecuteScalarAsync());
        command.CommandText = "PRAGMA busy_timeout";
        Assert.Equal(0L, await command.ExecuteScalarAsync());
    }

    [Fact]
    public async Task SaveChangesAsync_AnotherConnectionInAReadTransaction_CommitsWithoutWaitingForTheReader()
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AttractDbContext>();
        var before = await db.Candidates.CountAsync();
        // A page's read in progress: a read transaction holding its snapshot. In the rollback-journal mode Attract used
        // before, the writer's commit needs every reader gone, so this save failed with "database is locked".
        await using var reader = new SqliteConnection(db.Database.GetConnectionString());
        await reader.OpenAsync();
        await using var transaction = reader.BeginTransaction(deferred: true);
        Assert.Equal(before, await CountAsync(reader, transaction));

        db.Database.SetCommandTimeout(5);
        var at = db.UtcNow;
        db.Candidates.Add(new Candidate { FirstName = "Wal", LastName = "Writer", CreatedAtUtc = at, UpdatedAtUtc = at, Source = CandidateSources.Referral });
        await db.SaveChangesAsync();

        Assert.Equal(before, await CountAsync(reader, transaction)); // the reader keeps its snapshot
        await transaction.CommitAsync();
        Assert.Equal(before + 1, await CountAsync(reader, null));
    }

    private static async Task<object?> ScalarAsync(AttractDbContext db, string sql)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            return await command.ExecuteScalarAsync();
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static async Task<long> CountAsync(SqliteConnection connection, System.Data.Common.DbTransaction? transaction)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = (SqliteTransaction?)transaction;
        command.CommandText = "SELECT COUNT(*) FROM Candidates";
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
