using Attract.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Attract.Core.Candidates;

/// <summary>
/// Gives search terms to candidates that have none (rows written before the <c>CandidateSearchTerms</c> migration).
/// Runs at start-up after the migrations, in batches of <c>batchSize</c> candidates in Id order, each its own
/// SaveChanges; idempotent (a candidate with terms is skipped, one without any searchable data is passed over).
/// </summary>
public static class CandidateSearchBackfill
{
    public static async Task<int> RunAsync(AttractDbContext db, int batchSize = 500, CancellationToken ct = default)
    {
        var track = db.TrackChanges;
        db.TrackChanges = false; // derived data: no activity-log or outbox rows
        try
        {
            var filled = 0;
            var afterId = 0;
            while (true)
            {
                var batch = await db.Candidates.Include(c => c.Emails).Include(c => c.SearchTerms)
                    .Where(c => c.Id > afterId && !c.SearchTerms.Any())
                    .OrderBy(c => c.Id).Take(batchSize).ToListAsync(ct);
                if (batch.Count == 0)
                {
                    return filled;
                }
                foreach (var candidate in batch)
                {
                    candidate.RefreshSearchTerms();
                }
                await db.SaveChangesAsync(ct);
                db.ChangeTracker.Clear();
                filled += batch.Count(c => c.SearchTerms.Count > 0);
                afterId = batch[^1].Id;
            }
        }
        finally
        {
            db.TrackChanges = track;
        }
    }
}
