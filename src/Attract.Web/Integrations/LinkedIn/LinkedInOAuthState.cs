using LinkedIn.Recruiter;
using Microsoft.AspNetCore.DataProtection;

namespace Attract.Web.Integrations.LinkedIn;

/// <summary>
/// Keeps the 3-legged sign-in's <c>state</c> and PKCE <c>code_verifier</c> between the redirect to LinkedIn and
/// the callback, in a short-lived, HttpOnly cookie protected with Data Protection (one cookie per flow).
/// </summary>
public sealed class LinkedInOAuthState(IDataProtectionProvider provider, TimeProvider clock)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);
    private readonly ITimeLimitedDataProtector _protector =
        provider.CreateProtector("Attract.LinkedIn.OAuthState.v1").ToTimeLimitedDataProtector();

    public static string CookieName(string flow) => ".Attract.LinkedIn." + flow;

    public void Save(HttpContext http, string flow, LinkedInAuthorizationRequest request)
    {
        var value = _protector.Protect(request.State + "\n" + request.CodeVerifier, clock.GetUtcNow() + Lifetime);
        http.Response.Cookies.Append(CookieName(flow), value, new CookieOptions
        {
            HttpOnly = true,
            Secure = http.Request.IsHttps,
            SameSite = SameSiteMode.Lax,
            IsEssential = true,
            MaxAge = Lifetime,
            Path = "/",
        });
    }

    /// <summary>The code verifier when <paramref name="state"/> matches the saved one; null otherwise. Always clears the cookie.</summary>
    public string? Take(HttpContext http, string flow, string? state)
    {
        var cookie = http.Request.Cookies[CookieName(flow)];
        http.Response.Cookies.Delete(CookieName(flow), new CookieOptions { Path = "/" });
        if (string.IsNullOrEmpty(cookie) || string.IsNullOrEmpty(state))
        {
            return null;
        }
        string plain;
        try
        {
            plain = _protector.Unprotect(cookie);
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
        var parts = plain.Split('\n', 2);
        return parts.Length == 2 && System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(
            System.Text.Encoding.UTF8.GetBytes(parts[0]), System.Text.Encoding.UTF8.GetBytes(state))
            ? parts[1]
            : null;
    }
}
