using Attract.Core.Candidates;
using Attract.Core.Data;
using LinkedIn.Recruiter;
using Microsoft.EntityFrameworkCore;

namespace Attract.Web.Integrations.LinkedIn.Export;

/// <summary>Finds the Attract candidate an exported LinkedIn member is, or creates one, and fills in what Attract lacks.</summary>
internal static class ExportedCandidateMatcher
{
    /// <summary>By person URN, then email, then normalised profile URL; otherwise a new candidate.</summary>
    public static async Task<(Candidate Candidate, string How)> FindOrCreateAsync(AttractDbContext scopedDb, ExportedCandidate e, DateTime now, CancellationToken ct)
    {
        var candidates = scopedDb.Candidates.Include(c => c.Emails);
        Candidate? found = null;
        var how = "";
        if (!string.IsNullOrWhiteSpace(e.Member))
        {
            found = await candidates.FirstOrDefaultAsync(c => c.LinkedInPersonUrn == e.Member, ct);
            how = "matched by LinkedIn member";
        }
        if (found is null && !string.IsNullOrWhiteSpace(e.EmailAddress))
        {
            var email = CandidateEmail.Normalize(e.EmailAddress);
            found = await candidates.FirstOrDefaultAsync(c => c.Emails.Any(m => m.Normalized == email), ct);
            how = "matched by email";
        }
        if (found is null && Candidate.NormalizeLinkedInUrl(e.PublicProfileUrl) is { } key)
        {
            found = await candidates.FirstOrDefaultAsync(c => c.LinkedInProfileKey == key, ct);
            how = "matched by LinkedIn profile URL";
        }
        if (found is not null)
        {
            found.LinkedInPersonUrn ??= e.Member;
            Fill(found, e);
            return (found, how);
        }
        var candidate = new Candidate
        {
            Source = LinkedInExportProcessor.Source,
            LinkedInPersonUrn = e.Member,
            CreatedAtUtc = now,
            UpdatedAtUtc = now,
        };
        candidate.SetName(e.FirstName ?? "", e.LastName ?? "");
        if (candidate.FullName.Length == 0)
        {
            candidate.SetName("LinkedIn", "member");
        }
        Fill(candidate, e);
        scopedDb.Candidates.Add(candidate);
        return (candidate, "new candidate");
    }

    /// <summary>Fills blanks only; shared email and phone are added.</summary>
    private static void Fill(Candidate c, ExportedCandidate e)
    {
        c.CurrentCompany ??= e.CurrentCompanyName;
        c.CurrentTitle ??= e.CurrentTitle ?? e.Headline;
        c.Summary ??= e.Headline;
        c.City ??= e.Location?.City;
        c.Region ??= e.Location?.Region;
        c.Country ??= e.Location?.CountryCode?.ToUpperInvariant();
        if (c.LinkedInProfileUrl is null && !string.IsNullOrWhiteSpace(e.PublicProfileUrl))
        {
            c.SetLinkedInProfileUrl(e.PublicProfileUrl);
        }
        if (!string.IsNullOrWhiteSpace(e.EmailAddress))
        {
            c.SetEmails(c.Emails.Select(m => m.Address).Append(e.EmailAddress));
        }
        if (!string.IsNullOrWhiteSpace(e.PhoneNumber) && !c.Phones.Contains(e.PhoneNumber.Trim(), StringComparer.OrdinalIgnoreCase))
        {
            c.Phones = [.. c.Phones, e.PhoneNumber.Trim()];
        }
    }
}
