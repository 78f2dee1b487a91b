using Attract.Core.Common;
using Attract.Core.Data;
using Attract.Core.LinkedIn;
using Attract.Core.Outbox;
using Attract.IntegrationTests.Infrastructure;
using Attract.IntegrationTests.Integrations.LinkedIn;
using Attract.Web.Infrastructure;
using Attract.Web.Integrations.LinkedIn.Sync;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace Attract.IntegrationTests.Data;

public abstract class OutboxRetentionTests(DatabaseProvider provider) : IDisposable
{
    private static readonly DateTime Cutoff = new(2026, 10, 1, 0, 0, 0, DateTimeKind.Utc);
    private readonly AttractFactory _factory = new(provider);

    public void Dispose() => _factory.Dispose();

    private Task<long> AddAsync(string type, long entityId, DateTime? processedAt, string? error = null, string? actor = null) => _factory.WithDbAsync(async db =>
    {
        var row = new OutboxMessage
        {
            EntityType = type,
            EntityId = entityId,
            Operation = ChangeOperation.Updated,
            OccurredAtUtc = Cutoff.AddDays(-60),
            ProcessedAtUtc = processedAt,
            LastError = error,
            ActorUserId = actor,
        };
        db.TrackChanges = false;
        db.OutboxMessages.Add(row);
        await db.SaveChangesAsync();
        return row.Id;
    });

    private Task<int> CleanAsync() => _factory.WithDbAsync(db => db.DeleteProcessedAsync(Cutoff, batchSize: 2));

    private Task<List<long>> RemainingAsync() => _factory.WithDbAsync(db => db.OutboxMessages.Select(o => o.Id).ToListAsync());

    [Fact]
    public async Task DeleteProcessedAsync_OldProcessedRows_AreDeletedInBatches_PendingAndRecentKept()
    {
        _factory.CreateClient().Dispose();
        await _factory.WithDbAsync(db => db.OutboxMessages.ExecuteDeleteAsync());
        var old = new List<long>();
        for (var i = 0; i < 5; i++)
        {
            old.Add(await AddAsync(TrackedTypes.Candidate, i, Cutoff.AddDays(-1 - i), error: i == 0 ? "400 Bad Request" : null));
        }
        var recent = await AddAsync(TrackedTypes.Candidate, 10, Cutoff.AddHours(1));
        var pending = await AddAsync(TrackedTypes.Note, 11, processedAt: null);

        var deleted = await CleanAsync();

        Assert.Equal(5, deleted);
        Assert.Equal([recent, pending], (await RemainingAsync()).Order());
    }

    [Fact]
    public async Task DeleteProcessedAsync_JobRows_KeepTheNewestSuccessfullySentRowOfEachJob()
    {
        _factory.CreateClient().Dispose();
        await _factory.WithDbAsync(db => db.OutboxMessages.ExecuteDeleteAsync());
        var first = await AddAsync(TrackedTypes.Job, 7, Cutoff.AddDays(-30));
        var second = await AddAsync(TrackedTypes.Job, 7, Cutoff.AddDays(-20));
        var newestSent = await AddAsync(TrackedTypes.Job, 7, Cutoff.AddDays(-10));
        var failedAfterwards = await AddAsync(TrackedTypes.Job, 7, Cutoff.AddDays(-5), error: "Skipped");
        var otherJob = await AddAsync(TrackedTypes.Job, 8, Cutoff.AddDays(-30));

        await CleanAsync();

        var remaining = await RemainingAsync();
        Assert.DoesNotContain(first, remaining);
        Assert.DoesNotContain(second, remaining);
        Assert.Contains(newestSent, remaining);
        Assert.Contains(failedAfterwards, remaining);
        Assert.Contains(otherJob, remaining);
    }

    [Fact]
    public async Task DeleteProcessedAsync_ExportLinkRows_KeepTheNewestRowOfEachCandidate()
    {
        _factory.CreateClient().Dispose();
        await _factory.WithDbAsync(db => db.OutboxMessages.ExecuteDeleteAsync());
        var gaveUp = await AddAsync(LinkedInSyncError.ManualMatchedMember, 7, Cutoff.AddDays(-30), error: "Gave up: 400");
        var linked = await AddAsync(LinkedInSyncError.ManualMatchedMember, 7, Cutoff.AddDays(-20));
        var onlyGaveUp = await AddAsync(LinkedInSyncError.ManualMatchedMember, 8, Cutoff.AddDays(-30), error: "Gave up: 404");

        await CleanAsync();

        Assert.Equal([linked, onlyGaveUp], (await RemainingAsync()).Order()); // the reconciliation does not queue them again
        Assert.True(gaveUp < linked);
    }

    [Fact]
    public async Task DeleteProcessedAsync_AfterABackfill_SyncPageStillShowsItComplete()
    {
        await _factory.SeedConnectionAsync(c =>
        {
            c.CompanyLevelEnabled = true;
            c.BackfillQueuedAtUtc = Cutoff.AddDays(-50);
            c.BackfillTotal = 3;
        });
        for (var i = 0; i < 3; i++)
        {
            await AddAsync(TrackedTypes.Candidate, 100 + i, Cutoff.AddDays(-40), actor: LinkedInBackfill.Actor);
        }

        await CleanAsync();

        using var scope = _factory.Services.CreateScope();
        var overview = await scope.ServiceProvider.GetRequiredService<LinkedInSyncStatus>().GetAsync();
        Assert.Equal(3, overview.BackfillProcessed);
        Assert.Equal(0, overview.Backlog);
    }

    [Theory]
    [InlineData("30", true)]
    [InlineData("0", false)]
    public async Task Scheduler_RetentionSetting_SchedulesTheCleanupUnlessZero(string days, bool scheduled)
    {
        using var factory = new AttractFactory(provider).WithSetting("Attract:Outbox:RetentionDays", days);
        factory.CreateClient().Dispose();

        var scheduler = await factory.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();

        Assert.Equal(scheduled, await scheduler.GetJobDetail(OutboxCleanupJob.Key) is not null);
    }
}

public sealed class OutboxRetentionSqliteTests() : OutboxRetentionTests(DatabaseProvider.Sqlite);

public sealed class OutboxRetentionPostgreSqlTests() : OutboxRetentionTests(DatabaseProvider.PostgreSql);
