using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Attract.Core.Common;
using Attract.Core.Data;
using Attract.Core.Jobs;
using Attract.Core.LinkedIn;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Attract.Soak;

/// <summary>
/// One soak run: the standalone simulator and three Attract processes on one PostgreSQL database; connect and enable the
/// integration; live traffic and 1-click exports while LinkedIn fails (30% 500s, 10% 429s, latency, delayed and, for a
/// while, dropped pushes); one instance killed with SIGKILL and restarted; faults cleared; the backlog drained; then every
/// candidate and application at LinkedIn compared with Attract's latest state. See docs/reliability.md, "Soak".
/// </summary>
public static class SoakRun
{
    public const int Instances = 3;
    private const string Seat = "urn:li:seat:9002";
    private static readonly string[] InAtsTypes = [TrackedTypes.Candidate, TrackedTypes.Application, TrackedTypes.StageMove, TrackedTypes.Note, TrackedTypes.Feedback];
    private static readonly string[] OpenPushStatuses = ["PENDING", "RETRYING"];

    public static async Task<SoakReport> RunAsync(SoakOptions options, TextWriter log, CancellationToken ct = default)
    {
        var report = new SoakReport();
        var total = Stopwatch.StartNew();
        var (simulatorDll, attractDll) = FindBinaries(options.Configuration);
        var work = options.WorkDirectory ?? Path.Combine(Path.GetTempPath(), "attract-soak-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(work);
        await log.WriteLineAsync($"soak: logs and the simulator's store in {work}");

        var simulatorUrl = $"http://127.0.0.1:{SoakProcess.FreePort()}";
        using var simulator = Simulator(simulatorDll, simulatorUrl, work);
        await simulator.StartAsync(TimeSpan.FromSeconds(60), ct);

        var ports = Enumerable.Range(0, Instances).Select(_ => SoakProcess.FreePort()).ToList();
        // Pushes (status changes, exports) go to the first instance's URL: LinkedIn knows one callback URL, which in
        // production is the load balancer's. When that instance is the one killed, LinkedIn retries them (1 s, 2 s, 4 s…).
        var publicUrl = $"http://127.0.0.1:{ports[0]}";
        var attract = ports.Select((port, i) => new SoakProcess($"attract-{i + 1}", attractDll, [],
            AttractEnvironment(options, port, publicUrl, simulatorUrl), $"http://127.0.0.1:{port}", "/health",
            Path.Combine(work, $"attract-{i + 1}.log"))).ToList();
        await using var database = SoakTraffic.Database(options.PostgresConnectionString);
        using var sim = new HttpClient { BaseAddress = new Uri(simulatorUrl), Timeout = TimeSpan.FromSeconds(60) };
        try
        {
            var stage = await ConnectPhaseAsync(options, attract, database, sim, publicUrl, simulatorUrl, log, ct);
            await TrafficPhaseAsync(options, attract, stage, report, log, ct);
            await DrainPhaseAsync(options, database, sim, report, log, ct);
            await SoakComparison.CompareAsync(database, sim, stage.ChildClientId, report, ct);
            await SoakComparison.CountAsync(database, sim, attract, report, ct);
        }
        finally
        {
            foreach (var instance in attract)
            {
                instance.Dispose();
            }
        }
        report.TotalDuration = total.Elapsed;
        await log.WriteLineAsync(report.ToString());
        return report;
    }

    /// <summary>What the connect phase leaves for the traffic: the integration's child application, jobs and people.</summary>
    private sealed record Stage(ServiceProvider Database, HttpClient Sim, string ChildClientId, List<string> JobCodes, string InterviewerId, List<string> Members);

    public static SoakProcess Simulator(string simulatorDll, string simulatorUrl, string work) => new("simulator", simulatorDll, [], new Dictionary<string, string>
    {
        ["Simulator__Urls"] = simulatorUrl,
        ["Simulator__DatabasePath"] = Path.Combine(work, "linkedin-simulator.db"),
        ["Simulator__ConsoleLogging"] = "false",
        ["Simulator__PushRetryBaseDelay"] = "00:00:01",
        ["Simulator__MaxPushRetries"] = "8",
        ["Simulator__ExportsPerSeatPerMonth"] = "1000000",
        ["Simulator__MemberCount"] = "2000",
    }, simulatorUrl, "/_sim/faults", Path.Combine(work, "simulator.log"));

    /// <summary>
    /// 1. Starts the three instances at once (they take turns migrating and seeding under the start-up lock, which a
    /// waiting instance holds out for however long the demo seed takes), connects and enables the integration, and waits
    /// until LinkedIn lists the soak's jobs.
    /// </summary>
    private static async Task<Stage> ConnectPhaseAsync(SoakOptions options, List<SoakProcess> attract, ServiceProvider database, HttpClient sim,
        string publicUrl, string simulatorUrl, TextWriter log, CancellationToken ct)
    {
        var started = Stopwatch.StartNew();
        var startTimeout = TimeSpan.FromMinutes(options.Candidates > 2_000 ? 30 : 5);
        await Task.WhenAll(attract.Where(a => !a.IsRunning).Select(a => a.StartAsync(startTimeout, ct)));
        await log.WriteLineAsync($"soak: simulator and {Instances} Attract instances up in {started.Elapsed.TotalSeconds:F0} s");
        await SoakConnect.ConnectAsync(publicUrl, simulatorUrl, log, ct);
        var childClientId = await WithDbAsync(database, db => db.Set<LinkedInConnection>().Select(c => c.ChildClientId).SingleAsync(ct))
            ?? throw new InvalidOperationException("No child application after connecting.");
        await SoakConnect.EnableAsync(sim, childClientId, ct);
        await WaitAsync(async () => await WithDbAsync(database, db => db.Set<LinkedInConnection>().AnyAsync(c => c.CompanyLevelEnabled && c.ContractLevelEnabled, ct)),
            "LinkedIn's status push to turn company- and contract-level access on", TimeSpan.FromSeconds(60), ct);
        var (jobCodes, interviewerId) = await PrepareAsync(database, sim, ct);
        var members = await SoakTraffic.MembersAsync(sim, 1500, ct);
        // The jobs reach LinkedIn through the job-posting sync; an export is possible once they are listed there.
        await WaitAsync(async () => await SoakTraffic.TryExportAsync(sim, childClientId, members[0], jobCodes[0], ct),
            "the soak jobs to be listed at LinkedIn (a first 1-click export accepted)", TimeSpan.FromMinutes(2), ct);
        await log.WriteLineAsync($"soak: integration on, jobs {string.Join(", ", jobCodes)} listed at LinkedIn; traffic with faults for {options.TrafficDuration.TotalSeconds:F0} s");
        return new Stage(database, sim, childClientId, jobCodes, interviewerId, members);
    }

    /// <summary>
    /// 2-3. Traffic under faults (30% 500s, 10% 429s, latency, delayed pushes, and for 15% of the time dropped ones); one
    /// instance killed while it holds leases, and restarted.
    /// </summary>
    private static async Task TrafficPhaseAsync(SoakOptions options, List<SoakProcess> attract, Stage stage, SoakReport report, TextWriter log, CancellationToken ct)
    {
        var faults = new JsonObject
        {
            ["errorRate"] = 0.3,
            ["tooManyRequestsRate"] = 0.1,
            ["latencyMs"] = options.FaultLatencyMs,
            ["callbackDelayMs"] = options.CallbackDelayMs,
            ["dropCallbacks"] = false,
            ["liftRateLimits"] = options.LiftRateLimits,
        };
        await SetFaultsAsync(stage.Sim, faults, ct);
        var traffic = new SoakTraffic(stage.Database, stage.Sim, stage.ChildClientId, stage.JobCodes, stage.InterviewerId, stage.Members.Skip(1).ToList(), options);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var trafficClock = Stopwatch.StartNew();
        var running = traffic.RunAsync(stop.Token);
        await Task.Delay(options.TrafficDuration * 0.3, ct);
        // Kill an instance while it holds leases (mid-drain), watching for up to 15% of the traffic phase; failing
        // that, the one that did the most work (the clustered Quartz store tends to give the drain to one node).
        var victim = await SoakComparison.VictimAsync(stage.Database, attract, trafficClock.Elapsed + options.TrafficDuration * 0.15, trafficClock, ct);
        victim.KillHard();
        var killedAt = trafficClock.Elapsed;
        await log.WriteLineAsync($"soak: kill -9 {victim.Name} (pid {victim.ProcessIds[^1]}) at {killedAt.TotalSeconds:F0} s");
        var down = options.TrafficDuration * 0.5 - killedAt;
        await Task.Delay(down > TimeSpan.FromSeconds(5) ? down : TimeSpan.FromSeconds(5), ct);
        var restart = victim.StartAsync(TimeSpan.FromMinutes(5), ct);
        await log.WriteLineAsync($"soak: restarting {victim.Name} at {trafficClock.Elapsed.TotalSeconds:F0} s");
        await Task.Delay(options.TrafficDuration * 0.1, ct);
        faults["dropCallbacks"] = true;
        await SetFaultsAsync(stage.Sim, faults, ct);
        await Task.Delay(options.TrafficDuration * 0.15, ct);
        faults["dropCallbacks"] = false;
        await SetFaultsAsync(stage.Sim, faults, ct);
        await Task.Delay(options.TrafficDuration * 0.25, ct);
        await stop.CancelAsync();
        await running;
        report.TrafficDuration = trafficClock.Elapsed;
        await restart;
        report.InstanceKilledAndRestarted = victim.ProcessIds.Count == 2 && victim.IsRunning;
        report.KilledProcess = victim.Name;
        report.ChangesMade = traffic.Changes;
        report.ExportsRequested = traffic.ExportsRequested + 1;
        if (traffic.Failures > 0)
        {
            report.Notes.Add($"{traffic.Failures} writes failed and changed nothing; the first: {traffic.FirstFailure}");
        }
    }

    /// <summary>4. Clears the faults and times the backlog's drain.</summary>
    private static async Task DrainPhaseAsync(SoakOptions options, ServiceProvider database, HttpClient sim, SoakReport report, TextWriter log, CancellationToken ct)
    {
        if (options.LiftRateLimits)
        {
            await SetFaultsAsync(sim, new JsonObject { ["liftRateLimits"] = true }, ct);
        }
        else
        {
            (await sim.DeleteAsync("/_sim/faults", ct)).EnsureSuccessStatusCode();
        }
        var drain = Stopwatch.StartNew();
        await log.WriteLineAsync($"soak: {report.ChangesMade} changes and {report.ExportsRequested} exports made; faults cleared, draining");
        await WaitAsync(async () => await BacklogAsync(database, sim, ct) == 0, "the backlog to drain after the faults cleared", options.DrainTimeout, ct);
        report.DrainTime = drain.Elapsed;
    }

    private static Dictionary<string, string> AttractEnvironment(SoakOptions options, int port, string publicUrl, string simulatorUrl)
    {
        var environment = BaseEnvironment(options, port, publicUrl, simulatorUrl);
        if (options.LiftRateLimits)
        {
            // Attract's client enforces LinkedIn's quotas itself (10,000 records a minute, 100,000 requests a day per
            // resource); when they are lifted at LinkedIn, they are lifted in the client's configuration too.
            environment["LinkedIn__Recruiter__Quotas__RecordsPerMinute"] = "10000000";
            environment["LinkedIn__Recruiter__Quotas__DailyRequests"] = "100000000";
        }
        return environment;
    }

    private static Dictionary<string, string> BaseEnvironment(SoakOptions options, int port, string publicUrl, string simulatorUrl)
    {
        var environment = DemoEnvironment("PostgreSql", options.PostgresConnectionString, options.Candidates, port, publicUrl, simulatorUrl);
        environment["LinkedIn__Sync__DrainInterval"] = "00:00:02";
        environment["LinkedIn__Sync__Backoff__Max"] = options.BackoffMax.ToString("c", CultureInfo.InvariantCulture);
        environment["RateLimits__Push__PermitLimit"] = "100000";
        return environment;
    }

    /// <summary>
    /// An Attract process with the demo company (<paramref name="candidates"/> candidates) on the given database, its
    /// LinkedIn client pointed at the standalone simulator, and the in-process simulator off.
    /// </summary>
    public static Dictionary<string, string> DemoEnvironment(string provider, string connectionString, int candidates, int port, string publicUrl, string simulatorUrl) => new()
    {
        ["ASPNETCORE_ENVIRONMENT"] = "Testing",
        ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}",
        ["Database__Provider"] = provider,
        ["ConnectionStrings__Attract"] = connectionString,
        ["Attract__SeedDemoData"] = "true",
        ["Attract__SeedDemoCompany"] = "true",
        ["Attract__DemoCandidates"] = candidates.ToString(CultureInfo.InvariantCulture),
        ["DataProtection__AllowUnencryptedKeys"] = "true",
        ["LinkedIn__Simulator__Enabled"] = "false",
        ["LinkedIn__TenantId"] = "attract-soak",
        ["LinkedIn__PublicBaseUrl"] = publicUrl,
        ["LinkedIn__Recruiter__ApiBaseUrl"] = simulatorUrl,
        ["LinkedIn__Recruiter__OAuthBaseUrl"] = simulatorUrl,
        ["LinkedIn__Recruiter__PlatformBaseUrl"] = simulatorUrl,
        ["LinkedIn__Recruiter__ParentClientId"] = "attract-dev-partner",
        ["LinkedIn__Recruiter__ParentClientSecret"] = "attract-dev-partner-secret",
        ["Serilog__MinimumLevel__Default"] = "Warning",
    };

