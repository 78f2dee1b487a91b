using Attract.Core.Data;
using Attract.Core.Outbox;
using Quartz;

namespace Attract.Web.Infrastructure;

/// <summary>
/// Deletes processed outbox rows older than <c>Attract:Outbox:RetentionDays</c> (default 30; 0 keeps them forever),
/// every <c>Attract:Outbox:CleanupInterval</c> (default 1 day). See <see cref="OutboxRetention"/>.
/// </summary>
[DisallowConcurrentExecution]
public sealed partial class OutboxCleanupJob(AttractDbContext db, IConfiguration config, TimeProvider clock, ILogger<OutboxCleanupJob> logger) : IJob
{
    public static readonly JobKey Key = new("outbox-cleanup", "attract");

    public static int RetentionDays(IConfiguration config) => config.GetValue("Attract:Outbox:RetentionDays", 30);

    public static void Configure(IQuartzBuilder quartz, IConfiguration config)
    {
        if (RetentionDays(config) <= 0)
        {
            return;
        }
        var interval = config.GetValue("Attract:Outbox:CleanupInterval", TimeSpan.FromDays(1));
        quartz.AddJob<OutboxCleanupJob>(j => j.WithIdentity(Key).StoreDurably());
        quartz.AddTrigger(t => t.ForJob(Key).WithIdentity(Key.Name + "-trigger", Key.Group)
            .StartAt(DateTimeOffset.UtcNow.AddMinutes(1))
            .WithSimpleSchedule(s => s.WithInterval(interval).RepeatForever()));
    }

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var cutoff = clock.GetUtcNow().UtcDateTime.AddDays(-RetentionDays(config));
        var deleted = await db.DeleteProcessedAsync(cutoff, ct: cancellationToken);
        LogCleaned(logger, deleted, cutoff);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Outbox cleanup deleted {Count} processed rows older than {Cutoff:u}")]
    private static partial void LogCleaned(ILogger logger, int count, DateTime cutoff);
}
