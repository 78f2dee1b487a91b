namespace LinkedIn.Recruiter;

/// <summary>
/// Job posting access control: ACL grants (<c>atsEntityAcls</c>) and the members of ACL groups (<c>atsEntityAclAssignees</c>).
/// Every call is made as the customer's child application: the first argument is its credentials, whose 2-legged
/// token is fetched, cached and refreshed for you.
/// Batch methods split inputs into requests of at most <c>MaxBatchSize</c> (≤ 100) keys, sent one after another,
/// and report per-key outcomes; a request-level failure throws <see cref="LinkedInApiException"/>
/// (chunks sent before it stay applied; the writes are idempotent upserts, so the whole call can be repeated).
/// </summary>
public interface ILinkedInAclClient
{
    /// <summary>Grants ACL groups on job postings (<c>atsEntityAcls</c> batch_update, entities <c>{}</c>).</summary>
    Task<BatchResult<AtsEntityAclKey>> UpsertEntityAclsAsync(LinkedInAppCredentials app, IEnumerable<AtsEntityAclKey> keys, CancellationToken cancellationToken = default);

    /// <summary>Removes ACL grants.</summary>
    Task<BatchResult<AtsEntityAclKey>> DeleteEntityAclsAsync(LinkedInAppCredentials app, IEnumerable<AtsEntityAclKey> keys, CancellationToken cancellationToken = default);

    /// <summary>Adds members to ACL groups (<c>atsEntityAclAssignees</c> batch_update, entities <c>{}</c>).</summary>
    Task<BatchResult<AtsEntityAclAssigneeKey>> UpsertEntityAclAssigneesAsync(LinkedInAppCredentials app, IEnumerable<AtsEntityAclAssigneeKey> keys, CancellationToken cancellationToken = default);

    /// <summary>Removes members from ACL groups.</summary>
    Task<BatchResult<AtsEntityAclAssigneeKey>> DeleteEntityAclAssigneesAsync(LinkedInAppCredentials app, IEnumerable<AtsEntityAclAssigneeKey> keys, CancellationToken cancellationToken = default);

    /// <summary>ACL grants of an organization, optionally of one job posting (<c>atsEntityAcls?q=criteria</c>, paged).</summary>
    IAsyncEnumerable<AtsEntityAclKey> FindEntityAclsAsync(LinkedInAppCredentials app, string integrationContext, string? atsEntityId = null, CancellationToken cancellationToken = default);

    /// <summary>ACL group members of an organization, optionally of one member (<c>atsEntityAclAssignees?q=criteria</c>, paged).</summary>
    IAsyncEnumerable<AtsEntityAclAssigneeKey> FindEntityAclAssigneesAsync(LinkedInAppCredentials app, string integrationContext, string? assignee = null, CancellationToken cancellationToken = default);
}
