using System.Data.Common;

namespace Attract.Web.Integrations.LinkedIn.Sync;

/// <summary>Flushes <see cref="LinkedInUsageMeter"/> every 5 seconds, and once more when Attract stops.</summary>
public sealed class LinkedInUsageFlusher(LinkedInUsageMeter meter) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(5));
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await meter.FlushAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        try
        {
            await meter.FlushAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is DbException or OperationCanceledException or ObjectDisposedException)
        {
            // shutting down: counts not yet written are lost, which only makes the quota table read low
        }
    }
}
