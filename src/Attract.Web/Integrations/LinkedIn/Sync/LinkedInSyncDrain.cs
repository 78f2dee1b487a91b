using Attract.Core.Common;
using Attract.Core.Data;
using Attract.Core.LinkedIn;
using Attract.Core.Outbox;
using Attract.Web.Infrastructure;
using LinkedIn.Recruiter;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Attract.Web.Integrations.LinkedIn.Sync;

/// <summary>
/// The In-ATS indicator sync: leases unprocessed outbox rows of candidates, applications, stage moves, notes and
/// feedback (never <c>Job</c> rows: the job-posting sync owns those), coalesces them to the current state of each
/// touched entity and sends it to LinkedIn, parents first. Live changes go before backfill rows, and backfill rows only
/// while the backfill's daily budget lasts (<see cref="LinkedInBackfill.WithinBudgetAsync"/>). See docs/reliability.md.
/// </summary>
public sealed partial class LinkedInSyncDrain(
    AttractDbContext db,
    LinkedInConnector connector,
    ILinkedInSyncClient linkedIn,
    LinkedInBackfill backfill,
    LinkedInUsageMeter usage,
    AttractMetrics metrics,
    IOptions<LinkedInIntegrationOptions> options,
    TimeProvider clock,
    ILogger<LinkedInSyncDrain> logger)
{
    public static readonly string[] EntityTypes =
        [TrackedTypes.Candidate, TrackedTypes.Application, TrackedTypes.StageMove, TrackedTypes.Note, TrackedTypes.Feedback];

    public const string SkippedProspect = "Skipped: application in Prospect (sent once it leaves Prospect)";

    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);

    public int ClaimSize { get; set; } = 500;

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>Drains both lanes until the backlog is empty or LinkedIn is unavailable. Returns the number of rows processed.</summary>
    public Task<int> DrainAsync(CancellationToken ct = default) => DrainAsync(SyncLanes.All, ct);

    /// <summary>
    /// Drains <paramref name="lanes"/> until they are empty or LinkedIn is unavailable. The live lane
    /// (<see cref="LinkedInSyncJob"/>) and the backfill lane (<see cref="LinkedInBackfillJob"/>) run side by side, so a round of
    /// backfill rows (seconds of LinkedIn's per-minute budget) never delays a live change; backfill requests are sent as
    /// <see cref="LinkedInTraffic.Background"/>, which leaves a share of each minute to live ones. Returns the rows processed.
    /// </summary>
    public async Task<int> DrainAsync(SyncLanes lanes, CancellationToken ct = default)
    {
        var connection = await db.Set<LinkedInConnection>().AsNoTracking().Where(c => c.ChildClientId != null).OrderBy(c => c.Id).FirstOrDefaultAsync(ct);
        if (connection is not { CompanyFeaturesEnabled: true, OrganizationUrn: not null } || connector.ChildApp(connection) is not { } app)
        {
            return 0;
        }
        var withBackfill = lanes.HasFlag(SyncLanes.Backfill);
        var queuing = withBackfill && await backfill.QueueIfNeededAsync(connection.Id, ct);
        var total = 0;
        for (var round = 0; round < 100; round++)
        {
            var rows = await ClaimAsync(withBackfill && await backfill.WithinBudgetAsync(ct), lanes.HasFlag(SyncLanes.Live), ct);
            if (rows.Count == 0 && !queuing)
            {
                break;
            }
            if (rows.Count == 0)
            {
                queuing = await backfill.QueueIfNeededAsync(connection.Id, ct);
                continue;
            }
            var batch = new SyncBatch(linkedIn, app, connection.OrganizationUrn, rows);
            Exception? transient;
            using (rows.TrueForAll(r => r.Backfill) ? LinkedInTraffic.Background() : null)
            {
                transient = await SendAsync(batch, ct);
            }
            await CompleteAsync(batch, transient, ct);
            total += batch.Done.Count;
            if (transient is not null)
            {
                break;
            }
            if (queuing)
            {
                queuing = await backfill.QueueIfNeededAsync(connection.Id, ct); // a few chunks between rounds of sending
            }
        }
        if (total > 0)
        {
            var now = Now;
            await db.Set<LinkedInConnection>().Where(c => c.Id == connection.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.LastSyncAtUtc, now), ct);
        }
        return total;
    }

    /// <summary>Leases up to <see cref="ClaimSize"/> due rows of the lanes asked for, live ones first (<see cref="OutboxLeases"/>).</summary>
    internal async Task<List<OutboxMessage>> ClaimAsync(bool includeBackfill, bool includeLive, CancellationToken ct)
    {
        var owner = await db.OutboxMessages.LeaseAsync(EntityTypes, ClaimSize, Lease, Now, "in-ats", includeBackfill: includeBackfill, includeLive: includeLive, ct: ct);
        return owner is null ? [] : await db.OutboxMessages.AsNoTracking().Owned(owner).ToListAsync(ct);
    }

    private async Task CompleteAsync(SyncBatch batch, Exception? transient, CancellationToken ct)
    {
        var now = Now;
        var token = batch.Rows.Count > 0 ? batch.Rows[0].ClaimedBy : null;
        var skipped = batch.Skipped.ToList();
        var done = batch.Done.Except(skipped).ToList();
        foreach (var chunk in done.Chunk(500))
        {
            await db.OutboxMessages.Where(o => chunk.Contains(o.Id) && o.ClaimedBy == token)
                .ExecuteUpdateAsync(s => s.SetProperty(o => o.ProcessedAtUtc, now).SetProperty(o => o.ClaimedUntilUtc, (DateTime?)null), ct);
        }
        foreach (var chunk in skipped.Chunk(500))
        {
            await db.OutboxMessages.Where(o => chunk.Contains(o.Id) && o.ClaimedBy == token)
                .ExecuteUpdateAsync(s => s.SetProperty(o => o.ProcessedAtUtc, now).SetProperty(o => o.ClaimedUntilUtc, (DateTime?)null)
                    .SetProperty(o => o.LastError, SkippedProspect), ct);
        }
        var pending = batch.Rows.Where(r => !batch.Done.Contains(r.Id)).ToList();
        if (pending.Count > 0)
        {
            var error = Describe(transient);
            foreach (var group in pending.GroupBy(r => r.Attempts))
            {
                var ids = group.Select(r => r.Id).ToList();
                var retryAt = now + options.Value.Sync.Backoff.After(group.Key + 1);
                await db.OutboxMessages.Where(o => ids.Contains(o.Id) && o.ClaimedBy == token)
                    .ExecuteUpdateAsync(s => s.SetProperty(o => o.ClaimedBy, (string?)null).SetProperty(o => o.ClaimedUntilUtc, retryAt)
                        .SetProperty(o => o.Attempts, o => o.Attempts + 1).SetProperty(o => o.LastError, error), ct);
            }
            LogTransient(logger, pending.Count, error);
            metrics.RowsDeferred(AttractMetrics.InAtsConsumer, pending.Count);
        }
        await RecordErrorsAsync(batch, now, ct);
        usage.CountRecords(batch.Records);
        foreach (var type in batch.Succeeded.Select(s => s.Type).Concat(batch.Failures.Keys.Select(f => f.Type)).Distinct())
        {
            metrics.SyncRecords(type, batch.Succeeded.Count(s => s.Type == type), batch.Failures.Keys.Count(f => f.Type == type));
        }
    }

    private async Task RecordErrorsAsync(SyncBatch batch, DateTime now, CancellationToken ct)
    {
        var touched = batch.Failures.Keys.Concat(batch.Succeeded).ToList();
        if (touched.Count == 0)
        {
            return;
        }
        var types = touched.Select(t => t.Type).Distinct().ToList();
        var ids = touched.Select(t => t.Id).Distinct().ToList();
        var open = await db.Set<LinkedInSyncError>().Where(e => e.ResolvedAtUtc == null && types.Contains(e.EntityType) && ids.Contains(e.EntityId)).ToListAsync(ct);
        foreach (var error in open.Where(e => batch.Succeeded.Contains((e.EntityType, e.EntityId))))
        {
            error.ResolvedAtUtc = now;
        }
        foreach (var ((type, id), failure) in batch.Failures)
        {
            var error = open.FirstOrDefault(e => e.EntityType == type && e.EntityId == id);
            if (error is null)
            {
                error = new LinkedInSyncError { EntityType = type, EntityId = id };
                db.Add(error);
            }
            error.Status = failure.Status;
            error.Message = Truncate(failure.Message, 1000);
            error.OccurredAtUtc = now;
            error.Attempts++;
        }
        await db.SaveChangesAsync(ct);
    }

    internal static bool IsTransient(Exception e) => e switch
    {
        LinkedInApiException api => (int)api.StatusCode is 403 or 408 or 429 or >= 500 || api is LinkedInAuthException,
        HttpRequestException or TimeoutException or TaskCanceledException => true,
        _ => false,
    };

    private static string Describe(Exception? e) => e switch
    {
        null => "Not sent",
        LinkedInApiException api => Truncate($"{(int)api.StatusCode} {api.ErrorCode}: {api.Message}", 1000),
        _ => Truncate($"{e.GetType().Name}: {e.Message}", 1000),
    };

    private static string Truncate(string? s, int max) => s is null ? "" : s.Length <= max ? s : s[..max];

    private bool SendProspects => options.Value.Sync.SendProspects;

    [LoggerMessage(Level = LogLevel.Warning, Message = "LinkedIn sync: {Count} outbox rows left for retry ({Error})")]
    private static partial void LogTransient(ILogger logger, int count, string error);
}

/// <summary>The outbox lanes a drain works on: live changes, the first full sync's backfill rows, or both.</summary>
[Flags]
public enum SyncLanes
{
    Live = 1,
    Backfill = 2,
    All = Live | Backfill,
}
