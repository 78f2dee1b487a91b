using System.Collections.Concurrent;
using Attract.Core.Common;
using Attract.Core.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Quartz;

namespace Attract.Web.Integrations.LinkedIn;

/// <summary>Wakes a LinkedIn background job right away instead of at its next scheduled run.</summary>
public interface ILinkedInSignals
{
    /// <summary>Outbox rows the In-ATS sync sends were written: drain now, so the change shows in LinkedIn within seconds.</summary>
    void OutboxWritten();

    /// <summary>A job, its stages or its team changed: run the job-postings sync now.</summary>
    void JobsChanged();

    /// <summary>A 1-Click Export push was recorded: run the export intake now.</summary>
    void ExportReceived();

    /// <summary>Links of exported candidates to their LinkedIn members were queued (a Retry): run the export intake, which sends them, now.</summary>
    void ExportLinksQueued();
}

/// <summary>
/// Triggers the Quartz jobs, debounced per job: a burst of saves causes one run, started shortly after the first signal
/// (which also lets the caller's transaction commit). Never throws: the recurring schedule picks the work up anyway.
/// </summary>
public sealed partial class LinkedInSignals(ISchedulerFactory schedulers, LinkedInBackgroundOptions settings, ILogger<LinkedInSignals> logger)
    : ILinkedInSignals
{
    private static readonly TimeSpan Debounce = TimeSpan.FromMilliseconds(300);
    private readonly ConcurrentDictionary<JobKey, byte> _pending = new();

    public void OutboxWritten() => Trigger(Sync.LinkedInSyncJob.Key);

    public void JobsChanged() => Trigger(Jobs.LinkedInJobPostingSyncJob.Key);

    public void ExportReceived() => Trigger(Export.LinkedInExportIntakeJob.Key);

    public void ExportLinksQueued() => Trigger(Export.LinkedInExportIntakeJob.Key);

    private void Trigger(JobKey key)
    {
        if (!settings.RunInBackground || !_pending.TryAdd(key, 0))
        {
            return;
        }
        _ = Task.Run(async () =>
        {
            try
            {
                await Task.Delay(Debounce);
                _pending.TryRemove(key, out _);
                var scheduler = await schedulers.GetScheduler();
                if (await scheduler.GetJobDetail(key, CancellationToken.None) is not null)
                {
                    await scheduler.TriggerJob(key, CancellationToken.None);
                }
            }
            catch (Exception ex) when (ex is SchedulerException or InvalidOperationException or ObjectDisposedException)
            {
                _pending.TryRemove(key, out _);
                LogTriggerFailed(logger, ex, key.Name);
            }
        });
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not trigger the LinkedIn job {Job}")]
    private static partial void LogTriggerFailed(ILogger logger, Exception ex, string job);
}

/// <summary>Whether the LinkedIn background jobs run (<c>LinkedIn:Background:Enabled</c>, default true; tests turn it off).</summary>
public sealed record LinkedInBackgroundOptions(bool RunInBackground)
{
    public const string ConfigKey = "LinkedIn:Background:Enabled";

    public static LinkedInBackgroundOptions From(IConfiguration config) => new(config.GetValue(ConfigKey, true));
}

/// <summary>
/// Signals the LinkedIn jobs from the outbox rows a SaveChanges writes (in the same transaction as the change): rows the
/// In-ATS sync sends wake the drain, job rows (a job, its stages or team) wake the job-postings sync.
/// </summary>
public sealed class LinkedInChangeInterceptor(ILinkedInSignals signals) : SaveChangesInterceptor
{
    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        var written = eventData.Context?.ChangeTracker.Entries<OutboxMessage>()
            .Where(e => e.State == EntityState.Added).Select(e => e.Entity.EntityType).ToHashSet(StringComparer.Ordinal);
        if (written is { Count: > 0 })
        {
            if (written.Overlaps(Sync.LinkedInSyncDrain.EntityTypes))
            {
                signals.OutboxWritten();
            }
            if (written.Contains(TrackedTypes.Job))
            {
                signals.JobsChanged();
            }
        }
        return base.SavingChangesAsync(eventData, result, cancellationToken);
    }
}
