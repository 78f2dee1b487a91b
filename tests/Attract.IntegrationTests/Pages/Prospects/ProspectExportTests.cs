using Attract.IntegrationTests.Infrastructure;
using Attract.IntegrationTests.Integrations.LinkedIn;
using Attract.Web.Integrations.LinkedIn.Export;
using LinkedIn.Recruiter;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Moq;
using static Attract.IntegrationTests.Integrations.LinkedIn.Export.ExportTestData;

namespace Attract.IntegrationTests.Pages.Prospects;

/// <summary>A prospect that came in through the real 1-click export intake (LinkedIn's client mocked) as the review list shows it.</summary>
public sealed class ProspectExportTests : IDisposable
{
    private readonly Mock<ILinkedInExportsClient> _exports = new();
    private readonly Mock<ILinkedInSyncClient> _sync = new();
    private readonly AttractFactory _factory;

    public ProspectExportTests()
    {
        _factory = CreateFactory(_exports.Object, s => s.AddSingleton(_sync.Object));
        _sync.Setup(c => c.SetManualMatchedMembersAsync(It.IsAny<LinkedInAppCredentials>(), It.IsAny<IEnumerable<KeyValuePair<AtsCandidateKey, string?>>>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new BatchResult<AtsCandidateKey>(new Dictionary<AtsCandidateKey, int>(), []));
    }

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task Review_ProspectExportedFromLinkedIn_ShowsExporterAndExportTime()
    {
        await _factory.SeedConnectionAsync(c => c.CompanyLevelEnabled = true);
        await _factory.LinkSeatAsync(AtsData.Recruiter, SeatOfRecruiter);
        var jobId = await _factory.CreateJobAsync();
        var job = await _factory.JobCodeAsync(jobId);
        await _factory.AddApplicationAsync(await _factory.CreateCandidateAsync("Manu", "Added"), jobId, "Prospect");
        _exports.Setup(c => c.GetExportedCandidatesAsync(It.IsAny<LinkedInAppCredentials>(), "r1", It.IsAny<CancellationToken>()))
            .ReturnsAsync([Exported("r1", job)]);
        await _factory.RecordExportAsync("r1");
        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            Assert.Equal(1, await scope.ServiceProvider.GetRequiredService<LinkedInExportProcessor>().ProcessDueAsync());
        }
        var importedAt = await _factory.WithDbAsync(db => db.StageMoves.Where(m => m.Application.Candidate!.LastName == "Hopper").Select(m => m.AtUtc).SingleAsync());
        var client = await _factory.SignedInClientAsync(AtsData.Manager);

        var all = await client.GetDocumentAsync("/Prospects");
        var exports = await client.GetDocumentAsync("/Prospects?source=LinkedInExport");

        Assert.Equal(2, all.QuerySelectorAll("[data-testid=prospect]").Length);
        var row = Assert.Single(exports.QuerySelectorAll("[data-testid=prospect]"));
        Assert.Equal("Grace Hopper", row.GetAttribute("data-name"));
        var exportedBy = row.QuerySelector("[data-testid=exported-by]")!;
        Assert.Contains("Exported by Riley Recruiter,", exportedBy.TextContent);
        Assert.Contains(importedAt.ToString("yyyy-MM-dd HH:mm") + " UTC", exportedBy.TextContent);
        Assert.Null(all.QuerySelector("[data-name='Manu Added'] [data-testid=exported-by]"));
    }
}
