using Attract.Core.Common;
using Attract.Core.Data;
using Attract.Core.LinkedIn;
using Attract.Web.Integrations.LinkedIn.Sync;
using LinkedIn.Recruiter;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Attract.Web.Infrastructure;

/// <summary>One entity type's unprocessed outbox rows.</summary>
public sealed record OutboxTypeState(string EntityType, int Backlog, int Retrying, DateTime? OldestUtc);

/// <summary>What the gauges of <see cref="AttractMetrics"/> report, read from the database at <see cref="ReadAtUtc"/>.</summary>
public sealed record AttractState(
    DateTime ReadAtUtc,
    IReadOnlyList<OutboxTypeState> Outbox,
    bool SyncEnabled,
    int OpenSyncErrors,
    int RequestsToday,
    int RecordsLastMinute,
    int DailyRequestLimit,
    int RecordsPerMinuteLimit);

/// <summary>
/// Reads the state behind Attract's gauges (outbox backlog and lag, sync errors, shared quota use) with a few cheap queries
/// and keeps the result; the gauges only read <see cref="Current"/>. <see cref="AttractStateRefresher"/> refreshes it every
/// <c>Telemetry:StateRefreshInterval</c>, so a storm of scrapes never reaches the database.
/// </summary>
public sealed class AttractStateReader(IServiceScopeFactory scopes, IOptions<LinkedInRecruiterOptions> recruiter, TimeProvider clock)
{
    private static readonly string[] EntityTypes =
        [TrackedTypes.Job, TrackedTypes.Candidate, TrackedTypes.Application, TrackedTypes.StageMove, TrackedTypes.Note, TrackedTypes.Feedback];

    private volatile AttractState? _current;

    /// <summary>The last snapshot; null until the first refresh (the gauges then report nothing rather than a wrong zero).</summary>
    public AttractState? Current => _current;

    public DateTime UtcNow => clock.GetUtcNow().UtcDateTime;

    public async Task<AttractState> RefreshAsync(CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AttractDbContext>();
        var now = UtcNow;
        // Served by IX_OutboxMessages_Unprocessed (ProcessedAtUtc, Id): only the pending rows are read.
        var pending = await db.OutboxMessages.AsNoTracking().Where(o => o.ProcessedAtUtc == null)
            .GroupBy(o => o.EntityType)
            .Select(g => new { Type = g.Key, Count = g.Count(), Retrying = g.Count(o => o.Attempts > 0), Oldest = g.Min(o => o.OccurredAtUtc) })
            .ToListAsync(ct);
        var outbox = EntityTypes.Concat(pending.Select(p => p.Type).Except(EntityTypes))
            .Select(type => pending.FirstOrDefault(p => p.Type == type) is { } p
                ? new OutboxTypeState(type, p.Count, p.Retrying, DateTime.SpecifyKind(p.Oldest, DateTimeKind.Utc))
                : new OutboxTypeState(type, 0, 0, null))
            .ToList();
        var syncEnabled = await db.Set<LinkedInConnection>().AsNoTracking().Where(LinkedInConnection.HasCompanyFeatures)
            .AnyAsync(c => c.ChildClientId != null && c.ChildClientSecretProtected != null && c.OrganizationUrn != null, ct);
        var openErrors = await db.Set<LinkedInSyncError>().AsNoTracking().CountAsync(e => e.ResolvedAtUtc == null, ct);
        var (requestsToday, recordsLastMinute) = await scope.ServiceProvider.GetRequiredService<LinkedInUsageMeter>().ReadAsync(db, ct);
        var quotas = recruiter.Value.Quotas;
        var state = new AttractState(now, outbox, syncEnabled, openErrors, requestsToday, recordsLastMinute, quotas.DailyRequests, quotas.RecordsPerMinute);
        _current = state;
        return state;
    }
}

/// <summary>Refreshes <see cref="AttractStateReader"/> at start-up and then every <see cref="Interval"/>.</summary>
public sealed partial class AttractStateRefresher(AttractStateReader reader, IConfiguration config, ILogger<AttractStateRefresher> logger) : BackgroundService
{
    public TimeSpan Interval { get; } = config.GetValue("Telemetry:StateRefreshInterval", TimeSpan.FromSeconds(15)) is var i && i > TimeSpan.Zero
        ? i : TimeSpan.FromSeconds(15);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        try
        {
            do
            {
                try
                {
                    await reader.RefreshAsync(stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // Keep the last snapshot; its lag gauge keeps growing, which is what an alert should see.
                    LogRefreshFailed(logger, ex);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reading the outbox and quota state for the metrics failed")]
    private static partial void LogRefreshFailed(ILogger logger, Exception ex);
}