    /// <summary>Links the recruiter's seat (what Settings → LinkedIn stores) and opens the jobs the traffic uses.</summary>
    public static async Task<(List<string> JobCodes, string InterviewerId)> PrepareAsync(ServiceProvider database, HttpClient sim, CancellationToken ct)
    {
        var accounts = JsonNode.Parse(await sim.GetStringAsync("/_sim/accounts", ct)) as JsonArray ?? [];
        var seat = accounts.Single(a => a!["seat"]!.GetValue<string>() == Seat)!;
        return await WithDbAsync(database, async db =>
        {
            var users = await db.Users.Where(u => u.Email!.EndsWith("@contoso.test")).ToDictionaryAsync(u => u.Email!, u => u.Id, ct);
            db.Add(new LinkedInUserLink
            {
                UserId = users["recruiter@contoso.test"],
                PersonUrn = seat["member"]!.GetValue<string>(),
                LinkedInName = "Soak Recruiter",
                SeatUrn = Seat,
                ContractUrn = SoakConnect.Contract,
                ConnectedAtUtc = DateTime.UtcNow,
            });
            var number = await db.Jobs.MaxAsync(j => (int?)j.Number, ct) ?? 1000;
            var jobs = new List<Job>();
            for (var i = 1; i <= 3; i++)
            {
                var job = Job.Create(number + i, $"Soak Engineer {i}", "Engineering", DateTime.UtcNow);
                job.City = "Berlin";
                job.Country = "Germany";
                job.Description = "Keep Attract and LinkedIn in step.";
                job.AssignTeamMember(users["recruiter@contoso.test"], TeamRole.Recruiter);
                job.AssignTeamMember(users["hiring.manager@contoso.test"], TeamRole.HiringManager);
                job.AssignTeamMember(users["interviewer@contoso.test"], TeamRole.Interviewer);
                job.Activate(DateTime.UtcNow);
                jobs.Add(job);
            }
            db.Jobs.AddRange(jobs);
            await db.SaveChangesAsync(ct);
            return (jobs.Select(j => j.Code).ToList(), users["interviewer@contoso.test"]);
        });
    }

