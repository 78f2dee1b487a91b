using Attract.Web.Infrastructure;
using Quartz;

namespace Attract.Web.Integrations.LinkedIn.Sync;

/// <summary>Quartz job running the outbox drain every <c>LinkedIn:Sync:DrainInterval</c> and on demand (<see cref="ILinkedInSignals"/>).</summary>
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
        if (!LinkedInBackgroundOptions.From(config).RunInBackground)
        {
            return;
        }
        quartz.AddTrigger(t => t.ForJob(Key).WithIdentity("linkedin-sync-drain-interval", "linkedin")
            .StartAt(DateTimeOffset.UtcNow + interval)
            .WithSimpleSchedule(s => s.WithInterval(interval).RepeatForever()));
    }

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        using var activity = AttractMetrics.ActivitySource.StartActivity("linkedin.sync.drain");
        try
        {
            var done = await drain.DrainAsync(cancellationToken); // not inside ?. : that would skip the call when nobody listens
            activity?.SetTag("attract.rows_processed", done);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            activity?.SetStatus(System.Diagnostics.ActivityStatusCode.Error, e.GetType().Name);
            LogFailed(logger, e);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "LinkedIn sync drain failed")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
