using LinkedIn.Recruiter.Http;

namespace LinkedIn.Recruiter;

internal sealed partial class LinkedInRecruiterClient : ILinkedInMemberClient
{
    public async Task<LinkedInMember> GetMeAsync(string memberAccessToken, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(memberAccessToken);
        using var request = RestLiHttp.Create(HttpMethod.Get, "v2/me", null);
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", memberAccessToken);
        using var response = await RestLiHttp.SendAsync(http, request, cancellationToken).ConfigureAwait(false);
        return await RestLiHttp.ReadJsonAsync(response, Json.LinkedInMember, cancellationToken).ConfigureAwait(false);
    }

    public Task<IReadOnlyList<RecruiterContract>> GetRecruiterContractsAsync(string memberAccessToken, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(memberAccessToken);
        return FindAsync(null, memberAccessToken, "v2/recruiterContracts?q=viewer", Json.RecruiterContract, cancellationToken);
    }
}
