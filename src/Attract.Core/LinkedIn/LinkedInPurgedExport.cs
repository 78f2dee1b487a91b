namespace Attract.Core.LinkedIn;

/// <summary>A member LinkedIn reported as purged (<c>atsPurgedExportedCandidates</c>); the admin decides on erasure.</summary>
public class LinkedInPurgedExport
{
    public int Id { get; set; }

    public string PersonUrn { get; set; } = "";

    public DateTime PurgedAtUtc { get; set; }

    public int? CandidateId { get; set; }

    public DateTime? HandledAtUtc { get; set; }
}
