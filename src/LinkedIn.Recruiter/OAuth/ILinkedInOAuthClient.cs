namespace LinkedIn.Recruiter;

/// <summary>LinkedIn OAuth 2.0: 3-legged (authorization code + PKCE, refresh) and 2-legged (client credentials).</summary>
public interface ILinkedInOAuthClient
{
    /// <summary>
    /// Builds the <c>/oauth/v2/authorization</c> URL with a fresh PKCE S256 verifier/challenge and a
    /// <c>state</c> (generated unless given). Keep State and CodeVerifier for the callback.
    /// </summary>
    LinkedInAuthorizationRequest CreateAuthorizationRequest(string clientId, Uri redirectUri, IEnumerable<string> scopes, string? state = null);

    /// <summary>Exchanges an authorization code (grant_type=authorization_code) for a member token.</summary>
    Task<LinkedInUserToken> ExchangeCodeAsync(LinkedInAppCredentials app, string code, Uri redirectUri, string codeVerifier, CancellationToken cancellationToken = default);

    /// <summary>Refreshes a member token (grant_type=refresh_token).</summary>
    Task<LinkedInUserToken> RefreshTokenAsync(LinkedInAppCredentials app, string refreshToken, CancellationToken cancellationToken = default);

    /// <summary>Requests a new 2-legged application token (grant_type=client_credentials). Not cached; see <see cref="ILinkedInTokenCache"/>.</summary>
    Task<LinkedInAppToken> RequestAppTokenAsync(LinkedInAppCredentials app, CancellationToken cancellationToken = default);
}

/// <summary>Caches 2-legged tokens per application and renews them before they expire.</summary>
public interface ILinkedInTokenCache
{
    /// <summary>A valid token for the application, fetched when missing or about to expire.</summary>
    ValueTask<LinkedInAppToken> GetTokenAsync(LinkedInAppCredentials app, CancellationToken cancellationToken = default);

    /// <summary>Forgets the cached token (only if it is still <paramref name="accessToken"/>, when given).</summary>
    void Invalidate(LinkedInAppCredentials app, string? accessToken = null);
}
