using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace LinkedIn.Recruiter;

/// <summary>Thread-safe per-application token cache; one token request per app at a time.</summary>
internal sealed class LinkedInTokenCache(
    ILinkedInOAuthClient oauth,
    IOptionsMonitor<LinkedInRecruiterOptions> options,
    TimeProvider timeProvider) : ILinkedInTokenCache
{
    private readonly ConcurrentDictionary<LinkedInAppCredentials, Entry> _entries = new();

    public async ValueTask<LinkedInAppToken> GetTokenAsync(LinkedInAppCredentials app, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(app);
        var entry = _entries.GetOrAdd(app, _ => new Entry());
        if (IsFresh(entry.Token))
        {
            return entry.Token!;
        }

        await entry.Gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (IsFresh(entry.Token))
            {
                return entry.Token!;
            }

            var token = await oauth.RequestAppTokenAsync(app, cancellationToken).ConfigureAwait(false);
            entry.Token = token;
            return token;
        }
        finally
        {
            entry.Gate.Release();
        }
    }

    public void Invalidate(LinkedInAppCredentials app, string? accessToken = null)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (_entries.TryGetValue(app, out var entry) && (accessToken is null || entry.Token?.AccessToken == accessToken))
        {
            entry.Token = null;
        }
    }

    private bool IsFresh(LinkedInAppToken? token) =>
        token is not null && timeProvider.GetUtcNow() < token.ExpiresAt - options.CurrentValue.TokenRefreshMargin;

    private sealed class Entry
    {
        public SemaphoreSlim Gate { get; } = new(1, 1);

        public volatile LinkedInAppToken? Token;
    }
}
