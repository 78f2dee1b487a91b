using Attract.Core.Common;
using Attract.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Attract.Core.Candidates;

/// <summary>
/// GDPR erasure: deletes the candidate's personal data (the candidate row, emails, notes, feedback and pool
/// memberships), keeps their applications as anonymous pipeline counts with stage history, strips their name from
/// the activity log, and writes Deleted rows to the outbox. Call <c>SaveChangesAsync</c> afterwards.
/// </summary>
public static class CandidateEraser
{
    public static async Task EraseAsync(AttractDbContext db, int candidateId, CancellationToken ct = default)
    {
        var candidate = await db.Candidates.Include(c => c.Emails).Include(c => c.Applications)
            .FirstOrDefaultAsync(c => c.Id == candidateId, ct)
            ?? throw new DomainException($"Candidate #{candidateId} does not exist.");
        var applicationIds = candidate.Applications.Select(a => a.Id).ToList();

        db.Notes.RemoveRange(await db.Notes.Where(n => n.CandidateId == candidateId).ToListAsync(ct));
        db.Scorecards.RemoveRange(await db.Scorecards.Include(s => s.Ratings).Where(s => applicationIds.Contains(s.ApplicationId)).ToListAsync(ct));
        db.TalentPoolMembers.RemoveRange(await db.TalentPoolMembers.Where(m => m.CandidateId == candidateId).ToListAsync(ct));
        foreach (var application in candidate.Applications)
        {
            application.CandidateId = null;
            application.Candidate = null;
        }
        await db.AuditEntries.Where(a => a.CandidateId == candidateId)
            .ForEachAsync(a => a.Description = a.Action + " (details erased)", ct);
        db.Candidates.Remove(candidate);
        db.Audit(TrackedTypes.Candidate, candidateId, "Erased", "Personal data erased (GDPR); pipeline counts kept.",
            new AuditScope(null, candidateId, null));
    }
}
