namespace Attract.Soak;

/// <summary>How a soak run is shaped. <see cref="Short"/> is what CI runs; <see cref="Long"/> is the documented long run.</summary>
public sealed class SoakOptions
{
    /// <summary>Connection string of an empty PostgreSQL database the three Attract instances share.</summary>
    public required string PostgresConnectionString { get; init; }

    /// <summary>Demo-company candidates seeded at start-up (sent to LinkedIn by the backfill once the integration is on).</summary>
    public int Candidates { get; init; } = 150;

    /// <summary>How long live traffic runs with the faults on.</summary>
    public TimeSpan TrafficDuration { get; init; } = TimeSpan.FromSeconds(40);

    /// <summary>Concurrent writers of ATS changes (each owns its own entities, so writers never conflict).</summary>
    public int Writers { get; init; } = 2;

    /// <summary>Pause between one writer's changes (zero: as fast as the database takes them).</summary>
    public TimeSpan WriterPause { get; init; } = TimeSpan.FromMilliseconds(40);

    /// <summary>Share of changes that are 1-click exports made at LinkedIn.</summary>
    public double ExportShare { get; init; } = 0.05;

    /// <summary>Added latency of every API call at LinkedIn while the faults are on.</summary>
    public int FaultLatencyMs { get; init; } = 150;

    /// <summary>Delay of every push while the faults are on.</summary>
    public int CallbackDelayMs { get; init; } = 1500;

    /// <summary>Lift LinkedIn's per-minute and daily quotas (the long mode sends more than the simulator's defaults allow).</summary>
    public bool LiftRateLimits { get; init; }

    /// <summary>The drain's retry backoff cap (<c>LinkedIn:Sync:Backoff:Max</c>); bounds the wait after the faults clear.</summary>
    public TimeSpan BackoffMax { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>How long to wait, at most, for the backlog to drain once the faults are cleared.</summary>
    public TimeSpan DrainTimeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Where the processes' logs and the simulator's store go (a new temporary folder when null).</summary>
    public string? WorkDirectory { get; init; }

    /// <summary>The build configuration whose binaries are started (defaults to the harness's own).</summary>
    public string? Configuration { get; init; }

    public static SoakOptions Short(string postgres) => new() { PostgresConnectionString = postgres };

    public static SoakOptions Long(string postgres, int candidates = 100_000, int minutes = 10) => new()
    {
        PostgresConnectionString = postgres,
        Candidates = candidates,
        TrafficDuration = TimeSpan.FromMinutes(minutes),
        Writers = 3,
        WriterPause = TimeSpan.Zero,
        LiftRateLimits = true,
        BackoffMax = TimeSpan.FromMinutes(2),
        DrainTimeout = TimeSpan.FromMinutes(60),
    };
}
