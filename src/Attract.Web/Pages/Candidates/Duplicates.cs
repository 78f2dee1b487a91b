using Attract.Core.Candidates;
using Attract.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Attract.Web.Pages.Candidates;

/// <summary>Finds existing candidates sharing an email address or LinkedIn profile URL (both indexed).</summary>
public static class Duplicates
{
    public record Match(int Id, string Name, string? Company, string Reason);

    public static async Task<IReadOnlyList<Match>> FindAsync(AttractDbContext db, IEnumerable<string> emails, string? linkedInUrl, int? exceptId = null)
    {
        var normalized = emails.Select(CandidateEmail.Normalize).ToList();
        var key = Candidate.NormalizeLinkedInUrl(linkedInUrl);
        var byEmail = normalized.Count == 0 ? [] : await db.CandidateEmails.AsNoTracking()
            .Where(e => normalized.Contains(e.Normalized) && e.CandidateId != exceptId)
            .Select(e => new Match(e.CandidateId, e.Candidate.FirstName + " " + e.Candidate.LastName, e.Candidate.CurrentCompany, "same email " + e.Address))
            .ToListAsync();
        var byUrl = key is null ? [] : await db.Candidates.AsNoTracking()
            .Where(c => c.LinkedInProfileKey == key && c.Id != exceptId)
            .Select(c => new Match(c.Id, c.FirstName + " " + c.LastName, c.CurrentCompany, "same LinkedIn profile"))
            .ToListAsync();
        return byEmail.Concat(byUrl).DistinctBy(m => m.Id).ToList();
    }
}
