using System.Security.Cryptography.X509Certificates;
using Attract.Core.Data;
using Microsoft.AspNetCore.DataProtection;

namespace Attract.Web.Infrastructure;

/// <summary>
/// Data Protection keys live in the database (shared by every instance). They encrypt LinkedIn tokens, the child
/// application's secret, cookies and antiforgery tokens, so outside Development and Testing the keys are themselves
/// encrypted with a certificate (<c>DataProtection:Certificate</c>: a PFX file and password, or a store thumbprint).
/// Without one a production-like instance refuses to start, unless <c>DataProtection:AllowUnencryptedKeys=true</c>.
/// Rotation: docs/operations.md.
/// </summary>
public static class DataProtectionSetup
{
    public const string CertificateSection = "DataProtection:Certificate";
    public const string PreviousCertificatesSection = "DataProtection:PreviousCertificates";
    public const string AllowUnencryptedKeysSetting = "DataProtection:AllowUnencryptedKeys";

    public static IServiceCollection AddAttractDataProtection(this IServiceCollection services, IConfiguration config, IHostEnvironment env)
    {
        var builder = services.AddDataProtection()
            .SetApplicationName("Attract")
            .PersistKeysToDbContext<AttractDbContext>();
        var current = LoadCertificate(config.GetSection(CertificateSection));
        if (current is null)
        {
            if (!ProductionGuard.AllowsDevelopmentFeatures(env) && !config.GetValue<bool>(AllowUnencryptedKeysSetting))
            {
                throw new InvalidOperationException(
                    $"Attract refuses to start in the '{env.EnvironmentName}' environment: the Data Protection keys in the database would be stored unencrypted. " +
                    $"Set {CertificateSection}:Path and {CertificateSection}:Password (a PFX file) or {CertificateSection}:Thumbprint (a certificate in the store), " +
                    $"or accept unencrypted keys explicitly with {AllowUnencryptedKeysSetting}=true.");
            }
            return services;
        }
        var previous = config.GetSection(PreviousCertificatesSection).GetChildren()
            .Select(LoadCertificate).OfType<X509Certificate2>();
        builder.ProtectKeysWithCertificate(current).UnprotectKeysWithAnyCertificate([current, .. previous]);
        return services;
    }

    /// <summary>A certificate with its private key from <c>Path</c> (+ <c>Password</c>) or <c>Thumbprint</c> (+ <c>StoreLocation</c>); null when neither is set.</summary>
    internal static X509Certificate2? LoadCertificate(IConfigurationSection section)
    {
        var path = section["Path"];
        var thumbprint = section["Thumbprint"];
        X509Certificate2 certificate;
        if (!string.IsNullOrWhiteSpace(path))
        {
            if (!File.Exists(path))
            {
                throw new InvalidOperationException($"{section.Path}:Path points to '{path}', which does not exist.");
            }
            certificate = X509CertificateLoader.LoadPkcs12FromFile(path, section["Password"], X509KeyStorageFlags.EphemeralKeySet);
        }
        else if (!string.IsNullOrWhiteSpace(thumbprint))
        {
            var location = Enum.TryParse<StoreLocation>(section["StoreLocation"], ignoreCase: true, out var l) ? l : StoreLocation.CurrentUser;
            using var store = new X509Store(StoreName.My, location);
            store.Open(OpenFlags.ReadOnly);
            certificate = store.Certificates.Find(X509FindType.FindByThumbprint, thumbprint.Replace(" ", "", StringComparison.Ordinal), validOnly: false)
                .FirstOrDefault()
                ?? throw new InvalidOperationException($"{section.Path}:Thumbprint {thumbprint} is not in the {location}/My certificate store.");
        }
        else
        {
            return null;
        }
        if (!certificate.HasPrivateKey)
        {
            throw new InvalidOperationException($"The certificate from {section.Path} has no private key; Data Protection needs it to read its keys.");
        }
        return certificate;
    }
}
