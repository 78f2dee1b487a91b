using Attract.Core.Common;
using Attract.Core.Data;
using Attract.Core.LinkedIn;
using Attract.Core.Outbox;
using Microsoft.EntityFrameworkCore;

namespace Attract.Web.Integrations.LinkedIn.Sync;

/// <summary>
/// The first full sync after company-level access is enabled: every candidate, application, stage move, note and
/// scorecard is enqueued as an outbox row (marked with <see cref="Actor"/>) into the same drain pipeline, in chunks.
/// Pending rows written before it are superseded (the backfill sends the current state anyway).
/// </summary>
public sealed class LinkedInBackfill(AttractDbContext db, TimeProvider clock)
{
    /// <summary>The <see cref="OutboxMessage.ActorUserId"/> of backfill rows, so progress can be counted.</summary>
    public const string Actor = "system:linkedin-backfill";

    private const int Chunk = 1000;

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
        var after = 0;
        while (true)
        {
            var chunk = await source.Where(r => r.Id > after).OrderBy(r => r.Id).Take(Chunk).ToListAsync(ct);
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
            }));
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            count += chunk.Count;
            after = chunk[^1].Id;
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
