using Attract.Core.Common;
using Attract.IntegrationTests.Infrastructure;
using Attract.IntegrationTests.Integrations.LinkedIn;
using Attract.IntegrationTests.Integrations.LinkedIn.Export;
using Attract.IntegrationTests.Integrations.LinkedIn.Sync;
using Attract.Web.Infrastructure;
using Attract.Web.Integrations.LinkedIn;
using Attract.Web.Integrations.LinkedIn.Export;
using Attract.Web.Integrations.LinkedIn.Sync;
using LinkedIn.Recruiter;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Moq;
using static Attract.IntegrationTests.Integrations.LinkedIn.Export.ExportTestData;

namespace Attract.IntegrationTests.Observability;

/// <summary>Attract's meter as the sync, the export intake and the state reader record it (no exporter needed).</summary>
public sealed class AttractMetricsTests : IDisposable
{
    private readonly FakeLinkedInSync _linkedIn = new();
    private readonly AttractFactory _factory;
    private readonly MetricRecorder _metrics;

    public AttractMetricsTests()
    {
        _factory = new AttractFactory()
            .WithSetting("LinkedIn:Sync:DrainInterval", "1.00:00:00")
            .WithSetting(LinkedInBackgroundOptions.ConfigKey, "false")
            .WithServices(s => s.AddSingleton(_linkedIn.Mock.Object));
        _factory.CreateClient().Dispose();
        _metrics = new MetricRecorder(_factory.Services);
    }

    public void Dispose()
    {
        _metrics.Dispose();
        _factory.Dispose();
    }

    private async Task DrainAsync()
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<LinkedInSyncDrain>().DrainAsync();
    }

    private Task ConnectAsync() => _factory.SeedConnectionAsync(c =>
    {
        c.CompanyLevelEnabled = true;
        c.BackfillQueuedAtUtc = DateTime.UtcNow;
    });

    [Fact]
    public async Task Drain_OneOfTwoCandidatesRefused_CountsAcceptedAndRefusedPerEntityType()
    {
        await ConnectAsync();
        var bad = await _factory.CreateCandidateAsync("Bad", "Record", "bad@example.com");
        await _factory.CreateCandidateAsync("Good", "Record", "good@example.com");
        _linkedIn.Reject = (resource, key) => resource == "candidates" && key == bad.ToString(System.Globalization.CultureInfo.InvariantCulture);

        await DrainAsync();

        Assert.Equal(1, _metrics.Sum("attract.linkedin.sync.records", ("entity_type", TrackedTypes.Candidate), ("outcome", "accepted")));
        Assert.Equal(1, _metrics.Sum("attract.linkedin.sync.records", ("entity_type", TrackedTypes.Candidate), ("outcome", "refused")));
        Assert.Equal(2, _metrics.Sum("attract.linkedin.records"));
        Assert.Equal(0, _metrics.Sum("attract.outbox.rows_deferred"));
    }

    [Fact]
    public async Task Drain_LinkedInOutage_CountsDeferredRowsAndNoRecordOutcome()
    {
        await ConnectAsync();
        await _factory.CreateCandidateAsync();
        _linkedIn.Outage = true;

        await DrainAsync();

        Assert.Equal(1, _metrics.Sum("attract.outbox.rows_deferred", ("consumer", AttractMetrics.InAtsConsumer)));
        Assert.Equal(0, _metrics.Sum("attract.linkedin.sync.records"));
    }

    [Fact]
    public async Task StateReader_PendingRowThatFailedOnce_ReportsBacklogRetryingAndOldestChange()
    {
        await _factory.CreateCandidateAsync();
        var occurred = new DateTime(2026, 1, 2, 3, 4, 5, DateTimeKind.Utc);
        await _factory.WithDbAsync(db => db.OutboxMessages.Where(o => o.EntityType == TrackedTypes.Candidate)
            .ExecuteUpdateAsync(s => s.SetProperty(o => o.Attempts, 1).SetProperty(o => o.OccurredAtUtc, occurred)));

        var state = await _factory.Services.GetRequiredService<AttractStateReader>().RefreshAsync();

        var candidates = state.Outbox.Single(o => o.EntityType == TrackedTypes.Candidate);
        Assert.Equal((1, 1, (DateTime?)occurred), (candidates.Backlog, candidates.Retrying, candidates.OldestUtc));
        Assert.Equal((0, (DateTime?)null), state.Outbox.Where(o => o.EntityType == TrackedTypes.Feedback).Select(o => (o.Backlog, o.OldestUtc)).Single());
        Assert.False(state.SyncEnabled);
        Assert.Same(state, _factory.Services.GetRequiredService<AttractStateReader>().Current);
    }

    [Theory]
    [InlineData("https://api.linkedin.com/rest/atsCandidates?ids=List((atsCandidateId:7))", "atsCandidates")]
    [InlineData("https://api.linkedin.com/v2/simpleJobPostingTasks/urn:li:simpleJobPostingTask:42", "simpleJobPostingTasks")]
    [InlineData("https://api.linkedin.com/rest/atsApplications(atsJobApplicationId:9)/stages", "atsApplications")]
    [InlineData("https://www.linkedin.com/oauth/v2/accessToken", "accessToken")]
    [InlineData("https://www.linkedin.com/oauth/authorize", "oauth")]
    [InlineData("https://platform.linkedin.com/xdoor/scripts/in.js", "other")]
    public void ResourceOf_LinkedInUrl_NamesTheResourceNeverAKey(string url, string expected) =>
        Assert.Equal(expected, AttractMetrics.ResourceOf(new Uri(url)));
}

