using System.ComponentModel.DataAnnotations;
using Attract.Core.Candidates;

namespace Attract.Web.Pages.Candidates;

/// <summary>The editable fields of a candidate, shared by Create and Edit. Lists are one item per line (or comma-separated).</summary>
public class CandidateInput : IValidatableObject
{
    [Required, StringLength(100), Display(Name = "First name")]
    public string FirstName { get; set; } = "";

    [Required, StringLength(100), Display(Name = "Last name")]
    public string LastName { get; set; } = "";

    [Display(Name = "Emails"), StringLength(2000)]
    public string? Emails { get; set; }

    [Display(Name = "Phones"), StringLength(500)]
    public string? Phones { get; set; }

    [StringLength(200), Display(Name = "Current company")]
    public string? CurrentCompany { get; set; }

    [StringLength(200), Display(Name = "Current title")]
    public string? CurrentTitle { get; set; }

    [StringLength(100)]
    public string? City { get; set; }

    [StringLength(100)]
    public string? Region { get; set; }

    [StringLength(100)]
    public string? Country { get; set; }

    [Url, StringLength(400), Display(Name = "LinkedIn profile URL")]
    public string? LinkedInProfileUrl { get; set; }

    [Required, StringLength(50)]
    public string Source { get; set; } = CandidateSources.Sourced;

    [StringLength(500)]
    public string? Tags { get; set; }

    [StringLength(2000)]
    public string? Summary { get; set; }

    public Guid Version { get; set; }

    public IReadOnlyList<string> EmailList => Split(Emails);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var attribute = new EmailAddressAttribute();
        foreach (var email in EmailList.Where(e => !attribute.IsValid(e)))
        {
            yield return new ValidationResult($"'{email}' is not a valid email address.", [nameof(Emails)]);
        }
        if (LinkedInProfileUrl is { Length: > 0 } url && !url.Contains("linkedin.com/", StringComparison.OrdinalIgnoreCase))
        {
            yield return new ValidationResult("Enter a linkedin.com profile URL.", [nameof(LinkedInProfileUrl)]);
        }
    }

    public static CandidateInput From(Candidate c) => new()
    {
        FirstName = c.FirstName,
        LastName = c.LastName,
        Emails = string.Join("\n", c.Emails.OrderBy(e => e.Id).Select(e => e.Address)),
        Phones = string.Join("\n", c.Phones),
        CurrentCompany = c.CurrentCompany,
        CurrentTitle = c.CurrentTitle,
        City = c.City,
        Region = c.Region,
        Country = c.Country,
        LinkedInProfileUrl = c.LinkedInProfileUrl,
        Source = c.Source,
        Tags = string.Join(", ", c.Tags),
        Summary = c.Summary,
        Version = c.Version,
    };

    public void ApplyTo(Candidate c)
    {
        c.SetName(FirstName, LastName);
        c.SetEmails(EmailList);
        c.Phones = Split(Phones).ToList();
        c.CurrentCompany = Blank(CurrentCompany);
        c.CurrentTitle = Blank(CurrentTitle);
        c.City = Blank(City);
        c.Region = Blank(Region);
        c.Country = Blank(Country);
        c.SetLinkedInProfileUrl(LinkedInProfileUrl);
        c.Source = Source.Trim();
        c.Tags = Split(Tags).Select(t => t.ToLowerInvariant()).Distinct().ToList();
        c.Summary = Blank(Summary);
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    private static List<string> Split(string? s) =>
        (s ?? "").Split(['\n', '\r', ',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
}
