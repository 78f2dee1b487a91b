using Attract.Core.Common;
using Attract.Core.Data;
using Attract.Core.Outbox;
using Attract.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Attract.IntegrationTests.Data;

public abstract class OutboxLeasesTests(DatabaseProvider provider) : IDisposable
{
    private static readonly string[] Candidates = [TrackedTypes.Candidate];
    private static readonly DateTime Now = new(2026, 11, 28, 12, 0, 0, DateTimeKind.Utc);
    private readonly AttractFactory _factory = new(provider);

    public void Dispose() => _factory.Dispose();

    private Task<List<long>> AddRowsAsync(int count, string type = TrackedTypes.Candidate, int attempts = 0, bool backfill = false) => _factory.WithDbAsync(async db =>
    {
        var rows = Enumerable.Range(1, count).Select(i => new OutboxMessage
        {
            EntityType = type,
            EntityId = i,
            Operation = ChangeOperation.Updated,
            OccurredAtUtc = Now,
            Attempts = attempts,
            Backfill = backfill,
        }).ToList();
        db.OutboxMessages.AddRange(rows);
        db.TrackChanges = false;
        await db.SaveChangesAsync();
        return rows.Select(r => r.Id).ToList();
    });

    private Task ClearAsync() => _factory.WithDbAsync(db => db.OutboxMessages.ExecuteDeleteAsync());

    private Task<List<long>> LeaseAsync(int size, DateTime now, int maxAttempts = int.MaxValue, bool includeBackfill = true) => _factory.WithDbAsync(async db =>
    {
        var owner = await db.OutboxMessages.LeaseAsync(Candidates, size, TimeSpan.FromMinutes(2), now, "test", maxAttempts, includeBackfill);
        return owner is null ? [] : await db.OutboxMessages.Owned(owner).Select(o => o.Id).ToListAsync();
    });

    [Fact]
    public async Task LeaseAsync_TwoInstancesAtOnce_EachRowHasOneOwner()
    {
        await ClearAsync();
        var ids = await AddRowsAsync(40);

        // Four instances race for the same due rows, round after round, until nothing is due: two that read the same
        // rows split them (or one gets none), so a round may lease fewer than 4 × 15, but no row ever has two owners.
        var all = new List<long>();
        for (var round = 0; round < 40; round++)
        {
            var leases = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => LeaseAsync(15, Now)));
            if (leases.All(l => l.Count == 0))
            {
                break;
            }
            all.AddRange(leases.SelectMany(l => l));
        }

        Assert.Equal(all.Count, all.Distinct().Count());
        Assert.Equal(ids.Order(), all.Order());
    }

    [Fact]
    public async Task LeaseAsync_OlderBackfillRows_LiveRowsLeasedFirstThenBackfillOldestFirst()
    {
        await ClearAsync();
        var backfill = await AddRowsAsync(5, backfill: true);
        var live = await AddRowsAsync(3);

        var first = await LeaseAsync(4, Now);
        var second = await LeaseAsync(4, Now);

        Assert.Equal(live.Append(backfill[0]).Order(), first);
        Assert.Equal(backfill.Skip(1), second);
    }

    [Fact]
    public async Task LeaseAsync_BackfillExcluded_LeasesOnlyLiveRows()
    {
        await ClearAsync();
        await AddRowsAsync(5, backfill: true);
        var live = await AddRowsAsync(2);

        var leased = await LeaseAsync(10, Now, includeBackfill: false);
        var again = await LeaseAsync(10, Now, includeBackfill: false);

        Assert.Equal(live, leased);
        Assert.Empty(again);
    }

    [Fact]
    public async Task LeaseAsync_LeaseNotExpired_RowsAreNotLeasedAgain_UntilItExpires()
    {
        await ClearAsync();
        var ids = await AddRowsAsync(3);

        var first = await LeaseAsync(10, Now);
        var during = await LeaseAsync(10, Now.AddMinutes(1));
        var after = await LeaseAsync(10, Now.AddMinutes(3));

        Assert.Equal(ids.Order(), first.Order());
        Assert.Empty(during);
        Assert.Equal(ids.Order(), after.Order());
    }

    [Fact]
    public async Task LeaseAsync_OtherTypesProcessedOrOutOfAttempts_AreLeftAlone()
    {
        var jobs = await AddRowsAsync(2, TrackedTypes.Job);
        var exhausted = await AddRowsAsync(2, attempts: 10);
        var processed = await AddRowsAsync(2);
        await _factory.WithDbAsync(db => db.OutboxMessages.Where(o => processed.Contains(o.Id)).ExecuteUpdateAsync(s => s.SetProperty(o => o.ProcessedAtUtc, Now)));

        var leased = await LeaseAsync(100, Now, maxAttempts: 10);

        Assert.Empty(leased.Intersect(jobs.Concat(exhausted).Concat(processed)));
    }
}

public sealed class OutboxLeasesSqliteTests() : OutboxLeasesTests(DatabaseProvider.Sqlite);

public sealed class OutboxLeasesPostgreSqlTests() : OutboxLeasesTests(DatabaseProvider.PostgreSql);
