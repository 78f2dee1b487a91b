using System.Collections.Concurrent;

namespace Attract.Web.Integrations.LinkedIn.Sync;

/// <summary>
/// In-memory counters of what this Attract process sent to LinkedIn (requests and records), for the sync status page.
/// Per process and since start: other instances and restarts are not included.
/// </summary>
public sealed class LinkedInSyncMeter(TimeProvider clock)
{
    private readonly ConcurrentQueue<(DateTime At, int Requests, int Records)> _sends = new();

    public DateTime StartedAtUtc { get; } = clock.GetUtcNow().UtcDateTime;

    public void Record(int requests, int records)
    {
        if (requests == 0 && records == 0)
        {
            return;
        }
        var now = clock.GetUtcNow().UtcDateTime;
        _sends.Enqueue((now, requests, records));
        while (_sends.TryPeek(out var oldest) && oldest.At < now.AddDays(-1).Date)
        {
            _sends.TryDequeue(out _);
        }
    }

    /// <summary>Requests and records sent since <paramref name="sinceUtc"/>.</summary>
    public (int Requests, int Records) Since(DateTime sinceUtc)
    {
        var requests = 0;
        var records = 0;
        foreach (var s in _sends.Where(s => s.At >= sinceUtc))
        {
            requests += s.Requests;
            records += s.Records;
        }
        return (requests, records);
    }
}