/// <summary>The export intake's outcomes on the meter.</summary>
public sealed class ExportMetricsTests : IDisposable
{
    private readonly Mock<ILinkedInExportsClient> _linkedIn = new();
    private readonly Mock<ILinkedInSyncClient> _sync = new();
    private readonly AttractFactory _factory;
    private readonly MetricRecorder _metrics;

    public ExportMetricsTests()
    {
        _factory = CreateFactory(_linkedIn.Object, s => s.AddSingleton(_sync.Object));
        _factory.CreateClient().Dispose();
        _metrics = new MetricRecorder(_factory.Services);
        _sync.Setup(c => c.SetManualMatchedMembersAsync(It.IsAny<LinkedInAppCredentials>(), It.IsAny<IEnumerable<KeyValuePair<AtsCandidateKey, string?>>>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new BatchResult<AtsCandidateKey>(new Dictionary<AtsCandidateKey, int>(), []));
    }

    public void Dispose()
    {
        _metrics.Dispose();
        _factory.Dispose();
    }

    private async Task ProcessAsync()
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<LinkedInExportProcessor>().ProcessDueAsync();
    }

    [Fact]
    public async Task Process_UnknownJobAndNewMember_CountsRefusedWithReasonAndTaken()
    {
        await _factory.SeedConnectionAsync(c => c.CompanyLevelEnabled = true);
        await _factory.LinkSeatAsync(AtsData.Recruiter, SeatOfRecruiter);
        var job = await _factory.JobCodeAsync(await _factory.CreateJobAsync());
        foreach (var (id, code) in new[] { ("m-refused", "JOB-9999"), ("m-taken", job) })
        {
            _linkedIn.Setup(c => c.GetExportedCandidatesAsync(It.IsAny<LinkedInAppCredentials>(), id, It.IsAny<CancellationToken>()))
                .ReturnsAsync([Exported(id, code, member: "urn:li:person:" + id)]);
            await _factory.RecordExportAsync(id);
        }

        await ProcessAsync();

        Assert.Equal(1, _metrics.Sum("attract.linkedin.exports", ("outcome", "refused"), ("reason", "job_not_found")));
        Assert.Equal(1, _metrics.Sum("attract.linkedin.exports", ("outcome", "taken"), ("reason", "added")));
        Assert.Equal(2, _metrics.Sum("attract.linkedin.exports"));
    }

    [Fact]
    public async Task Process_LinkedInUnavailable_CountsDeferred()
    {
        await _factory.SeedConnectionAsync(c => c.CompanyLevelEnabled = true);
        _linkedIn.Setup(c => c.GetExportedCandidatesAsync(It.IsAny<LinkedInAppCredentials>(), "m-down", It.IsAny<CancellationToken>()))
            .ThrowsAsync(new HttpRequestException("connection refused"));
        await _factory.RecordExportAsync("m-down");

        await ProcessAsync();

        Assert.Equal(1, _metrics.Sum("attract.linkedin.exports", ("outcome", "deferred"), ("reason", "linkedin_unavailable")));
    }
}
