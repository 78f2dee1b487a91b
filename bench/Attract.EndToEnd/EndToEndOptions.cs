namespace Attract.EndToEnd;

/// <summary>How an end-to-end benchmark run is shaped. <see cref="Smoke"/> is what CI runs to keep the tool working.</summary>
public sealed class EndToEndOptions
{
    /// <summary>Demo-company candidates Attract seeds at its first start (the jobs, applications and prospects scale with them).</summary>
    public int Candidates { get; init; } = 100_000;

    /// <summary>Concurrent users of the page load (each a loop of requests, signed in as the page's role).</summary>
    public int Users { get; init; } = 32;

    /// <summary>How long each page is loaded after its warm-up.</summary>
    public TimeSpan PageDuration { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>Warm-up before each page's measured window (JIT, caches, connection pool).</summary>
    public TimeSpan PageWarmup { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>Single changes timed one after another (each waits until LinkedIn acknowledged it).</summary>
    public int LagSamples { get; init; } = 20;

    /// <summary>Changes made at once for the burst figure.</summary>
    public int BurstSize { get; init; } = 30;

    /// <summary>1-click exports timed one after another (60, so that p95 is not just the second-slowest of 20).</summary>
    public int ExportSamples { get; init; } = 60;

    /// <summary>How long the backfill's rate is watched (whole UTC minutes inside it count).</summary>
    public TimeSpan BackfillWindow { get; init; } = TimeSpan.FromMinutes(4);

    /// <summary>Where the database, the simulator's store and the logs go (a new temporary folder when null).</summary>
    public string? WorkDirectory { get; init; }

    /// <summary>The build configuration whose binaries are started (defaults to the benchmark's own).</summary>
    public string? Configuration { get; init; }

    public bool IsSmoke { get; init; }

    /// <summary>Only the page loads (no integration, no backfill): for iterating on a page against a seeded work folder.</summary>
    public bool PagesOnly { get; init; }

    /// <summary>When set, only the pages whose name contains one of these (and /health) are loaded.</summary>
    public IReadOnlyList<string>? PageFilter { get; init; }

    public static EndToEndOptions Smoke() => new()
    {
        Candidates = 300,
        Users = 4,
        PageDuration = TimeSpan.FromSeconds(1),
        PageWarmup = TimeSpan.FromMilliseconds(300),
        LagSamples = 3,
        BurstSize = 4,
        ExportSamples = 2,
        BackfillWindow = TimeSpan.FromSeconds(10),
        IsSmoke = true,
    };
}
