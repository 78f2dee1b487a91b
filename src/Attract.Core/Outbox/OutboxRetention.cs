using Attract.Core.Common;
using Attract.Core.Data;
using Attract.Core.LinkedIn;
using Microsoft.EntityFrameworkCore;

namespace Attract.Core.Outbox;

/// <summary>
/// Keeps the outbox from growing forever: processed rows older than the retention period are deleted in batches.
/// Unprocessed rows (the backlog, and rows waiting to be retried) are never touched. The newest successfully sent row of
/// each job is kept, because the job-postings sync reads it to tell a first posting (CREATE) from a later one (UPDATE).
/// The newest row of each exported candidate's link to its LinkedIn member is kept too: it tells the link reconciliation
/// that the link was made (or given up), so the candidate is not queued again. The audit trail is a separate table and is
/// not affected.
/// </summary>
public static class OutboxRetention
{
    public static async Task<int> DeleteProcessedAsync(this AttractDbContext db, DateTime olderThanUtc, int batchSize = 5000, CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        var deleted = 0;
        while (true)
        {
            var batch = await db.OutboxMessages
                .Where(o => o.ProcessedAtUtc != null && o.ProcessedAtUtc < olderThanUtc
                    && (o.EntityType != TrackedTypes.Job || db.OutboxMessages.Any(n => n.EntityType == TrackedTypes.Job && n.EntityId == o.EntityId
                        && n.ProcessedAtUtc != null && n.LastError == null && n.Id > o.Id))
                    && (o.EntityType != LinkedInSyncError.ManualMatchedMember || db.OutboxMessages.Any(n => n.EntityType == LinkedInSyncError.ManualMatchedMember
                        && n.EntityId == o.EntityId && n.Id > o.Id)))
                .OrderBy(o => o.ProcessedAtUtc).Select(o => o.Id).Take(batchSize).ToListAsync(ct); // index order (ProcessedAtUtc, Id)
            if (batch.Count == 0)
            {
                return deleted;
            }
            deleted += await db.OutboxMessages.Where(o => batch.Contains(o.Id)).ExecuteDeleteAsync(ct);
        }
    }
}
