using System.Data.Common;
using Attract.Core.Data;
using Attract.Core.LinkedIn;
using Attract.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Attract.Web.Integrations.LinkedIn.Sync;

/// <summary>
/// Counts what this process sends to LinkedIn per UTC minute and adds it to the shared <see cref="LinkedInUsage"/> rows
/// (so the quota table covers every instance and survives restarts). Counting never touches the database: the counts
/// are flushed every few seconds by <see cref="LinkedInUsageFlusher"/> with their own DbContext, so a caller holding a
/// transaction is never blocked or made part of it. Reads add what this process has not flushed yet.
/// </summary>
public sealed partial class LinkedInUsageMeter(IServiceScopeFactory scopes, TimeProvider clock, ILogger<LinkedInUsageMeter> logger, AttractMetrics? metrics = null)
{
    public static readonly TimeSpan Keep = TimeSpan.FromDays(2);

    private readonly Lock _gate = new();
    private readonly SemaphoreSlim _flushing = new(1, 1);
    private Dictionary<DateTime, (int Requests, int Records)> _pending = [];
    private Dictionary<DateTime, (int Requests, int Records)> _inFlight = [];
    private DateTime _lastCleanupUtc = DateTime.MinValue;

    public void CountRequest() => Add(1, 0);

    public void CountRecords(int records)
    {
        metrics?.LinkedInRecords(records);
        Add(0, records);
    }

    private void Add(int requests, int records)
    {
        if (requests == 0 && records == 0)
        {
            return;
        }
        var minute = LinkedInUsage.MinuteOf(clock.GetUtcNow().UtcDateTime);
        lock (_gate)
        {
            var (r, n) = _pending.GetValueOrDefault(minute);
            _pending[minute] = (r + requests, n + records);
        }
    }

    /// <summary>Requests since the start of today (UTC) and records in the last minute, over all instances.</summary>
    public async Task<(int RequestsToday, int RecordsLastMinute)> ReadAsync(AttractDbContext db, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return (await SumSinceAsync(db, now.Date, requests: true, ct),
            await SumSinceAsync(db, LinkedInUsage.MinuteOf(now.AddMinutes(-1)).AddMinutes(1), requests: false, ct));
    }

    /// <summary>Requests since the start of today (UTC), over all instances.</summary>
    public Task<int> ReadRequestsTodayAsync(AttractDbContext db, CancellationToken ct) =>
        SumSinceAsync(db, clock.GetUtcNow().UtcDateTime.Date, requests: true, ct);

    /// <summary>Requests and records since the start of today (UTC), over all instances.</summary>
    public async Task<(int Requests, int Records)> ReadTodayAsync(AttractDbContext db, CancellationToken ct)
    {
        var today = clock.GetUtcNow().UtcDateTime.Date;
        return (await SumSinceAsync(db, today, requests: true, ct), await SumSinceAsync(db, today, requests: false, ct));
    }

    /// <summary>Requests (or records) counted from <paramref name="fromMinute"/> on: the shared rows plus what this process has not flushed.</summary>
    private async Task<int> SumSinceAsync(AttractDbContext db, DateTime fromMinute, bool requests, CancellationToken ct)
    {
        var rows = db.Set<LinkedInUsage>().AsNoTracking().Where(u => u.MinuteUtc >= fromMinute);
        var sum = requests ? await rows.SumAsync(u => u.Requests, ct) : await rows.SumAsync(u => u.Records, ct);
        lock (_gate)
        {
            foreach (var (_, counts) in _pending.Concat(_inFlight).Where(p => p.Key >= fromMinute))
            {
                sum += requests ? counts.Requests : counts.Records;
            }
        }
        return sum;
    }

    /// <summary>Writes the pending counts (added to whatever other instances wrote) and, hourly, drops rows older than <see cref="Keep"/>.</summary>
    public async Task FlushAsync(CancellationToken ct)
    {
        await _flushing.WaitAsync(ct);
        try
        {
            await FlushLockedAsync(ct);
        }
        finally
        {
            _flushing.Release();
        }
    }

    private async Task FlushLockedAsync(CancellationToken ct)
    {
        Dictionary<DateTime, (int Requests, int Records)> batch;
        lock (_gate)
        {
            if (_pending.Count == 0)
            {
                return;
            }
            batch = _pending;
            _inFlight = new(batch); // still counted by reads until its row is written
            _pending = [];
        }
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AttractDbContext>();
        foreach (var (minute, (requests, records)) in batch)
        {
            try
            {
                await AddToRowAsync(db, minute, requests, records, ct);
                lock (_gate)
                {
                    _inFlight.Remove(minute);
                }
            }
            catch (Exception ex) when (ex is DbException or DbUpdateException or InvalidOperationException && !ct.IsCancellationRequested)
            {
                LogFlushFailed(logger, ex);
                lock (_gate)
                {
                    _inFlight.Remove(minute);
                    var (r, n) = _pending.GetValueOrDefault(minute);
                    _pending[minute] = (r + requests, n + records); // counted again on the next flush
                }
            }
        }
        var now = clock.GetUtcNow().UtcDateTime;
        if (now - _lastCleanupUtc > TimeSpan.FromHours(1))
        {
            _lastCleanupUtc = now;
            var cutoff = now - Keep;
            try
            {
                await db.Set<LinkedInUsage>().Where(u => u.MinuteUtc < cutoff).ExecuteDeleteAsync(ct);
            }
            catch (DbException ex)
            {
                LogFlushFailed(logger, ex);
            }
        }
    }

    private static async Task AddToRowAsync(AttractDbContext db, DateTime minute, int requests, int records, CancellationToken ct)
    {
        for (var attempt = 0; ; attempt++)
        {
            var updated = await db.Set<LinkedInUsage>().Where(u => u.MinuteUtc == minute)
                .ExecuteUpdateAsync(s => s.SetProperty(u => u.Requests, u => u.Requests + requests).SetProperty(u => u.Records, u => u.Records + records), ct);
            if (updated > 0)
            {
                return;
            }
            db.Add(new LinkedInUsage { MinuteUtc = minute, Requests = requests, Records = records });
            try
            {
                await db.SaveChangesAsync(ct);
                return;
            }
            catch (DbUpdateException) when (attempt == 0)
            {
                db.ChangeTracker.Clear(); // another instance inserted the minute first: add to its row
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not record LinkedIn usage; it is kept and written on the next flush")]
    private static partial void LogFlushFailed(ILogger logger, Exception ex);
}
