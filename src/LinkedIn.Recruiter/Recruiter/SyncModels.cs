namespace LinkedIn.Recruiter;

/// <summary>A person named on notes and feedback (<c>{"firstName","lastName"}</c>).</summary>
public sealed record AtsActor
{
    public string? FirstName { get; init; }

    public string? LastName { get; init; }
}

/// <summary>Postal address of a candidate.</summary>
public sealed record AtsAddress
{
    public string? Line1 { get; init; }

    public string? Line2 { get; init; }

    public string? City { get; init; }

    public string? GeographicArea { get; init; }

    /// <summary>E.g. <c>STATE</c>.</summary>
    public string? GeographicAreaType { get; init; }

    public string? PostalCode { get; init; }

    public string? Country { get; init; }
}

/// <summary>Phone number of a candidate.</summary>
public sealed record AtsPhoneNumber
{
    public string Number { get; init; } = "";

    public string? Extension { get; init; }
}

/// <summary>
/// An <c>atsCandidates</c> entity. PUT is a full replace: a field left null is cleared on LinkedIn.
/// <see cref="MatchedMember"/> and <see cref="ManualMatchedMember"/> are filled on reads (BATCH_GET);
/// leave them null on writes (use <see cref="ILinkedInSyncClient.SetManualMatchedMembersAsync"/>).
/// </summary>
public sealed record AtsCandidate
{
    /// <summary>Required; may be empty.</summary>
    public IReadOnlyList<AtsAddress> Addresses { get; init; } = [];

    /// <summary>Epoch milliseconds, required, &gt; 0.</summary>
    public long AtsCreatedAt { get; init; }

    /// <summary>Epoch milliseconds, ≥ <see cref="AtsCreatedAt"/>.</summary>
    public long? AtsLastModifiedAt { get; init; }

    public string? FirstName { get; init; }

    public string? LastName { get; init; }

    public string? MiddleInitial { get; init; }

    public string? Prefix { get; init; }

    public string? Suffix { get; init; }

    public IReadOnlyList<string> EmailAddresses { get; init; } = [];

    /// <summary>Required; may be empty.</summary>
    public IReadOnlyList<AtsPhoneNumber> PhoneNumbers { get; init; } = [];

    public string? CurrentCompanyName { get; init; }

    public string? CurrentJobTitle { get; init; }

    public string? ExternalProfileUrl { get; init; }

    public string? LinkedInProfileUrl { get; init; }

    public bool? DoNotContact { get; init; }

    /// <summary>Read only: LinkedIn's automatic match (person URN) or null.</summary>
    public string? MatchedMember { get; init; }

    /// <summary>Read only here: the member linked manually (person URN) or null.</summary>
    public string? ManualMatchedMember { get; init; }
}

/// <summary>A note on a candidate or an application.</summary>
public sealed record AtsNote
{
    public long AtsCreatedAt { get; init; }

    public string Note { get; init; } = "";

    public AtsActor? Author { get; init; }
}

/// <summary>An <c>atsApplications</c> entity (full replace on PUT).</summary>
public sealed record AtsApplication
{
    public string? AtsCandidateId { get; init; }

    public long AtsCreatedAt { get; init; }

    public long? AtsLastModifiedAt { get; init; }

    public string? AtsJobPostingId { get; init; }

    public string? AtsJobPostingName { get; init; }

    public string? CandidateEmail { get; init; }

    public string? FirstName { get; init; }

    public string? LastName { get; init; }

    public string? Source { get; init; }

    public string? DispositionReason { get; init; }
}

/// <summary>One stage transition of an application (<c>{"atsCreatedAt","stage"}</c>).</summary>
public sealed record AtsApplicationStage
{
    public long AtsCreatedAt { get; init; }

    public string Stage { get; init; } = "";
}

/// <summary>One evaluated attribute of interview feedback.</summary>
public sealed record AtsEvaluation
{
    public string Attribute { get; init; } = "";

    public string Result { get; init; } = "";
}

/// <summary>Interview feedback on an application.</summary>
public sealed record AtsInterviewFeedback
{
    public long AtsCreatedAt { get; init; }

    public AtsActor? Interviewer { get; init; }

