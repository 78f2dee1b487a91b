using System.Text.Json.Serialization;

namespace LinkedIn.Recruiter;

/// <summary>A 2-legged (client credentials) application token.</summary>
public sealed record LinkedInAppToken(string AccessToken, DateTimeOffset ExpiresAt)
{
    /// <summary>Never prints the token.</summary>
    public override string ToString() => $"LinkedInAppToken {{ ExpiresAt = {ExpiresAt:O} }}";
}

/// <summary>A 3-legged (member) token from the authorization code or refresh grant.</summary>
public sealed record LinkedInUserToken
{
    public string AccessToken { get; init; } = "";

    public DateTimeOffset ExpiresAt { get; init; }

    public string? RefreshToken { get; init; }

    public DateTimeOffset? RefreshTokenExpiresAt { get; init; }

    public string? Scope { get; init; }

    /// <summary>Never prints the tokens.</summary>
    public override string ToString() => $"LinkedInUserToken {{ ExpiresAt = {ExpiresAt:O}, Scope = {Scope} }}";
}

/// <summary>
/// A prepared 3-legged authorization: send the browser to <see cref="Url"/>, keep <see cref="State"/> and
/// <see cref="CodeVerifier"/> (server side, e.g. in an encrypted cookie) until the callback.
/// </summary>
public sealed record LinkedInAuthorizationRequest(Uri Url, string State, string CodeVerifier, string CodeChallenge)
{
    /// <summary>Never prints the code verifier.</summary>
    public override string ToString() => $"LinkedInAuthorizationRequest {{ Url = {Url} }}";
}

internal sealed class OAuthTokenResponse
{
    [JsonPropertyName("access_token")]
    public string? AccessToken { get; set; }

    [JsonPropertyName("expires_in")]
    [JsonNumberHandling(JsonNumberHandling.AllowReadingFromString)]
    public long ExpiresIn { get; set; }

    [JsonPropertyName("refresh_token")]
    public string? RefreshToken { get; set; }

    [JsonPropertyName("refresh_token_expires_in")]
    [JsonNumberHandling(JsonNumberHandling.AllowReadingFromString)]
    public long? RefreshTokenExpiresIn { get; set; }

    [JsonPropertyName("scope")]
    public string? Scope { get; set; }
}

internal sealed class OAuthErrorResponse
{
    [JsonPropertyName("error")]
    public string? Error { get; set; }

    [JsonPropertyName("error_description")]
    public string? ErrorDescription { get; set; }
}
