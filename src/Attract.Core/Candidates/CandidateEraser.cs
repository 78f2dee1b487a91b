using Attract.Core.Common;
using Attract.Core.Data;
using Attract.Core.LinkedIn;
using Attract.Core.Privacy;
using Microsoft.EntityFrameworkCore;

namespace Attract.Core.Candidates;

/// <summary>
/// GDPR erasure (Art. 17): deletes the candidate's personal data (the candidate row with emails and search terms, notes,
/// feedback and pool memberships, and what the LinkedIn integration pulled about the person: InMails, Recruiter notes,
/// purged-export flags and sync errors); keeps their applications as anonymous pipeline counts with stage history but
/// without free-text rejection reasons; strips their details from the activity log and from the export notifications
/// that name them; writes Deleted rows to the outbox; and records a suppression entry (keyed hashes of the person URN,
/// emails and profile URL) so later LinkedIn pulls and exports do not re-create them. Call <c>SaveChangesAsync</c> afterwards.
/// </summary>
public static class CandidateEraser
{
    public static async Task EraseAsync(AttractDbContext db, int candidateId, SuppressionHasher hasher, CancellationToken ct = default)
    {
        var candidate = await db.Candidates.Include(c => c.Emails).Include(c => c.Applications).ThenInclude(a => a.History)
            .FirstOrDefaultAsync(c => c.Id == candidateId, ct)
            ?? throw new DomainException($"Candidate #{candidateId} does not exist.");
        var applicationIds = candidate.Applications.Select(a => a.Id).ToList();
        var urn = string.IsNullOrWhiteSpace(candidate.LinkedInPersonUrn) ? null : candidate.LinkedInPersonUrn.Trim();

        var notes = await db.Notes.Where(n => n.CandidateId == candidateId).ToListAsync(ct);
        var scorecards = await db.Scorecards.Include(s => s.Ratings).Where(s => applicationIds.Contains(s.ApplicationId)).ToListAsync(ct);
        db.Notes.RemoveRange(notes);
        db.Scorecards.RemoveRange(scorecards);
        db.TalentPoolMembers.RemoveRange(await db.TalentPoolMembers.Where(m => m.CandidateId == candidateId).ToListAsync(ct));
        foreach (var application in candidate.Applications)
        {
            application.ForgetCandidate();
        }
        await db.AuditEntries.Where(a => a.CandidateId == candidateId)
            .ForEachAsync(a => a.Description = a.Action + " (details erased)", ct);
        var purgedUrns = await ForgetLinkedInDataAsync(db, hasher, candidateId, urn, notes.Select(n => (long)n.Id), scorecards.Select(s => (long)s.Id), ct);
        Suppress(db, hasher, [urn, .. purgedUrns], candidate.Emails.Select(e => e.Address), candidate.LinkedInProfileUrl);

        db.Candidates.Remove(candidate);
        db.Audit(TrackedTypes.Candidate, candidateId, "Erased", "Personal data erased (GDPR); pipeline counts kept.",
            new AuditScope(null, candidateId, null));
    }

    /// <summary>Removes what the integration pulled about the person; returns the member URNs of purged-export flags.</summary>
    private static async Task<List<string>> ForgetLinkedInDataAsync(AttractDbContext db, SuppressionHasher hasher, int candidateId, string? urn,
        IEnumerable<long> noteIds, IEnumerable<long> feedbackIds, CancellationToken ct)
    {
        if (urn is not null)
        {
            db.RemoveRange(await db.Set<LinkedInInMail>().Where(m => m.ProspectUrn == urn || m.SenderUrn == urn).ToListAsync(ct));
            db.RemoveRange(await db.Set<LinkedInProspectNote>().Where(n => n.ProspectUrn == urn).ToListAsync(ct));
        }
        // LinkedIn's purge request stays on record as handled, under the keyed hash of the member instead of the member.
        var purged = await db.Set<LinkedInPurgedExport>().Where(p => p.CandidateId == candidateId || (urn != null && p.PersonUrn == urn)).ToListAsync(ct);
        var purgedUrns = purged.Select(p => p.PersonUrn).ToList();
        foreach (var row in purged)
        {
            row.PersonUrn = hasher.Hash(SuppressionKinds.PersonUrn, row.PersonUrn) ?? "";
            row.CandidateId = null;
            row.HandledAtUtc ??= db.UtcNow;
        }
        await db.Set<LinkedInNotification>().Where(n => n.CandidateId == candidateId || (urn != null && n.PersonUrn == urn))
            .ForEachAsync(n => n.ForgetPerson(), ct);
        // A failed sync of the candidate, its notes or its feedback may quote LinkedIn's error about the person's data;
        // the outbox's Deleted rows replace those retries.
        var candidateTypes = new[] { TrackedTypes.Candidate, LinkedInSyncError.ManualMatchedMember };
        var notes = noteIds.ToList();
        var feedback = feedbackIds.ToList();
        db.RemoveRange(await db.Set<LinkedInSyncError>().Where(e =>
                (candidateTypes.Contains(e.EntityType) && e.EntityId == candidateId)
                || (e.EntityType == TrackedTypes.Note && notes.Contains(e.EntityId))
                || (e.EntityType == TrackedTypes.Feedback && feedback.Contains(e.EntityId)))
            .ToListAsync(ct));
        // A link to the member may quote LinkedIn's refusal (which can name the member): the link rows go too.
        db.OutboxMessages.RemoveRange(await db.OutboxMessages.Where(o => o.EntityType == LinkedInSyncError.ManualMatchedMember && o.EntityId == candidateId)
            .ToListAsync(ct));
        return purgedUrns;
    }

    private static void Suppress(AttractDbContext db, SuppressionHasher hasher, IEnumerable<string?> urns, IEnumerable<string> emails, string? profileUrl)
    {
        var erasureId = Guid.NewGuid();
        var now = db.UtcNow;
        var hashes = urns.Distinct().SelectMany(u => hasher.HashesOf(u, [], null)).Concat(hasher.HashesOf(null, emails, profileUrl)).Distinct();
        foreach (var (kind, hash) in hashes)
        {
            db.ErasureSuppressions.Add(new ErasureSuppression
            {
                ErasureId = erasureId,
                Kind = kind,
                Hash = hash,
                ErasedAtUtc = now,
                ErasedByUserId = db.Actor.UserId,
                ErasedByName = db.Actor.DisplayName ?? "System",
            });
        }
    }
}