    /// <summary>Work not yet done: in-ATS outbox rows, received exports, and pushes LinkedIn still has to deliver.</summary>
    private static async Task<int> BacklogAsync(ServiceProvider database, HttpClient sim, CancellationToken ct)
    {
        var (rows, exports) = await WithDbAsync(database, async db => (
            await db.OutboxMessages.CountAsync(o => o.ProcessedAtUtc == null && InAtsTypes.Contains(o.EntityType), ct),
            await db.Set<LinkedInNotification>().CountAsync(n => n.Status == LinkedInNotificationStatus.Received, ct)));
        var pushes = JsonNode.Parse(await sim.GetStringAsync("/_sim/pushes", ct)) as JsonArray ?? [];
        return rows + exports + pushes.Count(p => OpenPushStatuses.Contains(p!["status"]!.GetValue<string>()));
    }

    /// <summary>The process id in a lease owner token (<c>machine/pid:purpose:random</c>); 0 when it has none.</summary>
    public static int ProcessIdOf(string owner)
    {
        var head = owner.Split(':')[0];
        var slash = head.LastIndexOf('/');
        return slash >= 0 && int.TryParse(head[(slash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var pid) ? pid : 0;
    }

    internal static long Epoch(DateTime utc) => new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)).ToUnixTimeMilliseconds();

