using System.Security.Cryptography;
using System.Text;

namespace LinkedIn.Recruiter;

/// <summary>PKCE (RFC 7636, S256) and <c>state</c> helpers.</summary>
public static class Pkce
{
    /// <summary>A new code verifier: 32 random bytes, base64url (43 characters).</summary>
    public static string CreateCodeVerifier() => Base64Url(RandomNumberGenerator.GetBytes(32));

    /// <summary>The S256 challenge: base64url(SHA-256(ASCII(verifier))).</summary>
    public static string CreateCodeChallenge(string codeVerifier)
    {
        ArgumentException.ThrowIfNullOrEmpty(codeVerifier);
        return Base64Url(SHA256.HashData(Encoding.ASCII.GetBytes(codeVerifier)));
    }

    /// <summary>A new unguessable <c>state</c> value (base64url, 22 characters).</summary>
    public static string CreateState() => Base64Url(RandomNumberGenerator.GetBytes(16));

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
