using System.Net;
using Attract.IntegrationTests.Infrastructure;
using LinkedIn.Recruiter;
using Microsoft.Extensions.DependencyInjection;
using Moq;
using static Attract.IntegrationTests.Integrations.LinkedIn.Export.ExportTestData;

namespace Attract.IntegrationTests.Integrations.LinkedIn.Export;

public sealed class LinkedInExportsPageTests : IDisposable
{
    private readonly Mock<ILinkedInExportsClient> _exports = new();
    private readonly AttractFactory _factory;

    public LinkedInExportsPageTests() => _factory = CreateFactory(_exports.Object);

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task ExportsPage_Admin_ListsRefusalWithReason()
    {
        await _factory.SeedConnectionAsync(c => c.CompanyLevelEnabled = true);
        _exports.Setup(c => c.GetExportedCandidatesAsync(It.IsAny<LinkedInAppCredentials>(), "p1", It.IsAny<CancellationToken>()))
            .ReturnsAsync([Exported("p1", "JOB-4040")]);
        await _factory.RecordExportAsync("p1");
        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<Attract.Web.Integrations.LinkedIn.Export.LinkedInExportProcessor>().ProcessDueAsync();
        }
        var admin = await _factory.SignedInClientAsync(AtsData.Admin);

        var page = await admin.GetDocumentAsync("/Admin/LinkedIn/Exports");

        var row = Assert.Single(page.QuerySelectorAll("[data-testid=export-row]"));
        Assert.Equal("Refused", row.QuerySelector("[data-testid=export-status]")!.TextContent.Trim());
        Assert.Contains("Job JOB-4040 was not found in Attract.", row.QuerySelector("[data-testid=export-outcome]")!.TextContent);
    }

    [Theory]
    [InlineData(AtsData.Recruiter)]
    [InlineData(AtsData.Manager)]
    public async Task ExportsPage_NonAdmin_Returns403(string email)
    {
        var client = await _factory.SignedInClientAsync(email);

        var response = await client.GetAsync("/Admin/LinkedIn/Exports");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}
