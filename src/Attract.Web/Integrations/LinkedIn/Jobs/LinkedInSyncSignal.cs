using Attract.Core.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Quartz;

namespace Attract.Web.Integrations.LinkedIn.Jobs;

/// <summary>Wakes the LinkedIn background jobs right away instead of waiting for their next scheduled run.</summary>
public interface ILinkedInSyncSignal
{
    /// <summary>A job (or its stages or team) changed: run the job-postings sync now.</summary>
    void JobsChanged();

    /// <summary>A 1-Click Export push was recorded: run the export intake now.</summary>
    void ExportReceived();
}

/// <summary>Triggers the Quartz jobs; never throws (the schedule picks the work up anyway).</summary>
public sealed partial class LinkedInSyncSignal(ISchedulerFactory schedulers, LinkedInBackgroundSettings settings, ILogger<LinkedInSyncSignal> logger)
    : ILinkedInSyncSignal
{
    public void JobsChanged() => Trigger(LinkedInJobPostingSyncJob.Key);

    public void ExportReceived() => Trigger(Export.LinkedInExportIntakeJob.Key);

    private void Trigger(JobKey key)
    {
        if (!settings.RunInBackground)
        {
            return;
        }
        _ = Task.Run(async () =>
        {
            try
            {
                await Task.Delay(TimeSpan.FromMilliseconds(300)); // let the caller's transaction commit first
                var scheduler = await schedulers.GetScheduler();
                if (await scheduler.GetJobDetail(key, CancellationToken.None) is not null)
                {
                    await scheduler.TriggerJob(key, CancellationToken.None);
                }
            }
            catch (Exception ex) when (ex is SchedulerException or InvalidOperationException or ObjectDisposedException)
            {
                LogTriggerFailed(logger, ex, key.Name);
            }
        });
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Could not trigger the LinkedIn job {Job}")]
    private static partial void LogTriggerFailed(ILogger logger, Exception ex, string job);
}

/// <summary>Whether the LinkedIn background jobs run (<c>LinkedIn:Background:Enabled</c>, default true; tests turn it off).</summary>
public sealed record LinkedInBackgroundSettings(bool RunInBackground)
{
    public const string ConfigKey = "LinkedIn:Background:Enabled";

    public static LinkedInBackgroundSettings From(IConfiguration config) => new(config.GetValue(ConfigKey, true));
}

/// <summary>When a SaveChanges touches a job, its stages or its team, signals the job-postings sync (which runs shortly after the commit).</summary>
public sealed class JobChangeInterceptor(IServiceProvider services) : SaveChangesInterceptor
{
    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        var jobChanged = eventData.Context?.ChangeTracker.Entries()
            .Any(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted
                && e.Entity is Job or JobStage or JobTeamMember) == true;
        if (jobChanged)
        {
            services.GetService<ILinkedInSyncSignal>()?.JobsChanged();
        }
        return base.SavingChangesAsync(eventData, result, cancellationToken);
    }
}
