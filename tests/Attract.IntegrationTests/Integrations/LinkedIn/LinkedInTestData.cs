using System.Text;
using Attract.Core.Data;
using Attract.Core.LinkedIn;
using Attract.IntegrationTests.Infrastructure;
using Attract.Web.Integrations.LinkedIn;
using LinkedIn.Recruiter;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Attract.IntegrationTests.Integrations.LinkedIn;

/// <summary>A provisioned connection seeded straight into the database, and signed pushes for it.</summary>
public static class LinkedInTestData
{
    public const string TenantId = "tenant-test-1";
    public const string ChildClientId = "child-client-1";
    public const string ChildSecret = "child-secret-value-123";
    public const string Organization = "urn:li:organization:1001";
    public const string Contract = "urn:li:contract:7001";

    public static async Task SeedConnectionAsync(this AttractFactory factory, Action<LinkedInConnection>? configure = null)
    {
        factory.CreateClient().Dispose();
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AttractDbContext>();
        var secrets = scope.ServiceProvider.GetRequiredService<LinkedInSecrets>();
        var connection = new LinkedInConnection
        {
            TenantId = TenantId,
            OrganizationUrn = Organization,
            ContractUrn = Contract,
            ContractName = "Contoso – Global",
            ChildApplicationUrn = "urn:li:developerApplication:1",
            ChildClientId = ChildClientId,
            ChildClientSecretProtected = secrets.Protect(ChildSecret),
        };
        configure?.Invoke(connection);
        db.Add(connection);
        await db.SaveChangesAsync();
    }

    public static async Task<LinkedInConnection> ConnectionAsync(this AttractFactory factory)
    {
        using var scope = factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<AttractDbContext>().Set<LinkedInConnection>().AsNoTracking().SingleAsync();
    }

    public static async Task<List<LinkedInNotification>> NotificationsAsync(this AttractFactory factory)
    {
        using var scope = factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<AttractDbContext>().Set<LinkedInNotification>().AsNoTracking().ToListAsync();
    }

    public static string PushBody(string id, string type) => $$"""{"id":"{{id}}","type":"{{type}}","expiresAt":1900000000000}""";

    public static HttpRequestMessage Push(string body, string? signature, string tenantId = TenantId)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/integrations/linkedin/push/{tenantId}")
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        if (signature is not null)
        {
            request.Headers.Add(LinkedInPushVerifier.SignatureHeader, signature);
        }
        return request;
    }

    public static HttpRequestMessage SignedPush(string body, string secret = ChildSecret) =>
        Push(body, LinkedInPushVerifier.ComputeSignature(Encoding.UTF8.GetBytes(body), secret));
}
