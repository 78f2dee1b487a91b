using Attract.Core.Candidates;
using Attract.Core.LinkedIn;
using Attract.Core.Pipeline;
using Attract.Core.Privacy;
using Attract.IntegrationTests.Infrastructure;
using Attract.IntegrationTests.Integrations.LinkedIn;
using Attract.Web.Infrastructure;
using Attract.Web.Integrations.LinkedIn.Export;
using LinkedIn.Recruiter;
using Microsoft.Extensions.DependencyInjection;
using Moq;
using static Attract.IntegrationTests.Integrations.LinkedIn.Export.ExportTestData;

namespace Attract.IntegrationTests.Security;

/// <summary>1-click exports of an erased (suppressed) person: refused with the reason, or skipped within a batch, matched by URN, email or profile URL.</summary>
public sealed class ExportSuppressionTests : IDisposable
{
    private readonly Mock<ILinkedInExportsClient> _linkedIn = new();
    private readonly Mock<ILinkedInSyncClient> _sync = new();
    private readonly AttractFactory _factory;

    public ExportSuppressionTests()
    {
        _factory = CreateFactory(_linkedIn.Object, s => s.AddSingleton(_sync.Object));
        _sync.Setup(c => c.SetManualMatchedMembersAsync(It.IsAny<LinkedInAppCredentials>(), It.IsAny<IEnumerable<KeyValuePair<AtsCandidateKey, string?>>>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new BatchResult<AtsCandidateKey>(new Dictionary<AtsCandidateKey, int>(), []));
    }

    public void Dispose() => _factory.Dispose();

    private async Task<string> SetupJobAsync()
    {
        await _factory.SeedConnectionAsync(c => c.CompanyLevelEnabled = true);
        await _factory.LinkSeatAsync(AtsData.Recruiter, SeatOfRecruiter);
        return await _factory.JobCodeAsync(await _factory.CreateJobAsync());
    }

    /// <summary>Records what an erasure of that person would have left: keyed hashes only.</summary>
    private async Task SuppressAsync(string? urn, string? email, string? profileUrl)
    {
        var hasher = await _factory.Services.GetRequiredService<ErasureSuppressionKeyring>().GetHasherAsync();
        await _factory.WithDbAsync(async db =>
        {
            var erasure = Guid.NewGuid();
            foreach (var (kind, hash) in hasher.HashesOf(urn, [email], profileUrl))
            {
                db.ErasureSuppressions.Add(new ErasureSuppression { ErasureId = erasure, Kind = kind, Hash = hash, ErasedAtUtc = DateTime.UtcNow, ErasedByName = "Avery Admin" });
            }
            return await db.SaveChangesAsync();
        });
    }

    private async Task<LinkedInNotification> ProcessAsync(string requestId, params ExportedCandidate[] exported)
    {
        _linkedIn.Setup(c => c.GetExportedCandidatesAsync(It.IsAny<LinkedInAppCredentials>(), requestId, It.IsAny<CancellationToken>())).ReturnsAsync(exported);
        await _factory.RecordExportAsync(requestId);
        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<LinkedInExportProcessor>().ProcessDueAsync();
        }
        return await _factory.NotificationAsync(requestId);
    }

    [Theory]
    [InlineData("urn")]
    [InlineData("email")]
    [InlineData("profile")]
    public async Task Process_SuppressedPerson_IsRefusedWithReasonAndStoresNothingOfThem(string by)
    {
        var job = await SetupJobAsync();
        await SuppressAsync(by == "urn" ? "urn:li:person:m1" : null, by == "email" ? "GRACE@navy.test" : null, by == "profile" ? "http://linkedin.com/in/Grace-Hopper/" : null);

        var n = await ProcessAsync("s1", Exported("s1", job, member: by == "urn" ? "urn:li:person:m1" : "urn:li:person:new", email: "grace@navy.test"));

        Assert.Equal(LinkedInNotificationStatus.Refused, n.Status);
        Assert.Equal(LinkedInExportProcessor.SuppressedReason, n.Outcome);
        Assert.Null(n.PersonUrn);
        Assert.Null(n.CandidateId);
        Assert.Equal(0, await _factory.CountAsync<Candidate>(c => true));
        Assert.Equal(0, await _factory.CountAsync<JobApplication>(a => true));
    }

    [Fact]
    public async Task Process_BatchWithOneSuppressedMember_ImportsOnlyTheOthers()
    {
        var job = await SetupJobAsync();
        await SuppressAsync("urn:li:person:m1", null, null);
        var other = Exported("s2", job, member: "urn:li:person:m2", profileUrl: "https://www.linkedin.com/in/ada") with { FirstName = "Ada", LastName = "Lovelace" };

        var n = await ProcessAsync("s2", Exported("s2", job), other);

        Assert.Equal(LinkedInNotificationStatus.Processed, n.Status);
        Assert.Contains("1 exported member(s) not imported: erased from Attract (suppressed).", n.Outcome);
        Assert.DoesNotContain("Grace", n.Outcome);
        Assert.Equal("urn:li:person:m2", n.PersonUrn);
        Assert.Equal(["urn:li:person:m2"], await _factory.WithDbAsync(db => Task.FromResult(db.Candidates.Select(c => c.LinkedInPersonUrn).ToList())));
    }

    [Fact]
    public async Task Process_NoSuppression_ImportsAsBefore()
    {
        var job = await SetupJobAsync();
        await SuppressAsync("urn:li:person:someone-else", "someone@else.test", null);

        var n = await ProcessAsync("s3", Exported("s3", job, email: "grace@navy.test"));

        Assert.Equal(LinkedInNotificationStatus.Processed, n.Status);
        Assert.Equal(1, await _factory.CountAsync<Candidate>(c => c.LinkedInPersonUrn == "urn:li:person:m1"));
    }
}
