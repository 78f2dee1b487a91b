namespace LinkedIn.Recruiter;

/// <summary>
/// Calls made as a signed-in LinkedIn member, with the 3-legged access token of <see cref="ILinkedInOAuthClient.ExchangeCodeAsync"/>.
/// </summary>
public interface ILinkedInMemberClient
{
    /// <summary>The signed-in member (<c>GET /v2/me</c>) with a 3-legged access token.</summary>
    Task<LinkedInMember> GetMeAsync(string memberAccessToken, CancellationToken cancellationToken = default);

    /// <summary>The contracts the signed-in member holds a seat on (<c>recruiterContracts?q=viewer</c>).</summary>
    Task<IReadOnlyList<RecruiterContract>> GetRecruiterContractsAsync(string memberAccessToken, CancellationToken cancellationToken = default);
}
