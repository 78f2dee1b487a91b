using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Attract.Core.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Attract.IntegrationTests.Security;

/// <summary>Production mode is production: development features refuse to start, and the Data Protection keys are encrypted.</summary>
public sealed class ProductionStartupTests : IDisposable
{
    private readonly List<IDisposable> _disposables = [];
    private readonly string _temp = Path.Combine(Path.GetTempPath(), "attract-tests-certs", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        _disposables.ForEach(d => d.Dispose());
        if (Directory.Exists(_temp))
        {
            Directory.Delete(_temp, recursive: true);
        }
    }

    private ProductionFactory New(string environment = "Production")
    {
        var factory = new ProductionFactory(environment);
        _disposables.Add(factory);
        return factory;
    }

    [Fact]
    public async Task Start_ProductionWithoutDevelopmentFeatures_Serves()
    {
        var factory = New();

        var response = await factory.CreateClient().GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("Production", "LinkedIn:Simulator:Enabled")]
    [InlineData("Production", "Attract:SeedDemoData")]
    [InlineData("Production", "Attract:SeedDemoCompany")]
    [InlineData("Staging", "LinkedIn:Simulator:Enabled")]
    [InlineData("Staging", "Attract:SeedDemoData")]
    [InlineData("Staging", "Attract:SeedDemoCompany")]
    public void Start_DevelopmentFeatureSwitchedOn_RefusesNamingTheSetting(string environment, string setting)
    {
        var factory = New(environment);
        factory.Settings[setting] = "true";

        var failure = factory.StartupFailure();

        Assert.NotNull(failure);
        Assert.Contains($"{setting} is true", failure, StringComparison.Ordinal);
        Assert.Contains($"'{environment}' environment", failure, StringComparison.Ordinal);
        foreach (var (other, _) in Web.Infrastructure.ProductionGuard.DevelopmentOnlySettings.Where(s => s.Setting != setting))
        {
            Assert.DoesNotContain($"{other} is true", failure, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("*")]
    [InlineData("")]
    public void Start_AllowedHostsWildcardOrMissing_RefusesNamingTheSetting(string allowedHosts)
    {
        var factory = New();
        factory.Settings["AllowedHosts"] = allowedHosts;

        var failure = factory.StartupFailure();

        Assert.NotNull(failure);
        Assert.Contains("AllowedHosts is not set or is '*'", failure, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Request_HostNotInAllowedHosts_Returns400()
    {
        var factory = New();

        var allowed = await factory.CreateClient().GetAsync("/health");
        var other = await factory.Client("https://evil.example").GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, other.StatusCode);
    }

    [Fact]
    public void Start_ProductionWithoutKeyCertificate_RefusesNamingTheSettings()
    {
        var factory = New();
        factory.Settings.Remove("DataProtection:AllowUnencryptedKeys");

        var failure = factory.StartupFailure();

        Assert.NotNull(failure);
        Assert.Contains("DataProtection:Certificate:Path", failure, StringComparison.Ordinal);
        Assert.Contains("DataProtection:Certificate:Thumbprint", failure, StringComparison.Ordinal);
        Assert.Contains("DataProtection:AllowUnencryptedKeys=true", failure, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_ProductionWithKeyCertificate_StoresKeysEncryptedAndAnotherInstanceReadsThem()
    {
        var pfx = CreateCertificate("key-encryption", "pfx-password");
        var first = New();
        first.Settings.Remove("DataProtection:AllowUnencryptedKeys");
        first.Settings["DataProtection:Certificate:Path"] = pfx;
        first.Settings["DataProtection:Certificate:Password"] = "pfx-password";

        var protectedValue = first.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Protect("linkedin-token");
        var keys = await KeysXmlAsync(first);
        var second = New();
        second.Settings.Remove("DataProtection:AllowUnencryptedKeys");
        second.Settings["Database:DataDirectory"] = first.DataDirectory;
        second.Settings["DataProtection:Certificate:Path"] = pfx;
        second.Settings["DataProtection:Certificate:Password"] = "pfx-password";
        var readBack = second.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Unprotect(protectedValue);

        Assert.NotEmpty(keys);
        Assert.All(keys, xml =>
        {
            Assert.Contains("EncryptedData", xml, StringComparison.Ordinal);
            Assert.Contains("encryptedSecret", xml, StringComparison.Ordinal);
            Assert.DoesNotContain("<masterKey", xml, StringComparison.Ordinal);
        });
        Assert.Equal("linkedin-token", readBack);
    }

    [Fact]
    public async Task Start_ProductionOptedOutOfKeyEncryption_StoresPlainKeys()
    {
        var factory = New();

        factory.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Protect("x");
        var keys = await KeysXmlAsync(factory);

        Assert.Contains(keys, xml => xml.Contains("<masterKey", StringComparison.Ordinal));
    }

    [Fact]
    public void Start_KeyCertificateFileMissing_RefusesNamingThePath()
    {
        var factory = New();
        factory.Settings["DataProtection:Certificate:Path"] = Path.Combine(_temp, "missing.pfx");

        var failure = factory.StartupFailure();

        Assert.NotNull(failure);
        Assert.Contains("DataProtection:Certificate:Path", failure, StringComparison.Ordinal);
    }

    private static async Task<List<string>> KeysXmlAsync(ProductionFactory factory)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AttractDbContext>();
        return await db.DataProtectionKeys.AsNoTracking().Select(k => k.Xml!).ToListAsync();
    }

    private string CreateCertificate(string name, string password)
    {
        Directory.CreateDirectory(_temp);
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest($"CN=Attract {name}", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        var path = Path.Combine(_temp, name + ".pfx");
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pfx, password));
        return path;
    }
}