    private static async Task SetFaultsAsync(HttpClient sim, JsonObject faults, CancellationToken ct) =>
        (await sim.PostAsJsonAsync("/_sim/faults", faults, ct)).EnsureSuccessStatusCode();

    public static async Task<T> WithDbAsync<T>(ServiceProvider database, Func<AttractDbContext, Task<T>> work)
    {
        await using var scope = database.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<AttractDbContext>());
    }

    public static async Task WaitAsync(Func<Task<bool>> condition, string what, TimeSpan timeout, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Timed out after {timeout.TotalSeconds:0} s waiting for {what}.");
            }
            await Task.Delay(500, ct);
        }
    }

    /// <summary>The simulator's and Attract's built entry points, next to this harness's build configuration.</summary>
    public static (string Simulator, string Attract) FindBinaries(string? configuration)
    {
        var here = new DirectoryInfo(AppContext.BaseDirectory);
        var root = here;
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Attract.sln")))
        {
            root = root.Parent;
        }
        if (root is null)
        {
            throw new InvalidOperationException($"The soak harness runs from a build inside the repository; no Attract.sln above {AppContext.BaseDirectory}.");
        }
        // .../bin/<Configuration>/net10.0/
        configuration ??= here.Parent?.Name ?? "Release";
        var simulator = Path.Combine(root.FullName, "src", "LinkedIn.Simulator", "bin", configuration, "net10.0", "LinkedIn.Simulator.dll");
        var attract = Path.Combine(root.FullName, "src", "Attract.Web", "bin", configuration, "net10.0", "Attract.Web.dll");
        foreach (var dll in new[] { simulator, attract })
        {
            if (!File.Exists(dll))
            {
                throw new FileNotFoundException($"The soak harness starts {dll}, which is not built: dotnet build bench/Attract.Soak -c {configuration}.", dll);
            }
        }
        return (simulator, attract);
    }
}
