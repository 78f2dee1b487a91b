using System.Globalization;
using System.Text;
using LinkedIn.Recruiter;

namespace Attract.EndToEnd;

/// <summary>The figures of one end-to-end run, printed as one table (<see cref="ToString"/>).</summary>
public sealed class EndToEndReport
{
    /// <summary>LinkedIn's records-a-minute limit the client keeps to (the client's default quota; the simulator's is the same).</summary>
    public static readonly int RecordsPerMinuteLimit = new LinkedInQuotaOptions().RecordsPerMinute;

    public required EndToEndOptions Options { get; init; }

    public List<PageLoad> Pages { get; } = [];

    public Percentiles ChangeLag { get; set; } = Percentiles.Of([]);

    public Percentiles BurstLag { get; set; } = Percentiles.Of([]);

    public Percentiles ExportToProspect { get; set; } = Percentiles.Of([]);

    public Percentiles PushAnswer { get; set; } = Percentiles.Of([]);

    public BackfillFigures? Backfill { get; set; }

    public List<Memory> Memory { get; } = [];

    public TimeSpan SeedAndStart { get; set; }

    public TimeSpan Total { get; set; }

    /// <summary>Requests a second /health answered: the mean of its loads before and after the pages.</summary>
    public double HealthPerSecond => Pages.Where(p => p.Page.StartsWith("/health", StringComparison.Ordinal)).Select(p => p.PerSecond).DefaultIfEmpty(0).Average();

    public double Ratio(PageLoad page) => HealthPerSecond == 0 ? 0 : page.PerSecond / HealthPerSecond;

    public override string ToString()
    {
        var s = new StringBuilder();
        var c = CultureInfo.InvariantCulture;
        s.AppendLine(c, $"End-to-end benchmark: {Options.Candidates:N0} demo candidates on SQLite, {Options.Users} concurrent users, {Options.PageDuration.TotalSeconds:0.#} s a page; seeding and start {SeedAndStart.TotalSeconds:F0} s, whole run {Total.TotalMinutes:F1} min");
        s.AppendLine();
        s.AppendLine("| page | requests/s | ratio to /health | p50 ms | p95 ms | p99 ms | KB | failed |");
        s.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var p in Pages)
        {
            s.AppendLine(c, $"| {p.Page} | {p.PerSecond:F1} | {Ratio(p):F3} | {p.Latency.P50:F1} | {p.Latency.P95:F1} | {p.Latency.P99:F1} | {p.MeanBytes / 1024.0:F1} | {p.Failures} |");
        }
        s.AppendLine();
        s.AppendLine("| sync, while the first sync's backfill runs | samples | p50 ms | p95 ms | p99 ms |");
        s.AppendLine("|---|---:|---:|---:|---:|");
        Row(s, "new candidate → acknowledged by LinkedIn, one at a time", ChangeLag);
        Row(s, $"new candidate → acknowledged by LinkedIn, {Options.BurstSize} at once", BurstLag);
        Row(s, "1-click export → in the job's Prospect stage", ExportToProspect);
        Row(s, "1-click export push → answered by Attract (seen delivered)", PushAnswer);
        if (Backfill is { } b)
        {
            s.AppendLine();
            s.AppendLine("| backfill (first sync) | value |");
            s.AppendLine("|---|---:|");
            s.AppendLine(c, $"| whole minutes watched | {b.Minutes} |");
            s.AppendLine(c, $"| records a minute | {b.RecordsPerMinute:N0} |");
            s.AppendLine(c, $"| ratio to the limit ({RecordsPerMinuteLimit:N0} a minute) | {b.RecordsPerMinute / RecordsPerMinuteLimit:F3} |");
            s.AppendLine(c, $"| requests per record | {b.RequestsPerRecord:F4} |");
            s.AppendLine(c, $"| backfill rows still queued | {b.BackfillRowsPending:N0} |");
            s.AppendLine(c, $"| sync page: records left / today's budget / ETA | {b.PlanRowsLeft} / {b.PlanBudget} / {b.PlanEta} |");
        }
        s.AppendLine();
        s.AppendLine("| memory (MB) | Attract RSS | Attract peak | simulator RSS | simulator peak |");
        s.AppendLine("|---|---:|---:|---:|---:|");
        foreach (var m in Memory)
        {
            s.AppendLine(c, $"| {m.When} | {m.AttractMb:F0} | {m.AttractPeakMb:F0} | {m.SimulatorMb:F0} | {m.SimulatorPeakMb:F0} |");
        }
        return s.ToString();
    }

    private static void Row(StringBuilder s, string what, Percentiles p) =>
        s.AppendLine(CultureInfo.InvariantCulture, $"| {what} | {p.Count} | {p.P50:F0} | {p.P95:F0} | {p.P99:F0} |");
}
