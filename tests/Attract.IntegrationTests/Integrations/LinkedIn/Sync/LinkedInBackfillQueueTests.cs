using Attract.Core.Common;
using Attract.IntegrationTests.Infrastructure;
using Attract.Web.Integrations.LinkedIn;
using Attract.Web.Integrations.LinkedIn.Sync;
using Microsoft.EntityFrameworkCore;
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
}
