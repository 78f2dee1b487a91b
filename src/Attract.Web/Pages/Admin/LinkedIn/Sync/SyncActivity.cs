using System.Globalization;
using Attract.Core.Data;
using Attract.Core.LinkedIn;
using Attract.Web.Infrastructure;
using Attract.Web.Integrations.LinkedIn.Sync;
using Microsoft.EntityFrameworkCore;

namespace Attract.Web.Pages.Admin.LinkedIn.Sync;

/// <summary>
/// The sync status page's last hour, per UTC minute (the current minute last, so far): records sent to LinkedIn (the shared
/// <see cref="LinkedInUsage"/> rows, as flushed every few seconds), records LinkedIn refused (<see cref="LinkedInSyncError"/>
/// rows by their latest refusal), and the backlog at the end of each minute (now for the current one) from the sync's outbox
/// rows: those created by then and not yet processed by then. Every query is bounded to the hour or to the backlog and
/// grouped in the database by hour and minute of the day, which identify a minute of a one-hour window on every provider.
/// </summary>
public sealed record SyncActivity(IReadOnlyList<DateTime> Minutes, IReadOnlyList<int> Sent, IReadOnlyList<int> Refused, IReadOnlyList<int> Backlog)
{
    public const int WindowMinutes = 60;

    /// <summary>The index of a row before the window; past the window's end is <see cref="WindowMinutes"/>.</summary>
    private const int Before = -1;

    public static async Task<SyncActivity> LoadAsync(AttractDbContext db, DateTime nowUtc, CancellationToken ct = default)
    {
        var start = LinkedInUsage.MinuteOf(nowUtc).AddMinutes(1 - WindowMinutes);
        var minutes = Enumerable.Range(0, WindowMinutes).Select(i => start.AddMinutes(i)).ToList();
        var startKey = start.Hour * 60 + start.Minute;
        int Index(int key) => key == Before ? Before : Math.Min(WindowMinutes, (key - startKey + 1440) % 1440);

        var sent = new int[WindowMinutes];
        var usage = await db.Set<LinkedInUsage>().AsNoTracking().Where(u => u.MinuteUtc >= start)
            .Select(u => new { u.MinuteUtc, u.Records }).ToListAsync(ct);
        foreach (var u in usage.Where(u => u.MinuteUtc <= minutes[^1]))
        {
            sent[(int)(u.MinuteUtc - start).TotalMinutes] += u.Records;
        }

        var refused = new int[WindowMinutes];
        var errors = await db.Set<LinkedInSyncError>().AsNoTracking().Where(e => e.OccurredAtUtc >= start)
            .GroupBy(e => e.OccurredAtUtc.Hour * 60 + e.OccurredAtUtc.Minute).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        foreach (var e in errors.Where(e => Index(e.Key) < WindowMinutes))
        {
            refused[Index(e.Key)] += e.Count;
        }

        // Backlog at the end of minute i: rows created in minute ≤ i and processed in a minute > i (or not yet).
        var types = LinkedInSyncDrain.EntityTypes;
        var outbox = db.OutboxMessages.AsNoTracking().Where(o => types.Contains(o.EntityType));
        var pending = await outbox.Where(o => o.ProcessedAtUtc == null)
            .GroupBy(o => o.OccurredAtUtc < start ? Before : o.OccurredAtUtc.Hour * 60 + o.OccurredAtUtc.Minute)
            .Select(g => new { Created = g.Key, Count = g.Count() }).ToListAsync(ct);
        var processed = await outbox.Where(o => o.ProcessedAtUtc >= start)
            .GroupBy(o => new { Created = o.OccurredAtUtc < start ? Before : o.OccurredAtUtc.Hour * 60 + o.OccurredAtUtc.Minute, Processed = o.ProcessedAtUtc!.Value.Hour * 60 + o.ProcessedAtUtc.Value.Minute })
            .Select(g => new { g.Key.Created, g.Key.Processed, Count = g.Count() }).ToListAsync(ct);
        var spans = pending.Select(p => (Created: Index(p.Created), Processed: WindowMinutes, p.Count))
            .Concat(processed.Select(p => (Created: Index(p.Created), Processed: Index(p.Processed), p.Count))).ToList();
        var backlog = minutes.Select((_, i) => spans.Where(s => s.Created <= i && s.Processed > i).Sum(s => s.Count)).ToList();
        return new SyncActivity(minutes, sent, refused, backlog);
    }

    private IReadOnlyList<string> Labels => [.. Minutes.Select(m => m.ToString("HH:mm", CultureInfo.InvariantCulture))];

    public ChartFigure RecordsChart => new("sync-records", ChartKind.Line,
        "Records sent to LinkedIn and refused by LinkedIn per minute, last hour (UTC)", "Minute (UTC)", Labels,
        [new ChartSeries("Sent", [.. Sent.Select(n => (double?)n)]), new ChartSeries("Refused", [.. Refused.Select(n => (double?)n)])]);

    public ChartFigure BacklogChart => new("sync-backlog", ChartKind.Line,
        "Backlog (changes not yet sent) at the end of each minute, last hour (UTC)", "Minute (UTC)", Labels,
        [new ChartSeries("Backlog", [.. Backlog.Select(n => (double?)n)])]);
}
