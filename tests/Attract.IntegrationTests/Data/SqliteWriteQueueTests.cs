using Attract.Core.Candidates;
using Attract.Core.Data;
using Attract.IntegrationTests.Infrastructure;
using Attract.Web.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Attract.IntegrationTests.Data;

/// <summary>
/// <see cref="SqliteWriteQueue"/>: Attract's writers to its SQLite file take turns in the order they arrive and are woken
/// when the writer ahead finishes, instead of sleeping in SQLite's busy handler; readers never wait.
/// </summary>
public sealed class SqliteWriteQueueTests : IAsyncLifetime
{
    private readonly List<AsyncServiceScope> _scopes = [];
    private AttractFactory _factory = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var scope in _scopes)
        {
            await scope.DisposeAsync();
        }
        await _factory.DisposeAsync();
    }

    [Fact]
    public async Task SaveChangesAsync_WritersWaitingForATransaction_CommitInTheOrderTheyArrived()
    {
        var (holder, file) = Open();
        await using var transaction = await holder.Database.BeginTransactionAsync();
        Assert.False(SqliteWriteQueue.State(file).Free);

        var names = new[] { "First", "Second", "Third", "Fourth" };
        var writes = new List<Task>();
        foreach (var name in names)
        {
            writes.Add(AddCandidateAsync(name));
            await WaitUntilAsync(() => SqliteWriteQueue.State(file).Waiting == writes.Count);
        }
        Assert.DoesNotContain(writes, w => w.IsCompleted);

        await transaction.CommitAsync();
        await Task.WhenAll(writes);

        var (reader, _) = Open();
        var order = await reader.Candidates.Where(c => c.LastName == "Queued").OrderBy(c => c.Id).Select(c => c.FirstName).ToListAsync();
        Assert.Equal(names, order);
        Assert.Equal((0, true), SqliteWriteQueue.State(file));
    }

    [Fact]
    public async Task ExecuteUpdateAsync_OutsideATransactionWhileAnotherHoldsTheTurn_WaitsItsTurnThenWrites()
    {
        var id = await AddCandidateAsync("Before");
        var (holder, file) = Open();
        await using var transaction = await holder.Database.BeginTransactionAsync();

        var (writer, _) = Open();
        var update = writer.Candidates.Where(c => c.Id == id).ExecuteUpdateAsync(s => s.SetProperty(c => c.FirstName, "After"));
        await WaitUntilAsync(() => SqliteWriteQueue.State(file).Waiting == 1);
        Assert.False(update.IsCompleted);

        await transaction.CommitAsync();
        Assert.Equal(1, await update);
        var (reader, _) = Open();
        Assert.Equal("After", await reader.Candidates.Where(c => c.Id == id).Select(c => c.FirstName).SingleAsync());
        Assert.True(SqliteWriteQueue.State(file).Free);
    }

    [Fact]
    public async Task ReadAsync_WhileAWriteTransactionHoldsTheTurn_DoesNotWait()
    {
        await AddCandidateAsync("Read");
        var (holder, file) = Open();
        await using var transaction = await holder.Database.BeginTransactionAsync();

        // a read that queued would wait for the turn (30 s) and be cancelled first
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var (reader, _) = Open();
        Assert.Equal(1, await reader.Candidates.CountAsync(c => c.LastName == "Queued", cancel.Token));
        Assert.Equal((0, false), SqliteWriteQueue.State(file));
    }

    [Fact]
    public async Task DisposeAsync_TransactionNeitherCommittedNorRolledBack_GivesTheTurnBack()
    {
        var (holder, file) = Open();
        var transaction = await holder.Database.BeginTransactionAsync();
        holder.Candidates.Add(NewCandidate("Abandoned"));
        await holder.SaveChangesAsync();
        Assert.False(SqliteWriteQueue.State(file).Free);

        await transaction.DisposeAsync(); // as when an exception leaves an `await using` block

        Assert.True(SqliteWriteQueue.State(file).Free);
        await AddCandidateAsync("Next");
        var (reader, _) = Open();
        Assert.Equal(["Next"], await reader.Candidates.Where(c => c.LastName == "Queued").Select(c => c.FirstName).ToListAsync());
    }

    [Fact]
    public async Task SaveChangesAsync_TurnNotGivenWithinTheBusyTimeout_GoesAheadAndSqliteRefusesAsBefore()
    {
        // A second connection writing inside another's open transaction (a mistake) fails as SQLite always made it fail,
        // rather than hanging on the queue.
        await _factory.DisposeAsync();
        _factory = new AttractFactory().WithSetting("Database:SqliteBusyTimeout", "00:00:00.300");
        var (holder, file) = Open();
        await using var transaction = await holder.Database.BeginTransactionAsync();

        var error = await Assert.ThrowsAsync<SqliteException>(() => AddCandidateAsync("Refused"));

        Assert.Equal(5, error.SqliteErrorCode); // SQLITE_BUSY
        await transaction.CommitAsync();
        Assert.Equal((0, true), SqliteWriteQueue.State(file));
        await AddCandidateAsync("Later");
    }

    [Theory]
    [InlineData("SELECT 1", false)]
    [InlineData("  select \"c\".\"Id\" FROM \"Candidates\"", false)]
    [InlineData("-- board\n-- tag two\nSELECT 1", false)]
    [InlineData("PRAGMA busy_timeout = 30000;", false)]
    [InlineData("INSERT INTO \"Candidates\" (\"FirstName\") VALUES (@p0) RETURNING \"Id\";", true)]
    [InlineData("-- drain\nUPDATE \"OutboxMessages\" SET \"ClaimedBy\" = @p", true)]
    [InlineData("DELETE FROM \"OutboxMessages\" WHERE 1", true)]
    [InlineData("WITH x AS (SELECT 1) DELETE FROM t", true)]
    [InlineData("", false)]
    public void Writes_StatementText_TrueForAnythingButReadsAndPragmas(string sql, bool expected) =>
        Assert.Equal(expected, SqliteWriteQueue.Writes(sql));

    private (AttractDbContext Db, string File) Open()
    {
        var scope = _factory.Services.CreateAsyncScope();
        _scopes.Add(scope);
        var db = scope.ServiceProvider.GetRequiredService<AttractDbContext>();
        return (db, new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource);
    }

    private async Task<int> AddCandidateAsync(string firstName)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AttractDbContext>();
        var candidate = NewCandidate(firstName);
        db.Candidates.Add(candidate);
        await db.SaveChangesAsync();
        return candidate.Id;
    }

    private static Candidate NewCandidate(string firstName)
    {
        var at = DateTime.UtcNow;
        return new Candidate { FirstName = firstName, LastName = "Queued", CreatedAtUtc = at, UpdatedAtUtc = at, Source = CandidateSources.Referral };
    }

    private static async Task WaitUntilAsync(Func<bool> done)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (!done())
        {
            await Task.Delay(5, timeout.Token);
        }
    }
}
