using System.Net;

namespace LinkedIn.ContractTests;

public sealed class ProvisioningContractTests : ContractTestBase
{
    [Fact]
    public async Task CreateApplicationAsync_NewTenant_ReturnsApplicationWithCredentials()
    {
        var created = await Host.Provisioning.CreateApplicationAsync(new ProvisionApplicationRequest
        {
            UniqueForeignId = "tenant-contoso",
            Name = "Attract - Contoso",
            Description = "Contoso's Attract",
            Oauth2AuthorizedCallbackUrls = ["https://attract.contoso.test/signin-linkedin"],
            ValidJsSdkDomains = ["https://attract.contoso.test"],
        });

        Assert.StartsWith("urn:li:developerApplication:", created.Key, StringComparison.Ordinal);
        Assert.Equal("tenant-contoso", created.UniqueForeignId);
        Assert.Equal("Attract - Contoso", created.Name);
        Assert.Equal("Contoso's Attract", created.Description);
        Assert.Equal(["https://attract.contoso.test/signin-linkedin"], created.Oauth2AuthorizedCallbackUrls);
        Assert.Equal(["https://attract.contoso.test"], created.ValidJsSdkDomains);
        var credentials = created.ToAppCredentials();
        Assert.NotNull(credentials);
        Assert.NotEqual(Host.Options.PartnerClientId, credentials.ClientId);
    }

    [Fact]
    public async Task CreateApplicationAsync_DuplicateUniqueForeignId_ThrowsApiException409Duplicate()
    {
        await Host.ProvisionAsync("tenant-dup");

        var ex = await Assert.ThrowsAsync<LinkedInApiException>(() => Host.ProvisionAsync("tenant-dup"));

        Assert.IsNotType<LinkedInAuthException>(ex);
        Assert.Equal(HttpStatusCode.Conflict, ex.StatusCode);
        Assert.Equal("DUPLICATE", ex.ErrorCode);
    }

    [Fact]
    public async Task FindApplicationByUniqueForeignIdAsync_ExistingTenant_ReturnsApplicationWithCredentials()
    {
        var (created, credentials) = await Host.ProvisionAsync("tenant-find");

        var found = await Host.Provisioning.FindApplicationByUniqueForeignIdAsync("tenant-find");

        Assert.NotNull(found);
        Assert.Equal(created.Key, found.Key);
        Assert.Equal(credentials, found.ToAppCredentials());
    }

    [Fact]
    public async Task FindApplicationByUniqueForeignIdAsync_UnknownTenant_ReturnsNull()
    {
        await Host.ProvisionAsync("tenant-known");

        var found = await Host.Provisioning.FindApplicationByUniqueForeignIdAsync("tenant-unknown");

        Assert.Null(found);
    }

    [Fact]
    public async Task UpdateApplicationAsync_PartialUpdate_ChangesOnlyGivenFieldsVisibleInFinder()
    {
        var (created, _) = await Host.ProvisionAsync("tenant-update");

        await Host.Provisioning.UpdateApplicationAsync(created.Key, new ProvisionedApplicationUpdate
        {
            ValidJsSdkDomains = ["https://attract.contoso.test", "http://localhost:5080"],
            Description = "updated",
        });

        var found = await Host.Provisioning.FindApplicationByUniqueForeignIdAsync("tenant-update");
        Assert.NotNull(found);
        Assert.Equal(["https://attract.contoso.test", "http://localhost:5080"], found.ValidJsSdkDomains);
        Assert.Equal("updated", found.Description);
        Assert.Equal(created.Name, found.Name);
        Assert.Equal(created.Oauth2AuthorizedCallbackUrls, found.Oauth2AuthorizedCallbackUrls);
    }

    [Fact]
    public async Task UpdateApplicationAsync_UnknownApplication_ThrowsApiException404()
    {
        var ex = await Assert.ThrowsAsync<LinkedInApiException>(() => Host.Provisioning.UpdateApplicationAsync(
            "urn:li:developerApplication:999999",
            new ProvisionedApplicationUpdate { Description = "x" }));

        Assert.Equal(HttpStatusCode.NotFound, ex.StatusCode);
    }
}
