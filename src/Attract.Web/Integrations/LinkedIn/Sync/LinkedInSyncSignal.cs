using Attract.Core.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Quartz;

namespace Attract.Web.Integrations.LinkedIn.Sync;

/// <summary>Asks for a drain now, so a change shows in LinkedIn within seconds instead of at the next interval.</summary>
public interface ILinkedInSyncSignal
{
    void Notify();
}

/// <summary>Triggers the drain job shortly (debounced) after a save wrote sync-relevant outbox rows.</summary>
public sealed partial class LinkedInSyncSignal(ISchedulerFactory schedulers, Jobs.LinkedInBackgroundSettings settings, ILogger<LinkedInSyncSignal> logger)
    : ILinkedInSyncSignal
{
    private static readonly TimeSpan Debounce = TimeSpan.FromMilliseconds(300);
    private int _pending;

    public void Notify()
    {
        if (!settings.RunInBackground || Interlocked.Exchange(ref _pending, 1) == 1)
        {
            return;
        }
        _ = Task.Run(async () =>
        {
            try
            {
                await Task.Delay(Debounce);
                Interlocked.Exchange(ref _pending, 0);
                var scheduler = await schedulers.GetScheduler();
                await scheduler.TriggerJob(LinkedInSyncJob.Key);
            }
            catch (Exception e)
            {
                Interlocked.Exchange(ref _pending, 0);
                LogFailed(logger, e);
            }
        });
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not trigger the LinkedIn sync drain")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}

/// <summary>After every SaveChanges that wrote outbox rows the In-ATS sync sends, signals the drain.</summary>
public sealed class LinkedInSyncInterceptor(ILinkedInSyncSignal signal) : SaveChangesInterceptor
{
    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context && context.ChangeTracker.Entries<OutboxMessage>()
            .Any(e => e.Entity.ProcessedAtUtc == null && LinkedInSyncDrain.EntityTypes.Contains(e.Entity.EntityType)))
        {
            signal.Notify();
        }
        return base.SavedChangesAsync(eventData, result, cancellationToken);
    }
}
