using System.Text.Json;
using Attract.Core.Common;
using Attract.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Attract.Core.Candidates;

/// <summary>
/// Merges a duplicate into a survivor: profile data, applications (with stage history and feedback), notes, pool
/// memberships and activity history move to the survivor; the duplicate is deleted and the merge is logged with a
/// snapshot of the duplicate. Call <c>SaveChangesAsync</c> afterwards (one transaction).
/// </summary>
public static class CandidateMerger
{
    public static async Task MergeAsync(AttractDbContext db, int survivorId, int duplicateId, CancellationToken ct = default)
    {
        if (survivorId == duplicateId)
        {
            throw new DomainException("A candidate can't be merged into itself.");
        }
        var survivor = await LoadAsync(db, survivorId, ct);
        var duplicate = await LoadAsync(db, duplicateId, ct);
        var snapshot = JsonSerializer.Serialize(new
        {
            duplicate.Id,
            duplicate.FirstName,
            duplicate.LastName,
            Emails = duplicate.Emails.Select(e => e.Address),
            duplicate.Phones,
            duplicate.CurrentCompany,
            duplicate.CurrentTitle,
            duplicate.LinkedInProfileUrl,
            duplicate.Source,
            duplicate.Tags,
        });

        var duplicateEmails = duplicate.Emails.Select(e => e.Address).ToList();
        var duplicateUrl = duplicate.LinkedInProfileUrl;
        db.CandidateEmails.RemoveRange(duplicate.Emails);
        duplicate.Emails.Clear();
        duplicate.SetLinkedInProfileUrl(null);
        survivor.SetEmails(survivor.Emails.Select(e => e.Address).Concat(duplicateEmails).ToList());
        var duplicateProfile = new Candidate
        {
            Phones = duplicate.Phones,
            Tags = duplicate.Tags,
            CurrentCompany = duplicate.CurrentCompany,
            CurrentTitle = duplicate.CurrentTitle,
            City = duplicate.City,
            Region = duplicate.Region,
            Country = duplicate.Country,
            Summary = duplicate.Summary,
            LinkedInPersonUrn = duplicate.LinkedInPersonUrn,
        };
        duplicateProfile.SetLinkedInProfileUrl(duplicateUrl);
        duplicate.LinkedInPersonUrn = null;
        survivor.AbsorbProfileOf(duplicateProfile);

        await MoveApplicationsAsync(db, survivor, duplicate, ct);

        await db.Notes.Where(n => n.CandidateId == duplicateId).ForEachAsync(n => n.CandidateId = survivorId, ct);
        var pools = await db.TalentPoolMembers.Where(m => m.CandidateId == duplicateId).ToListAsync(ct);
        var survivorPools = await db.TalentPoolMembers.Where(m => m.CandidateId == survivorId).Select(m => m.PoolId).ToListAsync(ct);
        foreach (var member in pools)
        {
            db.TalentPoolMembers.Remove(member);
            if (!survivorPools.Contains(member.PoolId))
            {
                db.TalentPoolMembers.Add(new() { PoolId = member.PoolId, CandidateId = survivorId, AddedById = member.AddedById, AddedAtUtc = member.AddedAtUtc });
            }
        }
        await db.AuditEntries.Where(a => a.CandidateId == duplicateId).ForEachAsync(a => a.CandidateId = survivorId, ct);

        db.Candidates.Remove(duplicate);
        db.Audit(TrackedTypes.Candidate, survivorId, "Merged",
            $"Merged {duplicate.FullName} (#{duplicateId}) into {survivor.FullName} (#{survivorId}). Duplicate was: {snapshot}",
            new AuditScope(null, survivorId, null));
    }

    private static async Task MoveApplicationsAsync(AttractDbContext db, Candidate survivor, Candidate duplicate, CancellationToken ct)
    {
        foreach (var application in duplicate.Applications.ToList())
        {
            var existing = survivor.Applications.FirstOrDefault(a => a.JobId == application.JobId);
            if (existing is null)
            {
                application.CandidateId = survivor.Id;
                application.Candidate = survivor;
                continue;
            }
            // Both were in the same job's pipeline: keep the survivor's application and fold the duplicate's history,
            // feedback and notes into it, so nothing is lost.
            foreach (var move in application.History.ToList())
            {
                move.ApplicationId = existing.Id;
                move.Application = existing;
            }
            await db.Scorecards.Where(s => s.ApplicationId == application.Id).ForEachAsync(s => s.ApplicationId = existing.Id, ct);
            await db.Notes.Where(n => n.ApplicationId == application.Id).ForEachAsync(n => n.ApplicationId = existing.Id, ct);
            application.History.Clear();
            db.Applications.Remove(application);
        }
    }

    private static Task<Candidate> LoadAsync(AttractDbContext db, int id, CancellationToken ct) =>
        db.Candidates.Include(c => c.Emails).Include(c => c.Applications).ThenInclude(a => a.History)
            .FirstOrDefaultAsync(c => c.Id == id, ct)
            .ContinueWith(t => t.Result ?? throw new DomainException($"Candidate #{id} does not exist."), ct);
}
