using System.Globalization;
using Attract.Core.Common;
using Attract.Core.Data;
using Attract.Core.LinkedIn;
using Attract.Core.Outbox;
using LinkedIn.Recruiter;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Attract.Web.Integrations.LinkedIn.Sync;

/// <summary>
/// The first full sync after company-level access is enabled: every candidate, application, stage move, note and
/// scorecard is enqueued as an outbox row (marked <see cref="OutboxMessage.Backfill"/>, actor <see cref="Actor"/>) into the
/// same drain pipeline, in chunks, newest entities first. Pending rows written before it are superseded (the backfill
/// sends the current state anyway). The drain leases backfill rows after live ones, and only while
/// <see cref="WithinBudgetAsync"/>: the day's requests, counted by every instance in <see cref="LinkedInUsage"/>, leave
/// <c>LinkedIn:Sync:BackfillLiveReserve</c> of LinkedIn's daily quota to live changes.
/// </summary>
public sealed class LinkedInBackfill(
    AttractDbContext db,
    LinkedInUsageMeter usage,
    IOptions<LinkedInRecruiterOptions> recruiter,
    IOptions<LinkedInIntegrationOptions> options,
    TimeProvider clock)
{
    /// <summary>The <see cref="OutboxMessage.ActorUserId"/> of backfill rows, so progress can be counted.</summary>
    public const string Actor = "system:linkedin-backfill";

    /// <summary>Requests a day the backfill may use: LinkedIn's daily quota less the share kept for live changes.</summary>
    public int DailyBudget =>
        (int)Math.Round(recruiter.Value.Quotas.DailyRequests * (1 - Math.Clamp(options.Value.Sync.BackfillLiveReserve, 0.05, 0.9)));

    /// <summary>Whether the requests sent today by every instance leave room for more backfill.</summary>
    public async Task<bool> WithinBudgetAsync(CancellationToken ct = default)
    {
        return await usage.ReadRequestsTodayAsync(db, ct) < DailyBudget;
    }

    /// <summary>What is left of the backfill and when it should end, from today's use and LinkedIn's quotas.</summary>
    public async Task<BackfillPlan> PlanAsync(int rowsLeft, CancellationToken ct = default)
    {
        var (requests, records) = await usage.ReadTodayAsync(db, ct);
        // Requests per record from today's traffic once there is some; until then the slowest case, one each.
        var requestsPerRecord = records >= 100 ? Math.Clamp(requests / (double)records, 0.01, 1) : 1;
        var now = clock.GetUtcNow().UtcDateTime;
        var eta = BackfillPlan.Estimate(rowsLeft, requestsPerRecord, Math.Max(0, DailyBudget - requests), DailyBudget,
            recruiter.Value.Quotas.RecordsPerMinute, now);
        return new BackfillPlan(rowsLeft, DailyBudget, requests, requestsPerRecord, eta, rowsLeft > 0 && requests >= DailyBudget, now.Date.AddDays(1));
    }

    /// <summary>Chunks queued per call of <see cref="QueueIfNeededAsync"/>, so a drain round between calls sends live changes.</summary>
    public int ChunksPerCall { get; set; } = 20;

    /// <summary>
    /// Rows per chunk: one short transaction each. 250 rows hold SQLite's write lock for a few milliseconds, so an export
    /// push or a user's save waits at most that long behind the backfill (1,000 rows held it long enough, on a busy machine,
    /// to push the push answers' p95 up to half a second).
    /// </summary>
    public int ChunkSize { get; set; } = 250;

    /// <summary>
    /// Starts the backfill once per connection (a conditional UPDATE makes sure only one instance does it), then queues up
    /// to <see cref="ChunksPerCall"/> chunks of it, each in its own short transaction that also moves
    /// <see cref="LinkedInConnection.BackfillCursor"/> on (compare-and-set, so two instances never queue the same chunk, and
    /// one that dies midway leaves the rest to the next call). Returns whether chunks are still to be queued.
    /// </summary>
    public async Task<bool> QueueIfNeededAsync(int connectionId, CancellationToken ct = default)
    {
        var state = await db.Set<LinkedInConnection>().AsNoTracking().Where(c => c.Id == connectionId)
            .Select(c => new { c.BackfillQueuedAtUtc, c.BackfillCursor }).FirstOrDefaultAsync(ct);
        if (state is null || state.BackfillQueuedAtUtc is not null && state.BackfillCursor is null)
        {
            return false;
        }
        if (state.BackfillQueuedAtUtc is null)
        {
            await StartAsync(connectionId, ct);
        }
        for (var i = 0; i < ChunksPerCall; i++)
        {
            var cursor = await db.Set<LinkedInConnection>().AsNoTracking().Where(c => c.Id == connectionId).Select(c => c.BackfillCursor).FirstOrDefaultAsync(ct);
            if (cursor is null)
            {
                return false;
            }
            await QueueChunkAsync(connectionId, cursor, ct);
        }
        return true;
    }

    private async Task StartAsync(int connectionId, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var won = await db.Set<LinkedInConnection>()
            .Where(LinkedInConnection.HasCompanyFeatures)
            .Where(c => c.Id == connectionId && c.BackfillQueuedAtUtc == null)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.BackfillQueuedAtUtc, now).SetProperty(c => c.BackfillTotal, 0)
                .SetProperty(c => c.BackfillCursor, Cursor(0, int.MaxValue)), ct);
        if (won == 0)
        {
            return;
        }
        await db.OutboxMessages.Where(o => LinkedInSyncDrain.EntityTypes.Contains(o.EntityType) && o.ProcessedAtUtc == null)
            .ExecuteUpdateAsync(s => s.SetProperty(o => o.ProcessedAtUtc, now).SetProperty(o => o.LastError, "Superseded by the LinkedIn backfill"), ct);
        await tx.CommitAsync(ct);
    }

    /// <summary>Queues the chunk at <paramref name="cursor"/> (newest entities first) and moves the cursor past it, in one transaction.</summary>
    private async Task QueueChunkAsync(int connectionId, string cursor, CancellationToken ct)
    {
        var (step, before) = Parse(cursor);
        var (type, source) = Steps()[step];
        // Newest first: the most recent history reaches LinkedIn first (rows are leased in outbox order).
        var chunk = await source.Where(r => r.Id < before).OrderByDescending(r => r.Id).Take(ChunkSize).ToListAsync(ct);
        var next = chunk.Count == ChunkSize ? Cursor(step, chunk[^1].Id) : step + 1 < StepCount ? Cursor(step + 1, int.MaxValue) : null;
        var now = clock.GetUtcNow().UtcDateTime;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var moved = await db.Set<LinkedInConnection>().Where(c => c.Id == connectionId && c.BackfillCursor == cursor)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.BackfillCursor, next).SetProperty(c => c.BackfillTotal, c => c.BackfillTotal + chunk.Count), ct);
        if (moved == 0)
        {
            return; // another instance queued this chunk (or the connection was reset)
        }
        db.OutboxMessages.AddRange(chunk.Select(r => new OutboxMessage
        {
            EntityType = type,
            EntityId = r.Id,
            Operation = ChangeOperation.Updated,
            OccurredAtUtc = now,
            JobId = r.JobId,
            CandidateId = r.CandidateId,
            ApplicationId = r.ApplicationId,
            ActorUserId = Actor,
            Backfill = true,
        }));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        db.ChangeTracker.Clear();
    }

    private const int StepCount = 5;

    /// <summary>What the backfill sends, parents first: candidates, applications (with a candidate), stage moves, notes, scorecards.</summary>
    private (string Type, IQueryable<Row> Source)[] Steps() =>
    [
        (TrackedTypes.Candidate, db.Candidates.AsNoTracking().Select(c => new Row { Id = c.Id, JobId = null, CandidateId = c.Id, ApplicationId = null })),
        (TrackedTypes.Application, db.Applications.AsNoTracking().Where(a => a.CandidateId != null)
            .Select(a => new Row { Id = a.Id, JobId = a.JobId, CandidateId = a.CandidateId, ApplicationId = a.Id })),
        (TrackedTypes.StageMove, db.StageMoves.AsNoTracking().Where(m => m.Application.CandidateId != null)
            .Select(m => new Row { Id = m.Id, JobId = m.Application.JobId, CandidateId = m.Application.CandidateId, ApplicationId = m.ApplicationId })),
        (TrackedTypes.Note, db.Notes.AsNoTracking()
            .Select(n => new Row { Id = n.Id, JobId = n.Application != null ? (int?)n.Application.JobId : null, CandidateId = n.CandidateId, ApplicationId = n.ApplicationId })),
        (TrackedTypes.Feedback, db.Scorecards.AsNoTracking()
            .Select(s => new Row { Id = s.Id, JobId = s.Application.JobId, CandidateId = s.Application.CandidateId, ApplicationId = s.ApplicationId })),
    ];

    private static string Cursor(int step, int before) => string.Create(CultureInfo.InvariantCulture, $"{step}:{before}");

    private static (int Step, int Before) Parse(string cursor)
    {
        var colon = cursor.IndexOf(':', StringComparison.Ordinal);
        return (int.Parse(cursor[..colon], CultureInfo.InvariantCulture), int.Parse(cursor[(colon + 1)..], CultureInfo.InvariantCulture));
    }

    private sealed class Row
    {
        public int Id { get; init; }

        public int? JobId { get; init; }

        public int? CandidateId { get; init; }

        public int? ApplicationId { get; init; }
    }
}
