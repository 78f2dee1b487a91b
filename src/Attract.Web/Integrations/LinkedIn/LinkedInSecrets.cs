using Microsoft.AspNetCore.DataProtection;

namespace Attract.Web.Integrations.LinkedIn;

/// <summary>
/// Encrypts LinkedIn client secrets and tokens at rest with ASP.NET Core Data Protection
/// (keys persisted in the database). Plain values exist only in memory, never in logs.
/// </summary>
public sealed class LinkedInSecrets(IDataProtectionProvider provider)
{
    private readonly IDataProtector _protector = provider.CreateProtector("Attract.LinkedIn.Secrets.v1");

    public string Protect(string plaintext) => _protector.Protect(plaintext);

    public string Unprotect(string protectedValue) => _protector.Unprotect(protectedValue);
}
