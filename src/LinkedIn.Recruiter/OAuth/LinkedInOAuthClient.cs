using System.Net;
using System.Text;
using LinkedIn.Recruiter.Http;
using Microsoft.Extensions.Options;

namespace LinkedIn.Recruiter;

internal sealed class LinkedInOAuthClient(
    IHttpClientFactory httpClientFactory,
    IOptions<LinkedInRecruiterOptions> options,
    TimeProvider timeProvider) : ILinkedInOAuthClient
{
    public const string TokenPath = "oauth/v2/accessToken";
    public const string AuthorizationPath = "oauth/v2/authorization";

    public LinkedInAuthorizationRequest CreateAuthorizationRequest(string clientId, Uri redirectUri, IEnumerable<string> scopes, string? state = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(clientId);
        ArgumentNullException.ThrowIfNull(redirectUri);
        ArgumentNullException.ThrowIfNull(scopes);
        state ??= Pkce.CreateState();
        var verifier = Pkce.CreateCodeVerifier();
        var challenge = Pkce.CreateCodeChallenge(verifier);
        var query = Form(
            ("response_type", "code"),
            ("client_id", clientId),
            ("redirect_uri", redirectUri.AbsoluteUri),
            ("state", state),
            ("scope", string.Join(' ', scopes)),
            ("code_challenge", challenge),
            ("code_challenge_method", "S256"));
        var url = new Uri(ServiceCollectionExtensions.BaseUri(options.Value.OAuthBaseUrl), AuthorizationPath + "?" + query);
        return new LinkedInAuthorizationRequest(url, state, verifier, challenge);
    }

    public Task<LinkedInUserToken> ExchangeCodeAsync(LinkedInAppCredentials app, string code, Uri redirectUri, string codeVerifier, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentException.ThrowIfNullOrEmpty(code);
        ArgumentNullException.ThrowIfNull(redirectUri);
        ArgumentException.ThrowIfNullOrEmpty(codeVerifier);
        return UserTokenAsync(
            [
                ("grant_type", "authorization_code"),
                ("code", code),
                ("redirect_uri", redirectUri.AbsoluteUri),
                ("client_id", app.ClientId),
                ("client_secret", app.ClientSecret),
                ("code_verifier", codeVerifier),
            ],
            cancellationToken);
    }

    public Task<LinkedInUserToken> RefreshTokenAsync(LinkedInAppCredentials app, string refreshToken, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentException.ThrowIfNullOrEmpty(refreshToken);
        return UserTokenAsync(
            [
                ("grant_type", "refresh_token"),
                ("refresh_token", refreshToken),
                ("client_id", app.ClientId),
                ("client_secret", app.ClientSecret),
            ],
            cancellationToken);
    }

    public async Task<LinkedInAppToken> RequestAppTokenAsync(LinkedInAppCredentials app, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(app);
        var now = timeProvider.GetUtcNow();
        var token = await PostAsync(
            [
                ("grant_type", "client_credentials"),
                ("client_id", app.ClientId),
                ("client_secret", app.ClientSecret),
            ],
            cancellationToken).ConfigureAwait(false);
        return new LinkedInAppToken(token.AccessToken!, now.AddSeconds(token.ExpiresIn));
    }

    private async Task<LinkedInUserToken> UserTokenAsync((string, string)[] form, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var token = await PostAsync(form, cancellationToken).ConfigureAwait(false);
        return new LinkedInUserToken
        {
            AccessToken = token.AccessToken!,
            ExpiresAt = now.AddSeconds(token.ExpiresIn),
            RefreshToken = token.RefreshToken,
            RefreshTokenExpiresAt = token.RefreshTokenExpiresIn is { } r ? now.AddSeconds(r) : null,
            Scope = token.Scope,
        };
    }

    private async Task<OAuthTokenResponse> PostAsync((string Name, string Value)[] form, CancellationToken cancellationToken)
    {
        var http = httpClientFactory.CreateClient(ServiceCollectionExtensions.OAuthClientName);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(TokenPath, UriKind.Relative))
        {
            Content = new StringContent(Form(form), Encoding.UTF8, "application/x-www-form-urlencoded"),
        };
        if (form[0].Value == "client_credentials")
        {
            // A client-credentials token request has no side effect; transient failures may be retried.
            request.Options.Set(LinkedInRequestOptions.SafeToRetry, true);
        }

        using var response = await RestLiHttp.SendWrappedAsync(http, request, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            string? error = null;
            string? description = null;
            try
            {
                var parsed = System.Text.Json.JsonSerializer.Deserialize(body, LinkedInJsonContext.Default.OAuthErrorResponse);
                error = parsed?.Error;
                description = parsed?.ErrorDescription;
            }
            catch (System.Text.Json.JsonException)
            {
                // Keep the snippet only.
            }

            var message = $"LinkedIn token request ({form[0].Value}) failed with {(int)response.StatusCode} {error ?? response.ReasonPhrase}" +
                (description is null ? "." : $": {description}");
            if (response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
            {
                throw new LinkedInAuthException(response.StatusCode, message, null, error, RestLiHttp.Snippet(body));
            }

            throw new LinkedInApiException(response.StatusCode, message, null, error, RestLiHttp.Snippet(body), RestLiHttp.RetryAfter(response));
        }

        var token = await RestLiHttp.ReadJsonAsync(response, LinkedInJsonContext.Default.OAuthTokenResponse, cancellationToken).ConfigureAwait(false);
        if (string.IsNullOrEmpty(token.AccessToken))
        {
            throw new LinkedInAuthException(response.StatusCode, "LinkedIn token response had no access_token.");
        }

        return token;
    }

    private static string Form(params (string Name, string Value)[] pairs) =>
        string.Join('&', pairs.Select(p => Uri.EscapeDataString(p.Name) + "=" + Uri.EscapeDataString(p.Value)));
}
