using System.Data.Common;
using Attract.Core.Candidates;
using Attract.Core.Common;
using Attract.Core.Data;
using Attract.IntegrationTests.Infrastructure;
using Attract.Web.Integrations.LinkedIn;
using Attract.Web.Integrations.LinkedIn.Sync;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Attract.IntegrationTests.Integrations.LinkedIn.Sync;

/// <summary>The backfill is queued in chunks, each in its own short transaction that moves a shared cursor on.</summary>
public sealed class LinkedInBackfillQueueTests : IDisposable
{
    private readonly AttractFactory _factory = new AttractFactory().WithSetting(LinkedInBackgroundOptions.ConfigKey, "false");

    public void Dispose() => _factory.Dispose();

    private async Task<(int ConnectionId, List<int> Candidates)> HistoryAsync(int candidates)
    {
        var ids = new List<int>();
        for (var i = 0; i < candidates; i++)
        {
            ids.Add(await _factory.CreateCandidateAsync("Cand" + i, "History", $"history{i}@example.com"));
        }
        await _factory.SeedConnectionAsync(c => c.CompanyLevelEnabled = true);
        return ((await _factory.ConnectionAsync()).Id, ids);
    }

    private async Task<bool> QueueAsync(int connectionId, int chunksPerCall)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        var backfill = scope.ServiceProvider.GetRequiredService<LinkedInBackfill>();
        backfill.ChunkSize = 2;
        backfill.ChunksPerCall = chunksPerCall;
        return await backfill.QueueIfNeededAsync(connectionId);
    }

    private Task<List<long>> QueuedCandidatesAsync() => _factory.WithDbAsync(db =>
        db.OutboxMessages.Where(o => o.Backfill && o.EntityType == TrackedTypes.Candidate).OrderBy(o => o.Id).Select(o => o.EntityId).ToListAsync());

    [Fact]
    public async Task QueueIfNeededAsync_StoppedAfterOneChunk_NextCallGoesOnFromTheCursorNewestFirst()
    {
        var (connection, candidates) = await HistoryAsync(5);

        var more = await QueueAsync(connection, chunksPerCall: 1);
        var afterOne = await QueuedCandidatesAsync();
        var cursor = (await _factory.ConnectionAsync()).BackfillCursor;
        while (await QueueAsync(connection, chunksPerCall: 1))
        {
        }

        Assert.True(more);
        Assert.Equal(candidates.OrderDescending().Take(2).Select(id => (long)id), afterOne);
        Assert.NotNull(cursor);
        Assert.Equal(candidates.OrderDescending().Select(id => (long)id), await QueuedCandidatesAsync());
        var done = await _factory.ConnectionAsync();
        Assert.Null(done.BackfillCursor);
        Assert.Equal(5, done.BackfillTotal);
    }

    [Fact]
    public async Task QueueIfNeededAsync_ThreeInstancesAtOnce_QueueEachEntityOnce()
    {
        var (connection, candidates) = await HistoryAsync(9);

        for (var round = 0; round < 20; round++)
        {
            var more = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Task.Run(() => QueueAsync(connection, chunksPerCall: 1))));
            if (!more.Any(m => m))
            {
                break;
            }
        }

        var queued = await QueuedCandidatesAsync();
        Assert.Equal(candidates.Order().Select(id => (long)id), queued.Order());
        Assert.Equal(queued.Count, queued.Distinct().Count());
        var done = await _factory.ConnectionAsync();
        Assert.Null(done.BackfillCursor);
        Assert.Equal(9, done.BackfillTotal);
    }

    [Fact]
    public async Task QueueIfNeededAsync_LargeHistory_EachChunkIsAShortTransactionAndSavesGoBetweenThem()
    {
        var gate = new ChunkGate();
        using var factory = new AttractFactory().WithSetting(LinkedInBackgroundOptions.ConfigKey, "false")
            .WithServices(s => s.ConfigureDbContext<AttractDbContext>(o => o.AddInterceptors(gate)));
        var editable = await factory.CreateCandidateAsync("Eddie", "Edits", "eddie@example.com");
        await factory.WithDbAsync(db =>
        {
            for (var i = 0; i < 1_000; i++)
            {
                var c = new Candidate { CreatedAtUtc = DateTime.UtcNow, UpdatedAtUtc = DateTime.UtcNow, Source = CandidateSources.Referral };
                c.SetName("Bulk" + i, "History");
                db.Candidates.Add(c);
            }
            return db.SaveChangesAsync();
        });
        await factory.SeedConnectionAsync(c => c.CompanyLevelEnabled = true);
        var connectionId = (await factory.ConnectionAsync()).Id;
        // Once the backfill's first chunk has committed, a user's save runs on another connection while the backfill waits:
        // were the backfill one transaction holding the write lock, the save would block and the gate would time out.
        var userSaved = false;
        gate.AfterFirstCommit = async () =>
        {
            await factory.WithDbAsync(async db =>
            {
                var c = await db.Candidates.SingleAsync(x => x.Id == editable);
                c.SetName("Edith", "Edits");
                return await db.SaveChangesAsync();
            }).WaitAsync(TimeSpan.FromSeconds(30));
            userSaved = true;
        };

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var backfill = scope.ServiceProvider.GetRequiredService<LinkedInBackfill>();
            gate.Backfill = scope.ServiceProvider.GetRequiredService<AttractDbContext>();
            backfill.ChunkSize = 100;
            backfill.ChunksPerCall = 100;
            Assert.False(await backfill.QueueIfNeededAsync(connectionId));
        }

        Assert.True(userSaved);
        Assert.Equal(1_001, (await factory.ConnectionAsync()).BackfillTotal);
        // One transaction to start, then one per chunk of at most 100 rows (11 for the candidates, one empty per other type).
        Assert.Equal(1_001, gate.Transactions.Sum());
        Assert.Equal(16, gate.Transactions.Count);
        Assert.All(gate.Transactions, rows => Assert.InRange(rows, 0, 100));
        Assert.Equal("Edith", await factory.WithDbAsync(db => db.Candidates.Where(c => c.Id == editable).Select(c => c.FirstName).SingleAsync()));
    }

    /// <summary>Counts the rows each transaction of one context saves, and runs a callback after its first commit.</summary>
    private sealed class ChunkGate : DbTransactionInterceptor, ISaveChangesInterceptor
    {
        private int _saved;

        public DbContext? Backfill { get; set; }

        public List<int> Transactions { get; } = [];

        public Func<Task>? AfterFirstCommit { get; set; }

        public override async Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            if (eventData.Context is null || eventData.Context != Backfill)
            {
                return;
            }
            Transactions.Add(_saved);
            _saved = 0;
            if (Transactions.Count == 2 && AfterFirstCommit is { } after)
            {
                await after();
            }
        }

        public ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
        {
            if (eventData.Context is not null && eventData.Context == Backfill)
            {
                _saved += result;
            }
            return ValueTask.FromResult(result);
        }
    }
}
