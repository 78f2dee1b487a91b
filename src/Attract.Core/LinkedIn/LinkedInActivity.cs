namespace Attract.Core.LinkedIn;

/// <summary>An InMail event pulled from <c>conversationEvents</c> for a seat (contract level).</summary>
public class LinkedInInMail
{
    public int Id { get; set; }

    public string ExternalId { get; set; } = "";

    public string ConversationUrn { get; set; } = "";

    public string EventType { get; set; } = "";

    /// <summary>The seat whose history this event came from.</summary>
    public string SeatUrn { get; set; } = "";

    public string ProspectUrn { get; set; } = "";

    public string? SenderUrn { get; set; }

    public string? Subject { get; set; }

    public string? Body { get; set; }

    public DateTime CreatedAtUtc { get; set; }
}

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

/// <summary>The stored position of a recurring pull per seat and kind, so each run continues where the last one stopped.</summary>
public class LinkedInPullCursor
{
    public int Id { get; set; }

    public string SeatUrn { get; set; } = "";

    /// <summary><c>inmail</c>, <c>notes</c> or <c>stubs</c>.</summary>
    public string Kind { get; set; } = "";

    public DateTime CursorUtc { get; set; }

    public DateTime? LastRunAtUtc { get; set; }

    public string? LastError { get; set; }
}

/// <summary>A member LinkedIn reported as purged (<c>atsPurgedExportedCandidates</c>); the admin decides on erasure.</summary>
public class LinkedInPurgedExport
{
    public int Id { get; set; }

    public string PersonUrn { get; set; } = "";

    public DateTime PurgedAtUtc { get; set; }

    public int? CandidateId { get; set; }

    public DateTime? HandledAtUtc { get; set; }
}
