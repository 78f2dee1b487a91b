namespace LinkedIn.Recruiter;

/// <summary>Keys that map to a Rest.li compound key.</summary>
public interface IRestLiCompoundKey
{
    RestLiKey ToRestLiKey();
}

/// <summary>Well-known values of the key fields.</summary>
public static class RestLiValues
{
    /// <summary><c>dataProvider</c> for partner (ATS) data.</summary>
    public const string DataProviderAts = "ATS";

    /// <summary><c>tenantType</c> for Recruiter integrations.</summary>
    public const string TenantTypeRecruiter = "RECRUITER";

    /// <summary><c>atsEntityType</c> of a job posting (the only securable entity).</summary>
    public const string EntityTypeJobPosting = "JOB_POSTING";
}

/// <summary>Key of an <c>atsIntegrations</c> entity.</summary>
public sealed record AtsIntegrationKey(string IntegrationContext, string IntegrationType) : IRestLiCompoundKey
{
    public string TenantType { get; init; } = RestLiValues.TenantTypeRecruiter;

    public string DataProvider { get; init; } = RestLiValues.DataProviderAts;

    public RestLiKey ToRestLiKey() => RestLiKey.Of(
        ("integrationContext", IntegrationContext),
        ("integrationType", IntegrationType),
        ("tenantType", TenantType),
        ("dataProvider", DataProvider));
}

/// <summary>Key of an <c>atsCandidates</c> entity.</summary>
public sealed record AtsCandidateKey(string IntegrationContext, string AtsCandidateId) : IRestLiCompoundKey
{
    public string DataProvider { get; init; } = RestLiValues.DataProviderAts;

    public RestLiKey ToRestLiKey() => RestLiKey.Of(
        ("atsCandidateId", AtsCandidateId),
        ("dataProvider", DataProvider),
        ("integrationContext", IntegrationContext));
}

/// <summary>Key of an <c>atsApplications</c> entity.</summary>
public sealed record AtsApplicationKey(string IntegrationContext, string AtsJobApplicationId) : IRestLiCompoundKey
{
    public string DataProvider { get; init; } = RestLiValues.DataProviderAts;

    public RestLiKey ToRestLiKey() => RestLiKey.Of(
        ("atsJobApplicationId", AtsJobApplicationId),
        ("dataProvider", DataProvider),
        ("integrationContext", IntegrationContext));
}

/// <summary>Key of an <c>atsEntityAcls</c> entity: an ACL group granted on a job posting.</summary>
public sealed record AtsEntityAclKey(string IntegrationContext, string AtsEntityAclId, string AtsEntityId) : IRestLiCompoundKey
{
    public string AtsEntityType { get; init; } = RestLiValues.EntityTypeJobPosting;

    public string DataProvider { get; init; } = RestLiValues.DataProviderAts;

    public RestLiKey ToRestLiKey() => RestLiKey.Of(
        ("atsEntityAclId", AtsEntityAclId),
        ("dataProvider", DataProvider),
        ("integrationContext", IntegrationContext),
        ("atsEntityId", AtsEntityId),
        ("atsEntityType", AtsEntityType));
}

/// <summary>Key of an <c>atsEntityAclAssignees</c> entity: a member (person URN) in an ACL group.</summary>
public sealed record AtsEntityAclAssigneeKey(string IntegrationContext, string AtsEntityAclId, string Assignee) : IRestLiCompoundKey
{
    public string AtsEntityType { get; init; } = RestLiValues.EntityTypeJobPosting;

    public string DataProvider { get; init; } = RestLiValues.DataProviderAts;

    public RestLiKey ToRestLiKey() => RestLiKey.Of(
        ("atsEntityAclId", AtsEntityAclId),
        ("integrationContext", IntegrationContext),
        ("dataProvider", DataProvider),
        ("assignee", Assignee),
        ("atsEntityType", AtsEntityType));
}
