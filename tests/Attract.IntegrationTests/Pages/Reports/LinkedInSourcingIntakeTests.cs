using Attract.Core.Data;
using Attract.Core.LinkedIn;
using Attract.IntegrationTests.Infrastructure;
using Attract.IntegrationTests.Integrations.LinkedIn;
using Attract.IntegrationTests.Integrations.LinkedIn.Export;
using Attract.Web.Integrations.LinkedIn.Export;
using LinkedIn.Recruiter;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Moq;
using static Attract.IntegrationTests.Integrations.LinkedIn.Export.ExportTestData;

namespace Attract.IntegrationTests.Pages.Reports;

/// <summary>
/// The report's notion of an export against the real intake (<see cref="LinkedInExportProcessor"/>): an export that created
/// the application counts, a second export of someone already in the job's pipeline does not.
/// </summary>
public abstract class LinkedInSourcingIntakeTests : IDisposable
{
    private readonly Mock<ILinkedInExportsClient> _exports = new();
    private readonly Mock<ILinkedInSyncClient> _sync = new();
    private readonly AttractFactory _factory;

    protected LinkedInSourcingIntakeTests(DatabaseProvider provider)
    {
        _factory = CreateFactory(_exports.Object, s => s.AddSingleton(_sync.Object), provider);
        _sync.Setup(c => c.SetManualMatchedMembersAsync(It.IsAny<LinkedInAppCredentials>(), It.IsAny<IEnumerable<KeyValuePair<AtsCandidateKey, string?>>>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new BatchResult<AtsCandidateKey>(new Dictionary<AtsCandidateKey, int>(), []));
    }

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task OnGet_ExportsTakenByTheIntake_CountsEachNewApplicationOnce()
    {
        await _factory.SeedConnectionAsync(c => c.CompanyLevelEnabled = true);
        await _factory.LinkSeatAsync(AtsData.Recruiter, SeatOfRecruiter);
        var code = await _factory.JobCodeAsync(await _factory.CreateJobAsync());
        foreach (var (request, member) in new[] { ("r1", "urn:li:person:m1"), ("r2", "urn:li:person:m1"), ("r3", "urn:li:person:m2") })
        {
            _exports.Setup(c => c.GetExportedCandidatesAsync(It.IsAny<LinkedInAppCredentials>(), request, It.IsAny<CancellationToken>()))
                .ReturnsAsync([Exported(request, code, member, profileUrl: null)]);
            await _factory.RecordExportAsync(request);
            await using var scope = _factory.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<LinkedInExportProcessor>().ProcessDueAsync();
        }
        Assert.Equal(3, await _factory.CountAsync<LinkedInNotification>(n => n.Status == LinkedInNotificationStatus.Processed && n.ApplicationId != null));
        var client = await _factory.SignedInClientAsync(AtsData.Recruiter);

        var page = await client.GetDocumentAsync("/Reports/LinkedInSourcing");

        var row = Assert.Single(page.QuerySelectorAll("[data-testid=sourcing-row]"));
        Assert.Equal((code, SeatOfRecruiter, "Riley Recruiter"), (row.GetAttribute("data-job"), row.GetAttribute("data-seat"), row.QuerySelector("[data-testid=recruiter]")!.TextContent));
        Assert.Equal("2", row.QuerySelector("[data-testid=exports]")!.TextContent);
        Assert.Equal(2, await _factory.WithDbAsync(db => db.Applications.CountAsync(a => a.Job.Code == code)));
    }
}

public sealed class LinkedInSourcingIntakeSqliteTests() : LinkedInSourcingIntakeTests(DatabaseProvider.Sqlite);

public sealed class LinkedInSourcingIntakePostgreSqlTests() : LinkedInSourcingIntakeTests(DatabaseProvider.PostgreSql);
