using System.Linq.Expressions;

namespace Attract.Core.LinkedIn;

/// <summary>
/// This Attract instance's connection to a company's LinkedIn Recruiter contract (one row per tenant).
/// Secrets and tokens are stored only in protected (encrypted) form; the *Protected columns hold
/// ASP.NET Core Data Protection payloads.
/// </summary>
public class LinkedInConnection
{
    public int Id { get; set; }

    /// <summary>The <c>uniqueForeignId</c> of the child application: this instance's tenant id.</summary>
    public string TenantId { get; set; } = "";

    public string? OrganizationUrn { get; set; }

    public string? ContractUrn { get; set; }

    public string? ContractName { get; set; }

    /// <summary>The child application (<c>urn:li:developerApplication:…</c>) provisioned for this tenant.</summary>
    public string? ChildApplicationUrn { get; set; }

    public string? ChildClientId { get; set; }

    public string? ChildClientSecretProtected { get; set; }

    public string? ConnectedByUserId { get; set; }

    public string? AdminPersonUrn { get; set; }

    public DateTime? ConnectedAtUtc { get; set; }

    /// <summary>When the widget's "Request" reached us and we named the integrations (Partner ready).</summary>
    public DateTime? IntegrationsNamedAtUtc { get; set; }

    public bool CompanyLevelEnabled { get; set; }

    public bool ContractLevelEnabled { get; set; }

    public DateTime? CompanyLevelChangedAtUtc { get; set; }

    public DateTime? ContractLevelChangedAtUtc { get; set; }

    /// <summary>When the first full backfill after enablement was queued (null = not yet).</summary>
    public DateTime? BackfillQueuedAtUtc { get; set; }

    public int BackfillTotal { get; set; }

    /// <summary>
    /// Where queuing the backfill goes on (<c>step:beforeId</c>, see the Web project's <c>LinkedInBackfill</c>) while it is
    /// queued in chunks; null once every chunk is queued (or before it started).
    /// </summary>
    public string? BackfillCursor { get; set; }

    /// <summary>When every active and closed job was last sent as a job posting (once per enablement; null = not yet).</summary>
    public DateTime? JobsBackfilledAtUtc { get; set; }

    /// <summary>Why that job backfill did not fully succeed (it runs again on the next job-postings sync).</summary>
    public string? JobsBackfillError { get; set; }

    public DateTime? LastSyncAtUtc { get; set; }

    public DateTime? LastPullAtUtc { get; set; }

    public DateTime? LastPurgePollAtUtc { get; set; }

    /// <summary>Last step outcome shown to the admin (e.g. "Provisioned the Attract application").</summary>
    public string? LastOutcome { get; set; }

    public string? LastError { get; set; }

    public Guid Version { get; set; } = Guid.NewGuid();

    public bool IsProvisioned => ChildClientId is not null && ChildClientSecretProtected is not null;

    /// <summary>
    /// Company-level features (In-ATS indicator, 1-Click Export, profile widget) are on: Company-level access, or Contract-level
    /// access, which includes every Company-level feature. <see cref="CompanyLevelEnabled"/> keeps what LinkedIn reported for
    /// Company-level access itself, so turning Contract-level access off leaves it as the admin set it.
    /// </summary>
    public bool CompanyFeaturesEnabled => CompanyLevelEnabled || ContractLevelEnabled;

    /// <summary><see cref="CompanyFeaturesEnabled"/> for queries.</summary>
    public static readonly Expression<Func<LinkedInConnection, bool>> HasCompanyFeatures = c => c.CompanyLevelEnabled || c.ContractLevelEnabled;

    /// <summary>When the company-level features last changed (either level switched), e.g. to send every job again.</summary>
    public DateTime? CompanyFeaturesChangedAtUtc =>
        CompanyLevelChangedAtUtc is { } company && ContractLevelChangedAtUtc is { } contract
            ? (company > contract ? company : contract)
            : CompanyLevelChangedAtUtc ?? ContractLevelChangedAtUtc;

    public LinkedInAccessLevel AccessLevel => LevelOf(CompanyLevelEnabled, ContractLevelEnabled);

    /// <summary>The effective access level: Contract-level access includes Company-level access.</summary>
    public static LinkedInAccessLevel LevelOf(bool companyLevelEnabled, bool contractLevelEnabled) =>
        contractLevelEnabled ? LinkedInAccessLevel.ContractLevel
        : companyLevelEnabled ? LinkedInAccessLevel.CompanyLevel : LinkedInAccessLevel.None;

    /// <summary>The integration types in effect: the Company-level ones with either level, <c>CSA_API</c> with Contract-level access.</summary>
    public IReadOnlyList<string> EffectiveIntegrationTypes() => AccessLevel switch
    {
        LinkedInAccessLevel.ContractLevel => [.. LinkedInIntegrationTypes.CompanyLevel, LinkedInIntegrationTypes.CsaApi],
        LinkedInAccessLevel.CompanyLevel => LinkedInIntegrationTypes.CompanyLevel,
        _ => [],
    };

    /// <summary>Applies an <c>INTEGRATION_STATUS_CHANGE</c>: which integration types are now enabled.</summary>
    public void ApplyStatus(IReadOnlyCollection<string> enabledTypes, DateTime nowUtc)
    {
        var company = enabledTypes.Contains(LinkedInIntegrationTypes.InAtsIndicator)
            || enabledTypes.Contains(LinkedInIntegrationTypes.OneClickExport)
            || enabledTypes.Contains(LinkedInIntegrationTypes.ProfilePlugin);
        var contract = enabledTypes.Contains(LinkedInIntegrationTypes.CsaApi);
        if (company != CompanyLevelEnabled)
        {
            CompanyLevelEnabled = company;
            CompanyLevelChangedAtUtc = nowUtc;
        }
        if (contract != ContractLevelEnabled)
        {
            ContractLevelEnabled = contract;
            ContractLevelChangedAtUtc = nowUtc;
        }
        Version = Guid.NewGuid();
    }

    /// <summary>Forgets the LinkedIn side entirely (Disconnect). Synced data in LinkedIn is deleted separately.</summary>
    public void Disconnect()
    {
        OrganizationUrn = ContractUrn = ContractName = ChildApplicationUrn = ChildClientId = ChildClientSecretProtected = null;
        ConnectedByUserId = AdminPersonUrn = null;
        ConnectedAtUtc = IntegrationsNamedAtUtc = BackfillQueuedAtUtc = JobsBackfilledAtUtc = null;
        JobsBackfillError = BackfillCursor = null;
        CompanyLevelEnabled = ContractLevelEnabled = false;
        BackfillTotal = 0;
        Version = Guid.NewGuid();
    }
}

public enum LinkedInAccessLevel
{
    None = 0,
    CompanyLevel = 1,

    /// <summary>Contract-level access: every Company-level feature plus InMail history, notes history and stub profiles.</summary>
    ContractLevel = 2,
}

public static class LinkedInIntegrationTypes
{
    public const string InAtsIndicator = "IN_ATS_INDICATOR";
    public const string OneClickExport = "ONE_CLICK_EXPORT";
    public const string ProfilePlugin = "PROFILE_PLUGIN";
    public const string CsaApi = "CSA_API";

    public static readonly IReadOnlyList<string> CompanyLevel = [InAtsIndicator, OneClickExport, ProfilePlugin];
}
