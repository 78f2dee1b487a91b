using Attract.Core.LinkedIn;

namespace Attract.Web.Pages.Admin.LinkedIn;

/// <summary>What the LinkedIn Integration tab shows of the connection (read with AsNoTracking).</summary>
public sealed record ConnectionView(
    string TenantId, string? OrganizationUrn, string? ContractUrn, string? ContractName, string? AdminPersonUrn,
    string? ChildApplicationUrn, string? ChildClientId, bool IsProvisioned, bool CompanyLevel, bool ContractLevel,
    string? LastOutcome, string? LastError)
{
    /// <summary>The effective level: Contract-level access includes Company-level access.</summary>
    public LinkedInAccessLevel AccessLevel => LinkedInConnection.LevelOf(CompanyLevel, ContractLevel);
}
