using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Attract.Core.Data;
using Attract.Core.LinkedIn;
using Attract.Soak;
using Attract.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Attract.EndToEnd;

/// <summary>
/// One end-to-end benchmark run (docs/benchmarks.md, "End to end"): the demo company seeded on SQLite; Attract and the
/// standalone simulator as separate processes; pages under concurrent load against <c>/health</c>; the integration
/// connected and enabled without a browser; then, while the first sync's backfill runs at LinkedIn's real quotas, the lag
/// of new candidates and of 1-click exports, the push answer time, the backfill's rate, and each process's memory.
/// </summary>
public static partial class EndToEndRun
{
    private const string Recruiter = "recruiter@contoso.test";
    private const string HiringManager = "hiring.manager@contoso.test";

    [GeneratedRegex("""data-testid="(plan-[a-z-]+)">([^<]*)<""")]
    private static partial Regex PlanRegex();

    public static async Task<EndToEndReport> RunAsync(EndToEndOptions options, TextWriter log, CancellationToken ct = default)
    {
        var report = new EndToEndReport { Options = options };
        var total = Stopwatch.StartNew();
        var (simulatorDll, attractDll) = SoakRun.FindBinaries(options.Configuration);
        var work = options.WorkDirectory ?? Path.Combine(Path.GetTempPath(), "attract-e2e-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(work);
        await log.WriteLineAsync($"e2e: {options.Candidates:N0} candidates; database, simulator store and logs in {work}");

        var simulatorUrl = $"http://127.0.0.1:{SoakProcess.FreePort()}";
        using var simulator = SoakRun.Simulator(simulatorDll, simulatorUrl, work);
        await simulator.StartAsync(TimeSpan.FromSeconds(60), ct);
        var port = SoakProcess.FreePort();
        var attractUrl = $"http://127.0.0.1:{port}";
        var databasePath = Path.Combine(work, "attract.db");
        var connection = $"Data Source={databasePath}";
        using var attract = new SoakProcess("attract", attractDll, [],
            SoakRun.DemoEnvironment("Sqlite", connection, options.Candidates, port, attractUrl, simulatorUrl),
            attractUrl, "/health", Path.Combine(work, "attract.log"));
        var seeding = Stopwatch.StartNew();
        await attract.StartAsync(TimeSpan.FromMinutes(30), ct);
        report.SeedAndStart = seeding.Elapsed;
        await log.WriteLineAsync($"e2e: simulator and Attract up; seeding and start took {seeding.Elapsed.TotalSeconds:F0} s");

        await using var database = Database(connection);
        using var anonymous = Client(attractUrl);
        using var recruiter = Client(attractUrl);
        using var hiringManager = Client(attractUrl);
        using var admin = Client(attractUrl);
        await SoakConnect.SignInAsync(recruiter, attractUrl, Recruiter, ct);
        await SoakConnect.SignInAsync(hiringManager, attractUrl, HiringManager, ct);
        await SoakConnect.SignInAsync(admin, attractUrl, SoakConnect.AdminEmail, ct);

        await PagesAsync(options, database, anonymous, recruiter, hiringManager, admin, report, log, ct);
        report.Memory.Add(Memory.Of("after the page load", attract, simulator));
        if (options.PagesOnly)
        {
            report.Total = total.Elapsed;
            await log.WriteLineAsync(report.ToString());
            return report;
        }

        using var sim = new HttpClient { BaseAddress = new Uri(simulatorUrl), Timeout = TimeSpan.FromSeconds(60) };
        var enabledAt = await ConnectAsync(database, sim, attractUrl, simulatorUrl, log, ct);
        var (jobCodes, _) = await SoakRun.PrepareAsync(database, sim, ct);
        var childClientId = await SoakRun.WithDbAsync(database, db => db.Set<LinkedInConnection>().Select(c => c.ChildClientId).SingleAsync(ct)) ?? "";
        var members = await SoakTraffic.MembersAsync(sim, options.ExportSamples + 1, ct);
        await SoakRun.WaitAsync(async () => await SoakTraffic.TryExportAsync(sim, childClientId, members[0], jobCodes[0], ct),
            "the benchmark's jobs to be listed at LinkedIn (a first 1-click export accepted)", TimeSpan.FromMinutes(5), ct);
        await log.WriteLineAsync("e2e: integration on and the backfill running; timing live changes and exports during it");

        report.ChangeLag = await Lag.SingleAsync(recruiter, attractUrl, database, options.LagSamples, ct);
        report.BurstLag = await Lag.BurstAsync(recruiter, attractUrl, database, options.BurstSize, ct);
        (report.ExportToProspect, report.PushAnswer) = await Lag.ExportsAsync(sim, database, childClientId, members.Skip(1).ToList(), jobCodes[0], ct);
        var watched = enabledAt + options.BackfillWindow - DateTime.UtcNow;
        if (watched > TimeSpan.Zero)
        {
            await Task.Delay(watched, ct);
        }
        report.Memory.Add(Memory.Of("during the backfill", attract, simulator));
        report.Backfill = await BackfillAsync(database, admin, attractUrl, enabledAt, ct);
        report.Total = total.Elapsed;
        await log.WriteLineAsync(report.ToString());
        return report;
    }

    private static HttpClient Client(string baseUrl) => new(new SocketsHttpHandler
    {
        AllowAutoRedirect = false,
        CookieContainer = new CookieContainer(),
        MaxConnectionsPerServer = 256,
        UseProxy = false,
    })
    { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>A DbContext on Attract's database for the benchmark's own reads (ids to load, outbox rows, usage counters).</summary>
    private static ServiceProvider Database(string connection) => new ServiceCollection()
        .AddSingleton(TimeProvider.System)
        .AddDbContext<AttractDbContext>(o => o.UseSqlite(connection, x => x.MigrationsAssembly(DatabaseSetup.SqliteMigrationsAssembly)))
        .BuildServiceProvider();

    /// <summary>Each page loaded by <see cref="EndToEndOptions.Users"/> users for the same time, between two loads of /health.</summary>
    private static async Task PagesAsync(EndToEndOptions options, ServiceProvider database, HttpClient anonymous, HttpClient recruiter,
        HttpClient hiringManager, HttpClient admin, EndToEndReport report, TextWriter log, CancellationToken ct)
    {
        var (candidateIds, largestJob, largestJobSize) = await SoakRun.WithDbAsync(database, async db =>
        {
            var ids = await db.Candidates.OrderBy(c => c.Id).Select(c => c.Id).ToListAsync(ct);
            var random = new Random(7);
            var sample = Enumerable.Range(0, 500).Select(_ => ids[random.Next(ids.Count)]).ToList();
            var job = await db.Applications.GroupBy(a => a.JobId).Select(g => new { JobId = g.Key, Count = g.Count() })
                .OrderByDescending(g => g.Count).FirstAsync(ct);
            return (sample, job.JobId, job.Count);
        });
        var pages = new (string Name, HttpClient Client, Func<int, string> Url)[]
        {
            ("/health", anonymous, _ => "/health"),
            ("home (recruiter)", recruiter, _ => "/"),
            ("job list (recruiter)", recruiter, _ => "/Jobs"),
            ("candidate page (recruiter, 500 candidates in turn)", recruiter, i => $"/Candidates/Details/{candidateIds[i % candidateIds.Count]}"),
            ("candidate search \"smith\" (recruiter)", recruiter, _ => "/Candidates?q=smith"),
            ($"pipeline of the largest job, {largestJobSize:N0} applications (admin)", admin, _ => $"/Jobs/Pipeline/{largestJob}"),
            ("job page of the largest job (admin)", admin, _ => $"/Jobs/Details/{largestJob}"),
            ("prospects (hiring manager)", hiringManager, _ => "/Prospects"),
            ("/health (again)", anonymous, _ => "/health"),
        }.Where(p => p.Name.StartsWith("/health", StringComparison.Ordinal) || options.PageFilter is null
            || options.PageFilter.Any(f => p.Name.Contains(f, StringComparison.OrdinalIgnoreCase))).ToArray();
        // One warm-up pass over every page first (JIT, EF's compiled queries, SQLite's page cache), so the first /health
        // load is not measured against a cold process.
        foreach (var (name, client, url) in pages)
        {
            await LoadDriver.RunAsync(name, client, url, options.Users, TimeSpan.Zero, options.PageWarmup, ct);
        }
        foreach (var (name, client, url) in pages)
        {
            var load = await LoadDriver.RunAsync(name, client, url, options.Users, options.PageWarmup, options.PageDuration, ct);
            report.Pages.Add(load);
            await log.WriteLineAsync($"e2e: {name}: {load.PerSecond:F1}/s, p95 {load.Latency.P95:F1} ms, {load.Failures} failed");
        }
    }

    /// <summary>Connects and enables the integration; returns when it was enabled (the backfill starts then).</summary>
    private static async Task<DateTime> ConnectAsync(ServiceProvider database, HttpClient sim, string attractUrl, string simulatorUrl, TextWriter log, CancellationToken ct)
    {
        await SoakConnect.ConnectAsync(attractUrl, simulatorUrl, log, ct);
        var childClientId = await SoakRun.WithDbAsync(database, db => db.Set<LinkedInConnection>().Select(c => c.ChildClientId).SingleAsync(ct))
            ?? throw new InvalidOperationException("No child application after connecting.");
        var enabledAt = DateTime.UtcNow;
        await SoakConnect.EnableAsync(sim, childClientId, ct);
        await SoakRun.WaitAsync(async () => await SoakRun.WithDbAsync(database, db => db.Set<LinkedInConnection>().AnyAsync(c => c.CompanyLevelEnabled && c.ContractLevelEnabled, ct)),
            "LinkedIn's status push to turn company- and contract-level access on", TimeSpan.FromSeconds(60), ct);
        return enabledAt;
    }

    /// <summary>
    /// The backfill's rate from Attract's own usage counters (records and requests per UTC minute, every instance), over
    /// the whole minutes since the integration was enabled, and the plan the sync page shows.
    /// </summary>
    private static async Task<BackfillFigures> BackfillAsync(ServiceProvider database, HttpClient admin, string attractUrl, DateTime enabledAt, CancellationToken ct)
    {
        var from = LinkedInUsage.MinuteOf(enabledAt).AddMinutes(1);
        var to = LinkedInUsage.MinuteOf(DateTime.UtcNow);
        var (minutes, pending) = await SoakRun.WithDbAsync(database, async db => (
            await db.Set<LinkedInUsage>().Where(u => u.MinuteUtc >= from && u.MinuteUtc < to).OrderBy(u => u.MinuteUtc)
                .Select(u => new { u.Records, u.Requests }).ToListAsync(ct),
            await db.OutboxMessages.CountAsync(o => o.ProcessedAtUtc == null && o.Backfill, ct)));
        var page = await admin.GetStringAsync(attractUrl + "/Admin/LinkedIn/Sync", ct);
        var plan = PlanRegex().Matches(page).ToDictionary(m => m.Groups[1].Value, m => WebUtility.HtmlDecode(m.Groups[2].Value).Trim());
        return new BackfillFigures(
            minutes.Count,
            minutes.Count == 0 ? 0 : minutes.Average(m => m.Records),
            minutes.Sum(m => m.Records) == 0 ? 0 : (double)minutes.Sum(m => m.Requests) / minutes.Sum(m => m.Records),
            pending,
            plan.GetValueOrDefault("plan-rows-left", "?"),
            plan.GetValueOrDefault("plan-eta", "?"),
            plan.GetValueOrDefault("plan-budget", "?"));
    }

    internal static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}

/// <summary>The first sync's rate: records a minute over whole minutes, requests per record, and what is left.</summary>
public sealed record BackfillFigures(int Minutes, double RecordsPerMinute, double RequestsPerRecord, int BackfillRowsPending, string PlanRowsLeft, string PlanEta, string PlanBudget);

/// <summary>A process's resident memory (VmRSS) and its peak (VmHWM) from /proc, in MB.</summary>
public sealed record Memory(string When, double AttractMb, double AttractPeakMb, double SimulatorMb, double SimulatorPeakMb)
{
    public static Memory Of(string when, SoakProcess attract, SoakProcess simulator)
    {
        var (a, ap) = Read(attract.ProcessIds[^1]);
        var (s, sp) = Read(simulator.ProcessIds[^1]);
        return new Memory(when, a, ap, s, sp);
    }

    private static (double Rss, double Peak) Read(int pid)
    {
        var path = $"/proc/{pid}/status";
        if (!File.Exists(path))
        {
            return (0, 0);
        }
        var lines = File.ReadAllLines(path);
        return (Kb(lines, "VmRSS:") / 1024.0, Kb(lines, "VmHWM:") / 1024.0);
    }

    private static long Kb(string[] lines, string key) =>
        lines.FirstOrDefault(l => l.StartsWith(key, StringComparison.Ordinal)) is { } line
            ? long.Parse(line[key.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture)
            : 0;
}
