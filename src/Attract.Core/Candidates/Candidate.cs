using Attract.Core.Common;
using Attract.Core.Pipeline;

namespace Attract.Core.Candidates;

/// <summary>A person Attract tracks. Personal data lives here (and in <see cref="Emails"/>), so erasure is deleting this row.</summary>
public class Candidate : ITracked, IVersioned
{
    public int Id { get; set; }

    public string FirstName { get; set; } = "";

    public string LastName { get; set; } = "";

    /// <summary>The candidate's email addresses (set with <see cref="SetEmails"/>); searched through <see cref="SearchTerms"/>.</summary>
    public List<CandidateEmail> Emails { get; set; } = [];

    /// <summary>The indexed words the candidate search matches (see <see cref="CandidateSearch"/>).</summary>
    public List<CandidateSearchTerm> SearchTerms { get; private set; } = [];

    public List<string> Phones { get; set; } = [];

    public string? CurrentCompany { get; set; }

    public string? CurrentTitle { get; set; }

    public string? City { get; set; }

    public string? Region { get; set; }

    public string? Country { get; set; }

    public string? LinkedInProfileUrl { get; private set; }

    /// <summary>Normalised profile URL (no scheme, host or trailing slash; lower case), indexed for duplicate checks.</summary>
    public string? LinkedInProfileKey { get; private set; }

    /// <summary>LinkedIn's person URN (<c>urn:li:person:…</c>) once the integration knows it.</summary>
    public string? LinkedInPersonUrn { get; set; }

    /// <summary>Where the candidate came from: one of <see cref="CandidateSources.All"/> or free text.</summary>
    public string Source { get; set; } = CandidateSources.Sourced;

    /// <summary>A short profile summary, shown to hiring managers in prospect review.</summary>
    public string? Summary { get; set; }

    public List<string> Tags { get; set; } = [];

    public DateTime CreatedAtUtc { get; set; }

    public DateTime UpdatedAtUtc { get; set; }

    public Guid Version { get; set; } = Guid.NewGuid();

    public List<JobApplication> Applications { get; set; } = [];

    public string TrackedType => TrackedTypes.Candidate;

    public long TrackedId => Id;

    public AuditScope Scope => new(null, Id, null);

    public string FullName => $"{FirstName} {LastName}".Trim();

    public string? PrimaryEmail => Emails.OrderBy(e => e.Id).FirstOrDefault()?.Address;

    public string Location => string.Join(", ", new[] { City, Region, Country }.Where(s => !string.IsNullOrWhiteSpace(s)));

    public void SetName(string firstName, string lastName)
    {
        FirstName = firstName.Trim();
        LastName = lastName.Trim();
        RefreshSearchTerms();
    }

    /// <summary>
    /// Brings <see cref="SearchTerms"/> in step with the names, company and emails: terms that no longer apply are
    /// removed, new ones added, unchanged rows left alone. SaveChanges calls it for every added or changed candidate (after loading <see cref="Emails"/> and <see cref="SearchTerms"/>).
    /// </summary>
    public void RefreshSearchTerms()
    {
        var wanted = CandidateSearchTokenizer.Terms(FirstName, LastName, CurrentCompany, Emails.Select(e => e.Address))
            .ToHashSet(StringComparer.Ordinal);
        SearchTerms.RemoveAll(t => !wanted.Contains(t.Term));
        wanted.ExceptWith(SearchTerms.Select(t => t.Term));
        SearchTerms.AddRange(wanted.Order(StringComparer.Ordinal).Select(term => new CandidateSearchTerm { CandidateId = Id, Term = term }));
    }

    public void SetLinkedInProfileUrl(string? url)
    {
        LinkedInProfileUrl = string.IsNullOrWhiteSpace(url) ? null : url.Trim();
        LinkedInProfileKey = NormalizeLinkedInUrl(LinkedInProfileUrl);
    }

    /// <summary>Replaces the email addresses, keeping rows whose address did not change.</summary>
    public void SetEmails(IEnumerable<string> addresses)
    {
        var wanted = addresses.Select(a => a.Trim()).Where(a => a.Length > 0)
            .DistinctBy(CandidateEmail.Normalize).ToList();
        Emails.RemoveAll(e => !wanted.Any(w => CandidateEmail.Normalize(w) == e.Normalized));
        foreach (var address in wanted.Where(w => !Emails.Any(e => e.Normalized == CandidateEmail.Normalize(w))))
        {
            Emails.Add(new CandidateEmail { Address = address, Normalized = CandidateEmail.Normalize(address) });
        }
    }

    public static string? NormalizeLinkedInUrl(string? url)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return null;
        }
        var s = url.Trim().ToLowerInvariant();
        var q = s.IndexOfAny(['?', '#']);
        if (q >= 0)
        {
            s = s[..q];
        }
        s = s.Replace("https://", "").Replace("http://", "");
        var slash = s.IndexOf('/');
        if (slash >= 0 && s[..slash].EndsWith("linkedin.com", StringComparison.Ordinal))
        {
            s = s[(slash + 1)..];
        }
        return s.TrimEnd('/');
    }

    /// <summary>
    /// Absorbs <paramref name="other"/>'s contact data into this record: blank fields are filled, emails, phones and tags
    /// are unioned. Applications, notes, pools and history are moved by <see cref="CandidateMerger"/>.
    /// </summary>
    public void AbsorbProfileOf(Candidate other)
    {
        if (other == this)
        {
            throw new DomainException("A candidate can't be merged into itself.");
        }
        SetEmails(Emails.Select(e => e.Address).Concat(other.Emails.Select(e => e.Address)).ToList());
        Phones = Phones.Concat(other.Phones).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        Tags = Tags.Concat(other.Tags).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        CurrentCompany ??= other.CurrentCompany;
        CurrentTitle ??= other.CurrentTitle;
        City ??= other.City;
        Region ??= other.Region;
        Country ??= other.Country;
        Summary ??= other.Summary;
        LinkedInPersonUrn ??= other.LinkedInPersonUrn;
        if (LinkedInProfileUrl is null)
        {
            SetLinkedInProfileUrl(other.LinkedInProfileUrl);
        }
    }
}

public static class CandidateSources
{
    public const string LinkedIn = "LinkedIn";
    public const string Referral = "Referral";
    public const string CareerSite = "Career site";
    public const string Agency = "Agency";
    public const string Sourced = "Sourced";
    public const string Event = "Event";

    public static readonly IReadOnlyList<string> All = [LinkedIn, Referral, CareerSite, Agency, Sourced, Event];
}
