using Attract.Core.Common;
using Attract.Core.Data;
using Attract.Core.LinkedIn;
using Attract.Core.Outbox;
using Microsoft.EntityFrameworkCore;

namespace Attract.Web.Integrations.LinkedIn.Sync;

public sealed record SyncErrorRow(int Id, string EntityType, long EntityId, int? Status, string Message, DateTime OccurredAtUtc, int Attempts);

public sealed record SyncOverview(
    LinkedInAccessLevel AccessLevel,
    bool Connected,
    DateTime? LastSyncAtUtc,
    int Backlog,
    int Retrying,
    int ProcessedLastMinute,
    int ProcessedLastHour,
    int RequestsToday,
    int RecordsLastMinute,
    DateTime? BackfillQueuedAtUtc,
    int BackfillTotal,
    int BackfillProcessed,
    int ExportsThisMonthMaxPerSeat,
    IReadOnlyList<SyncErrorRow> Errors,
    BackfillPlan? BackfillPlan = null,
    int PendingLinks = 0);

/// <summary>Reads for the sync status page and the Retry actions (re-enqueue a failed entity into the outbox).</summary>
public sealed class LinkedInSyncStatus(AttractDbContext db, LinkedInUsageMeter usage, LinkedInBackfill backfill, ILinkedInSignals signal, TimeProvider clock)
{
    /// <summary>The actor of outbox rows queued by the admin's Retry.</summary>
    public const string RetryActor = "system:linkedin-retry";

    public async Task<SyncOverview> GetAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var connection = await db.Set<LinkedInConnection>().AsNoTracking().Where(c => c.ChildClientId != null).OrderBy(c => c.Id).FirstOrDefaultAsync(ct);
        var types = LinkedInSyncDrain.EntityTypes;
        var mine = db.OutboxMessages.AsNoTracking().Where(o => types.Contains(o.EntityType));
        var backlog = await mine.CountAsync(o => o.ProcessedAtUtc == null, ct);
        var retrying = await mine.CountAsync(o => o.ProcessedAtUtc == null && o.Attempts > 0, ct);
        var minuteAgo = now.AddMinutes(-1);
        var hourAgo = now.AddHours(-1);
        var lastMinute = await mine.CountAsync(o => o.ProcessedAtUtc >= minuteAgo, ct);
        var lastHour = await mine.CountAsync(o => o.ProcessedAtUtc >= hourAgo, ct);
        // Progress from what is still pending, so it stays right after the outbox cleanup deleted old processed rows.
        var backfillPending = await mine.CountAsync(o => o.ProcessedAtUtc == null && o.Backfill, ct);
        var backfilled = Math.Max(0, (connection?.BackfillTotal ?? 0) - backfillPending);
        var monthStart = new DateTime(now.Year, now.Month, 1, 0, 0, 0, DateTimeKind.Utc);
        var exports = await db.Set<LinkedInNotification>().AsNoTracking()
            .Where(n => n.Type == "EXPORT_CANDIDATE_PROFILE" && n.ReceivedAtUtc >= monthStart && n.SeatUrn != null)
            .GroupBy(n => n.SeatUrn).Select(g => g.Count()).ToListAsync(ct);
        // Links of exported candidates to their LinkedIn members still to be sent (retried with backoff by the export linker).
        var pendingLinks = await db.OutboxMessages.AsNoTracking()
            .CountAsync(o => o.EntityType == LinkedInSyncError.ManualMatchedMember && o.ProcessedAtUtc == null, ct);
        var (requestsToday, recordsLastMinute) = await usage.ReadAsync(db, ct);
        var errors = await db.Set<LinkedInSyncError>().AsNoTracking().Where(e => e.ResolvedAtUtc == null)
            .OrderByDescending(e => e.OccurredAtUtc).Take(50)
            .Select(e => new SyncErrorRow(e.Id, e.EntityType, e.EntityId, e.Status, e.Message, e.OccurredAtUtc, e.Attempts)).ToListAsync(ct);
        return new SyncOverview(connection?.AccessLevel ?? LinkedInAccessLevel.None, connection is not null, connection?.LastSyncAtUtc,
            backlog, retrying, lastMinute, lastHour, requestsToday, recordsLastMinute,
            connection?.BackfillQueuedAtUtc, connection?.BackfillTotal ?? 0, backfilled, exports.Count == 0 ? 0 : exports.Max(), errors,
            connection?.BackfillQueuedAtUtc is null ? null : await backfill.PlanAsync(backfillPending, ct), pendingLinks);
    }

    /// <summary>
    /// Re-enqueues the entities of open errors (one, or all when <paramref name="errorId"/> is null): a fresh outbox row, which
    /// for a failed export link is a new pending link with a new retry window. Returns how many.
    /// </summary>
    public async Task<int> RetryAsync(int? errorId, CancellationToken ct = default)
    {
        var errors = await db.Set<LinkedInSyncError>().Where(e => e.ResolvedAtUtc == null && (errorId == null || e.Id == errorId)).ToListAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var error in errors.DistinctBy(e => (e.EntityType, e.EntityId)))
        {
            var scope = await ScopeAsync(error.EntityType, (int)error.EntityId, ct);
            db.OutboxMessages.Add(OutboxMessage.Resend(error.EntityType, error.EntityId, scope, RetryActor, now));
        }
        await db.SaveChangesAsync(ct);
        if (errors.Any(e => e.EntityType != LinkedInSyncError.ManualMatchedMember))
        {
            signal.OutboxWritten();
        }
        if (errors.Any(e => e.EntityType == LinkedInSyncError.ManualMatchedMember))
        {
            signal.ExportLinksQueued(); // the export intake sends the links (Export.LinkedInExportLinker)
        }
        return errors.Count;
    }

    private async Task<AuditScope> ScopeAsync(string type, int id, CancellationToken ct) => type switch
    {
        TrackedTypes.Job => new AuditScope(id, null, null),
        TrackedTypes.Candidate or LinkedInSyncError.ManualMatchedMember => new AuditScope(null, id, null),
        TrackedTypes.Application => await db.Applications.Where(a => a.Id == id).Select(a => new AuditScope(a.JobId, a.CandidateId, a.Id)).FirstOrDefaultAsync(ct),
        TrackedTypes.StageMove => await db.StageMoves.Where(m => m.Id == id).Select(m => new AuditScope(m.Application.JobId, m.Application.CandidateId, m.ApplicationId)).FirstOrDefaultAsync(ct),
        TrackedTypes.Note => await db.Notes.Where(n => n.Id == id).Select(n => new AuditScope(null, n.CandidateId, n.ApplicationId)).FirstOrDefaultAsync(ct),
        TrackedTypes.Feedback => await db.Scorecards.Where(s => s.Id == id).Select(s => new AuditScope(s.Application.JobId, s.Application.CandidateId, s.ApplicationId)).FirstOrDefaultAsync(ct),
        _ => new AuditScope(null, null, null),
    };
}
