using System.Text.Json.Serialization;

namespace LinkedIn.Recruiter;

/// <summary>Location of an exported candidate.</summary>
public sealed record ExportedLocation
{
    public string? City { get; init; }

    public string? Region { get; init; }

    public string? CountryCode { get; init; }
}

/// <summary>Who exported the candidate.</summary>
public sealed record Exporter
{
    public string? Seat { get; init; }

    public string? Member { get; init; }

    public string? Contract { get; init; }
}

/// <summary>A candidate pulled after a 1-Click Export push (<c>exportedCandidates?q=request</c>).</summary>
public sealed record ExportedCandidate
{
    public string Id { get; init; } = "";

    public string? RequestId { get; init; }

    /// <summary>Person URN (<c>urn:li:person:…</c>).</summary>
    public string? Member { get; init; }

    public string? FirstName { get; init; }

    public string? LastName { get; init; }

    public string? Headline { get; init; }

    public ExportedLocation? Location { get; init; }

    public string? PublicProfileUrl { get; init; }

    /// <summary>Null unless the member shares it.</summary>
    public string? EmailAddress { get; init; }

    /// <summary>Null unless the member shares it.</summary>
    public string? PhoneNumber { get; init; }

    public string? CurrentCompanyName { get; init; }

    public string? CurrentTitle { get; init; }

    public string? ExternalJobPostingId { get; init; }

    public string? IntegrationContext { get; init; }

    public Exporter? Exporter { get; init; }

    public long ExportedAt { get; init; }
}

/// <summary>An exported member whose data must be purged (<c>atsPurgedExportedCandidates</c>).</summary>
public sealed record PurgedExportedCandidate
{
    public string Member { get; init; } = "";

    public string? RequestId { get; init; }

    public long PurgedAt { get; init; }
}

/// <summary>A Recruiter seat holder (<c>seatsV2</c> / legacy <c>seats</c>).</summary>
public sealed record RecruiterSeat
{
    /// <summary>Seat URN (<c>urn:li:seat:…</c>).</summary>
    public string Id { get; init; } = "";

    public string? Contract { get; init; }

    public string? Member { get; init; }

    public bool? Active { get; init; }

    public string? SeatType { get; init; }

    public string? FirstName { get; init; }

    public string? LastName { get; init; }
}

/// <summary>An InMail event (<c>conversationEvents?q=criteria</c>).</summary>
public sealed record ConversationEvent
{
    public string Id { get; init; } = "";

    public string? Conversation { get; init; }

    /// <summary><c>INMAIL_SENT</c>, <c>INMAIL_REPLY</c>, <c>INMAIL_ACCEPTED</c> or <c>INMAIL_DECLINED</c>.</summary>
    public string? EventType { get; init; }

    public string? Sender { get; init; }

    public string? Seat { get; init; }

    public string? Prospect { get; init; }

    public string? Subject { get; init; }

    public string? Body { get; init; }

    public long CreatedAt { get; init; }
}

/// <summary>A stub profile created when an InMail recipient shares contact details (<c>mailStubs?q=contract</c>).</summary>
public sealed record MailStub
{
    public string Id { get; init; } = "";

    public string? Member { get; init; }

    public string? FirstName { get; init; }

    public string? LastName { get; init; }

    public string? EmailAddress { get; init; }

    public string? PhoneNumber { get; init; }

    public string? Owner { get; init; }

    public string? Contract { get; init; }

    public long CreatedAt { get; init; }
}

/// <summary>A Recruiter note on a prospect (<c>prospectNotes?q=criteria</c>).</summary>
public sealed record ProspectNote
{
    public string Id { get; init; } = "";

    public string? Prospect { get; init; }

    public string? Owner { get; init; }

    public string? Contract { get; init; }

    public string? Note { get; init; }

    /// <summary><c>PUBLIC</c> or <c>PRIVATE</c>.</summary>
    public string? Visibility { get; init; }

    /// <summary>False when the note was deleted.</summary>
    public bool Active { get; init; } = true;

    public long CreatedAt { get; init; }

    public long LastModifiedAt { get; init; }
}

/// <summary>The signed-in member (<c>GET /v2/me</c>, 3-legged).</summary>
public sealed record LinkedInMember
{
    public string Id { get; init; } = "";

    public string? LocalizedFirstName { get; init; }

    public string? LocalizedLastName { get; init; }

    public string? LocalizedHeadline { get; init; }

    /// <summary><c>urn:li:person:{id}</c>.</summary>
    [JsonIgnore]
    public string PersonUrn => "urn:li:person:" + Id;
}

/// <summary>A Recruiter contract on which the signed-in member holds a seat (<c>recruiterContracts?q=viewer</c>).</summary>
public sealed record RecruiterContract
{
    /// <summary>Contract URN.</summary>
    public string Id { get; init; } = "";

    public string? Name { get; init; }

    /// <summary>Organization URN.</summary>
    public string? Organization { get; init; }

    /// <summary>The member's seat URN on this contract.</summary>
    public string? Seat { get; init; }

    public bool Admin { get; init; }

    /// <summary>True for the contract picked on the authorization screen.</summary>
    public bool Selected { get; init; }
}
