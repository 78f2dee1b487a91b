using System.Net;
using System.Net.Http.Headers;

namespace LinkedIn.Recruiter.Http;

/// <summary>
/// Adds the application's 2-legged bearer token. Runs inside the retry (once per attempt); on a 401 it drops
/// the cached token, fetches a new one and re-sends once. Requests without an app (3-legged calls that
/// carry their own Authorization header) pass through untouched.
/// </summary>
internal sealed class LinkedInTokenHandler(ILinkedInTokenCache tokens) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (!request.Options.TryGetValue(LinkedInRequestOptions.App, out var app))
        {
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }

        var token = await tokens.GetTokenAsync(app, cancellationToken).ConfigureAwait(false);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token.AccessToken);
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode != HttpStatusCode.Unauthorized)
        {
            return response;
        }

        response.Dispose();
        tokens.Invalidate(app, token.AccessToken);
        token = await tokens.GetTokenAsync(app, cancellationToken).ConfigureAwait(false);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token.AccessToken);
        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }
}
