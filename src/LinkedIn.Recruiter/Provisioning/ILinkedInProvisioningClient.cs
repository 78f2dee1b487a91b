namespace LinkedIn.Recruiter;

/// <summary>Provisioning of customer (child) applications, made with the partner (parent) app's token.</summary>
public interface ILinkedInProvisioningClient
{
    /// <summary>
    /// <c>POST /v2/provisionedApplications</c>. Validates the name (≤ 50 characters, no "LinkedIn") and
    /// JS SDK domains (origins) before sending. A duplicate uniqueForeignId is a 409 <see cref="LinkedInApiException"/>.
    /// </summary>
    Task<ProvisionedApplication> CreateApplicationAsync(ProvisionApplicationRequest request, CancellationToken cancellationToken = default);

    /// <summary><c>POST /v2/provisionedApplications/{urn}</c> (partial_update) with <c>$set</c> of the non-null fields.</summary>
    Task UpdateApplicationAsync(string applicationUrn, ProvisionedApplicationUpdate update, CancellationToken cancellationToken = default);

    /// <summary><c>GET /v2/provisionedApplications?q=credentialsByUniqueForeignId</c>; null when there is none.</summary>
    Task<ProvisionedApplication?> FindApplicationByUniqueForeignIdAsync(string uniqueForeignId, CancellationToken cancellationToken = default);
}