    public IReadOnlyList<AtsEvaluation> Evaluations { get; init; } = [];

    public string? Feedback { get; init; }

    /// <summary><c>PHONE_SCREEN</c> or <c>ONSITE</c>.</summary>
    public string? InterviewType { get; init; }
}

/// <summary>A job posting element for <c>simpleJobPostings</c> batch_create.</summary>
public sealed record SimpleJobPosting
{
    public string IntegrationContext { get; init; } = "";

    public string ExternalJobPostingId { get; init; } = "";

    /// <summary>At most 200 characters.</summary>
    public string Title { get; init; } = "";

    public string Description { get; init; } = "";

    /// <summary>"CITY, STATE" or "CITY, COUNTRY".</summary>
    public string? Location { get; init; }

    /// <summary><c>PUBLIC</c> or <c>PRIVATE_TO_ATS_INTEGRATION</c>.</summary>
    public string Availability { get; init; } = "PRIVATE_TO_ATS_INTEGRATION";

    /// <summary><c>LISTED</c> or <c>CLOSED</c>.</summary>
    public string State { get; init; } = "LISTED";

    public string? CompanyApplyUrl { get; init; }

    /// <summary>Epoch milliseconds.</summary>
    public long ListedAt { get; init; }

    /// <summary><c>CREATE</c>, <c>UPDATE</c>, <c>RENEW</c> or <c>CLOSE</c>.</summary>
    public string JobPostingOperationType { get; init; } = "CREATE";

    public string? CompanyJobCode { get; init; }
}

/// <summary>A <c>simpleJobPostingTasks</c> entity.</summary>
public sealed record JobPostingTask
{
    public string Id { get; init; } = "";

    public string? ExternalJobPostingId { get; init; }

    /// <summary><c>IN_PROGRESS</c>, <c>SUCCEEDED</c>, <c>FAILED</c> or <c>PROCESSED</c>.</summary>
    public string? Status { get; init; }

    public RestLiError? Error { get; init; }
}

/// <summary>An <c>atsIntegrations</c> entity.</summary>
public sealed record AtsIntegration
{
    public string IntegrationContext { get; init; } = "";

    public string IntegrationType { get; init; } = "";

    public string? TenantType { get; init; }

    public string? DataProvider { get; init; }

    public string? IntegrationName { get; init; }

    /// <summary><c>NOT_REQUESTED</c>, <c>REQUESTED</c>, <c>PARTNER_READY</c>, <c>ENABLED</c> or <c>DISABLED</c>.</summary>
    public string? Status { get; init; }

    public long? LastModifiedAt { get; init; }

    public AtsIntegrationKey ToKey() => new(IntegrationContext, IntegrationType)
    {
        TenantType = TenantType ?? RestLiValues.TenantTypeRecruiter,
        DataProvider = DataProvider ?? RestLiValues.DataProviderAts,
    };
}

/// <summary>Well-known integration types and configuration names.</summary>
public static class AtsIntegrationTypes
{
    public const string InAtsIndicator = "IN_ATS_INDICATOR";
    public const string OneClickExport = "ONE_CLICK_EXPORT";
    public const string ProfilePlugin = "PROFILE_PLUGIN";
    public const string CsaApi = "CSA_API";

    public const string CallbackUrlConfiguration = "CALLBACK_URL";
    public const string JobPostingViewersConfiguration = "JOB_POSTING_VIEWERS";
    public const string ApplicationViewersConfiguration = "APPLICATION_VIEWERS";
    public const string AllProductUsers = "ALL_PRODUCT_USERS";
}

internal sealed class ConfigurationValue
{
    public string? String { get; set; }
}

internal sealed class IntegrationConfiguration
{
    public ConfigurationValue? ConfigurationValue { get; set; }
}

/// <summary>An element of the ACL finders: the key fields of a grant or an assignment.</summary>
internal sealed class AclElement
{
    public string? AtsEntityAclId { get; set; }

    public string? IntegrationContext { get; set; }

    public string? DataProvider { get; set; }

    public string? AtsEntityId { get; set; }

    public string? AtsEntityType { get; set; }

    public string? Assignee { get; set; }
}
