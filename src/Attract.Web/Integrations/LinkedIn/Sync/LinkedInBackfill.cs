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

    private const int Chunk = 1000;

    /// <summary>Requests a day the backfill may use: LinkedIn's daily quota less the share kept for live changes.</summary>
    public int DailyBudget =>
        (int)Math.Round(recruiter.Value.Quotas.DailyRequests * (1 - Math.Clamp(options.Value.Sync.BackfillLiveReserve, 0.05, 0.9)));

    /// <summary>Whether the requests sent today by every instance leave room for more backfill.</summary>
    public async Task<bool> WithinBudgetAsync(CancellationToken ct = default)
    {
        var (requests, _) = await usage.ReadTodayAsync(db, ct);
        return requests < DailyBudget;
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

    /// <summary>Queues the backfill once per connection (a conditional UPDATE makes sure only one instance does it).</summary>
    public async Task<bool> QueueIfNeededAsync(int connectionId, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var tx = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        var won = await db.Set<LinkedInConnection>()
            .Where(LinkedInConnection.HasCompanyFeatures)
            .Where(c => c.Id == connectionId && c.BackfillQueuedAtUtc == null)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.BackfillQueuedAtUtc, now), ct);
        if (won == 0)
        {
            return false;
        }
        await db.OutboxMessages.Where(o => LinkedInSyncDrain.EntityTypes.Contains(o.EntityType) && o.ProcessedAtUtc == null)
            .ExecuteUpdateAsync(s => s.SetProperty(o => o.ProcessedAtUtc, now).SetProperty(o => o.LastError, "Superseded by the LinkedIn backfill"), ct);
        var total = 0;
        total += await EnqueueAsync(db.Candidates.AsNoTracking().Select(c => new Row { Id = c.Id, JobId = null, CandidateId = c.Id, ApplicationId = null }), TrackedTypes.Candidate, now, ct);
        total += await EnqueueAsync(db.Applications.AsNoTracking().Where(a => a.CandidateId != null)
            .Select(a => new Row { Id = a.Id, JobId = a.JobId, CandidateId = a.CandidateId, ApplicationId = a.Id }), TrackedTypes.Application, now, ct);
        total += await EnqueueAsync(db.StageMoves.AsNoTracking().Where(m => m.Application.CandidateId != null)
            .Select(m => new Row { Id = m.Id, JobId = m.Application.JobId, CandidateId = m.Application.CandidateId, ApplicationId = m.ApplicationId }), TrackedTypes.StageMove, now, ct);
        total += await EnqueueAsync(db.Notes.AsNoTracking()
            .Select(n => new Row { Id = n.Id, JobId = n.Application != null ? (int?)n.Application.JobId : null, CandidateId = n.CandidateId, ApplicationId = n.ApplicationId }), TrackedTypes.Note, now, ct);
        total += await EnqueueAsync(db.Scorecards.AsNoTracking()
            .Select(s => new Row { Id = s.Id, JobId = s.Application.JobId, CandidateId = s.Application.CandidateId, ApplicationId = s.ApplicationId }), TrackedTypes.Feedback, now, ct);
        await db.Set<LinkedInConnection>().Where(c => c.Id == connectionId)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.BackfillTotal, total), ct);
        if (tx is not null)
        {
            await tx.CommitAsync(ct);
        }
        return true;
    }

    private async Task<int> EnqueueAsync(IQueryable<Row> source, string type, DateTime now, CancellationToken ct)
    {
        var count = 0;
        var before = int.MaxValue;
        while (true)
        {
            // Newest first: the most recent history reaches LinkedIn first (rows are leased in outbox order).
            var chunk = await source.Where(r => r.Id < before).OrderByDescending(r => r.Id).Take(Chunk).ToListAsync(ct);
            if (chunk.Count == 0)
            {
                return count;
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
            db.ChangeTracker.Clear();
            count += chunk.Count;
            before = chunk[^1].Id;
        }
    }

    private sealed class Row
    {
        public int Id { get; init; }

        public int? JobId { get; init; }

        public int? CandidateId { get; init; }

        public int? ApplicationId { get; init; }
    }
}
