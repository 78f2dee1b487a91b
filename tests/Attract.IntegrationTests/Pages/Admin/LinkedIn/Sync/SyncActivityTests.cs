using System.Globalization;
using Attract.Core.Common;
using Attract.Core.Data;
using Attract.Core.LinkedIn;
using Attract.Core.Outbox;
using Attract.IntegrationTests.Infrastructure;
using Attract.IntegrationTests.Security;
using Microsoft.Extensions.DependencyInjection;

namespace Attract.IntegrationTests.Pages.Admin.LinkedIn.Sync;

/// <summary>
/// The sync status page's charts of the last hour, with the clock stopped at 00:20:30 UTC (so the hour crosses midnight):
/// usage minutes, sync errors and outbox rows inside the hour and before it, per minute, with empty minutes as zeros.
/// </summary>
public abstract class SyncActivityTests(DatabaseProvider provider) : IDisposable
{
    /// <summary>Tomorrow 00:20:30 UTC: in the future, so nothing the host does at start-up lands inside the window.</summary>
    private static readonly DateTime Now = DateTime.UtcNow.Date.AddDays(1).Add(new TimeSpan(0, 20, 30));

    /// <summary>The current minute, 00:20; the window is 23:21 to 00:20, index 0 to 59.</summary>
    private static readonly DateTime Minute = Now.AddSeconds(-30);

    private readonly AttractFactory _factory = new AttractFactory(provider)
        .WithServices(s => s.AddSingleton<TimeProvider>(new ManualClock(new DateTimeOffset(Now))));

    public void Dispose() => _factory.Dispose();

    private static DateTime Ago(int minutes, int seconds = 0) => Minute.AddMinutes(-minutes).AddSeconds(seconds);

    private static OutboxMessage Row(DateTime created, DateTime? processed, string type = TrackedTypes.Candidate) => new()
    {
        EntityType = type,
        EntityId = 1,
        Operation = ChangeOperation.Updated,
        OccurredAtUtc = created,
        ProcessedAtUtc = processed,
    };

    private Task ArrangeAsync() => _factory.WithDbAsync(async db =>
    {
        db.AddRange(
            new LinkedInUsage { MinuteUtc = Ago(70), Requests = 100, Records = 100 }, // before the hour
            new LinkedInUsage { MinuteUtc = Ago(59), Requests = 2, Records = 5 },
            new LinkedInUsage { MinuteUtc = Ago(30), Requests = 3, Records = 12 },
            new LinkedInUsage { MinuteUtc = Minute, Requests = 1, Records = 7 });
        db.AddRange(
            new LinkedInSyncError { EntityType = TrackedTypes.Candidate, EntityId = 1, Message = "old", OccurredAtUtc = Ago(61, 10), Attempts = 1 },
            new LinkedInSyncError { EntityType = TrackedTypes.Candidate, EntityId = 2, Message = "a", OccurredAtUtc = Ago(59, 5), Attempts = 1 },
            new LinkedInSyncError { EntityType = TrackedTypes.Note, EntityId = 3, Message = "b", OccurredAtUtc = Ago(10, 20), Attempts = 1 },
            new LinkedInSyncError { EntityType = TrackedTypes.Job, EntityId = 4, Message = "c", OccurredAtUtc = Ago(10, 50), Attempts = 2 },
            new LinkedInSyncError { EntityType = TrackedTypes.Candidate, EntityId = 5, Message = "d", OccurredAtUtc = Ago(1), Attempts = 1, ResolvedAtUtc = Ago(0) });
        db.OutboxMessages.AddRange(
            Row(Ago(120), null),                       // pending all hour
            Row(Ago(90), Ago(80)),                     // sent before the hour
            Row(Ago(90), Ago(40, 15)),                 // pending until 23:40 (index 19)
            Row(Ago(50, 10), Ago(45, 5)),              // created 23:30 (index 9), sent 23:35 (index 14)
            Row(Ago(20), null),                        // created 00:00 (index 39), pending
            Row(Ago(5), Ago(5, 30)),                   // created and sent within 00:15
            Row(Ago(30), null, TrackedTypes.Job));     // not the In-ATS sync's: job postings are counted elsewhere
        return await db.SaveChangesAsync();
    });

    [Fact]
    public async Task OnGet_KnownUsageErrorsAndOutbox_ChartsEachMinuteOfTheLastHour()
    {
        await ArrangeAsync();
        var client = await _factory.SignedInClientAsync(AtsData.Admin);

        var page = await client.GetDocumentAsync("/Admin/LinkedIn/Sync");

        var minutes = Enumerable.Range(0, 60).Select(i => Minute.AddMinutes(i - 59).ToString("HH:mm", CultureInfo.InvariantCulture)).ToArray();
        Assert.Equal("23:21", minutes[0]);
        var sent = new int[60];
        (sent[0], sent[29], sent[59]) = (5, 12, 7);
        var refused = new int[60];
        (refused[0], refused[49], refused[58]) = (1, 2, 1);
        var backlog = Enumerable.Range(0, 60).Select(i => i switch { < 9 => 2, < 14 => 3, < 19 => 2, < 39 => 1, _ => 2 }).ToArray();
        Assert.Equal(minutes.Select((m, i) => new[] { m, sent[i].ToString(CultureInfo.InvariantCulture), refused[i].ToString(CultureInfo.InvariantCulture) }),
            page.ChartRows("sync-records"));
        Assert.Equal(minutes.Select((m, i) => new[] { m, backlog[i].ToString(CultureInfo.InvariantCulture) }), page.ChartRows("sync-backlog"));
        var records = page.ChartData("sync-records");
        Assert.Equal(minutes, records.Labels);
        Assert.Equal(["Sent", "Refused"], records.Datasets.Select(d => d.Label));
        Assert.Equal(sent.Select(n => (double?)n), records.Datasets[0].Data);
        Assert.Equal(refused.Select(n => (double?)n), records.Datasets[1].Data);
        Assert.Equal(backlog.Select(n => (double?)n), Assert.Single(page.ChartData("sync-backlog").Datasets).Data);
        Assert.Equal("2", page.QuerySelector("[data-testid=backlog]")!.TextContent.Trim()); // the last minute is the backlog now
    }

    [Fact]
    public async Task OnGet_NothingInTheLastHour_ShowsSixtyMinutesOfZeros()
    {
        var client = await _factory.SignedInClientAsync(AtsData.Admin);

        var page = await client.GetDocumentAsync("/Admin/LinkedIn/Sync");

        var rows = page.ChartRows("sync-records");
        Assert.Equal(60, rows.Count);
        Assert.All(rows, r => Assert.Equal(["0", "0"], r[1..]));
        Assert.All(page.ChartRows("sync-backlog"), r => Assert.Equal("0", r[1]));
    }
}

public sealed class SyncActivitySqliteTests() : SyncActivityTests(DatabaseProvider.Sqlite);

public sealed class SyncActivityPostgreSqlTests() : SyncActivityTests(DatabaseProvider.PostgreSql);
