using Attract.Web.Infrastructure;
using Quartz;

namespace Attract.Web.Integrations.LinkedIn.Sync;

/// <summary>
/// Quartz job running the live lane of the outbox drain every <c>LinkedIn:Sync:DrainInterval</c> and on demand
/// (<see cref="ILinkedInSignals"/>). The backfill lane has its own job (<see cref="LinkedInBackfillJob"/>), so the two run
/// side by side and a live change never waits for a round of backfill rows.
/// </summary>
[DisallowConcurrentExecution]
public sealed partial class LinkedInSyncJob(LinkedInSyncDrain drain, ILogger<LinkedInSyncJob> logger) : IJob
{
    public static readonly JobKey Key = new("linkedin-sync-drain", "linkedin");

    public static void Configure(IQuartzBuilder quartz, IConfiguration config)
    {
        ArgumentNullException.ThrowIfNull(quartz);
        var interval = config.GetValue("LinkedIn:Sync:DrainInterval", TimeSpan.FromSeconds(5));
        if (interval <= TimeSpan.Zero)
        {
            interval = TimeSpan.FromSeconds(5);
        }
        quartz.AddJob<LinkedInSyncJob>(j => j.WithIdentity(Key).StoreDurably());
        quartz.AddJob<LinkedInBackfillJob>(j => j.WithIdentity(LinkedInBackfillJob.Key).StoreDurably());
        if (!LinkedInBackgroundOptions.From(config).RunInBackground)
        {
            return;
        }
        quartz.AddTrigger(t => t.ForJob(Key).WithIdentity("linkedin-sync-drain-interval", "linkedin")
            .StartAt(DateTimeOffset.UtcNow + interval)
            .WithSimpleSchedule(s => s.WithInterval(interval).RepeatForever()));
        quartz.AddTrigger(t => t.ForJob(LinkedInBackfillJob.Key).WithIdentity("linkedin-sync-backfill-interval", "linkedin")
            .StartAt(DateTimeOffset.UtcNow + interval)
            .WithSimpleSchedule(s => s.WithInterval(interval).RepeatForever()));
    }

    public ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        RunAsync(drain, SyncLanes.Live, logger, cancellationToken);

    internal static async ValueTask RunAsync(LinkedInSyncDrain drain, SyncLanes lanes, ILogger logger, CancellationToken cancellationToken)
    {
        using var activity = AttractMetrics.ActivitySource.StartActivity(lanes == SyncLanes.Backfill ? "linkedin.sync.backfill" : "linkedin.sync.drain");
        try
        {
            var done = await drain.DrainAsync(lanes, cancellationToken); // not inside ?. : that would skip the call when nobody listens
            activity?.SetTag("attract.rows_processed", done);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            activity?.SetStatus(System.Diagnostics.ActivityStatusCode.Error, e.GetType().Name);
            LogFailed(logger, e, lanes);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "LinkedIn sync drain ({Lanes}) failed")]
    private static partial void LogFailed(ILogger logger, Exception exception, SyncLanes lanes);
}

/// <summary>
/// Quartz job running the backfill lane of the outbox drain (the first full sync: queuing it in chunks and sending it
/// within its daily budget) every <c>LinkedIn:Sync:DrainInterval</c>, next to <see cref="LinkedInSyncJob"/>.
/// </summary>
[DisallowConcurrentExecution]
public sealed class LinkedInBackfillJob(LinkedInSyncDrain drain, ILogger<LinkedInBackfillJob> logger) : IJob
{
    public static readonly JobKey Key = new("linkedin-sync-backfill", "linkedin");

    public ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        LinkedInSyncJob.RunAsync(drain, SyncLanes.Backfill, logger, cancellationToken);
}
