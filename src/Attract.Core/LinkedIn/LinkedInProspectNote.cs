namespace Attract.Core.LinkedIn;

/// <summary>A Recruiter note about a prospect pulled from <c>prospectNotes</c> (contract level).</summary>
public class LinkedInProspectNote
{
    public int Id { get; set; }

    public string ExternalId { get; set; } = "";

    public string ProspectUrn { get; set; } = "";

    public string OwnerSeatUrn { get; set; } = "";

    public string Note { get; set; } = "";

    public string Visibility { get; set; } = "PUBLIC";

    public bool Active { get; set; } = true;

    public DateTime CreatedAtUtc { get; set; }

    public DateTime LastModifiedAtUtc { get; set; }
}
