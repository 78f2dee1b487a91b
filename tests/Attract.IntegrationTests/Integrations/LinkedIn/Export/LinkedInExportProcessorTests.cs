using System.Net;
using Attract.Core.Candidates;
using Attract.Core.Data;
using Attract.Core.Jobs;
using Attract.Core.LinkedIn;
using Attract.Core.Outbox;
using Attract.Core.Pipeline;
using Attract.IntegrationTests.Infrastructure;
using Attract.Web.Integrations.LinkedIn.Export;
using LinkedIn.Recruiter;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Moq;
using static Attract.IntegrationTests.Integrations.LinkedIn.Export.ExportTestData;

namespace Attract.IntegrationTests.Integrations.LinkedIn.Export;

public abstract class LinkedInExportProcessorTests : IDisposable
{
    private readonly Mock<ILinkedInExportsClient> _exports = new();
    private readonly Mock<ILinkedInSyncClient> _sync = new();
    private readonly FailOnProcessedInterceptor _failure = new();
    private readonly AttractFactory _factory;

    protected LinkedInExportProcessorTests(DatabaseProvider provider)
    {
        _factory = CreateFactory(_exports.Object, s => s.AddSingleton(_sync.Object)
            .ConfigureDbContext<AttractDbContext>(o => o.AddInterceptors(_failure)), provider);
        _sync.Setup(c => c.SetManualMatchedMembersAsync(It.IsAny<LinkedInAppCredentials>(), It.IsAny<IEnumerable<KeyValuePair<AtsCandidateKey, string?>>>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new BatchResult<AtsCandidateKey>(new Dictionary<AtsCandidateKey, int>(), []));
    }

    public void Dispose() => _factory.Dispose();

    private async Task<string> SetupJobAsync(bool companyLevel = true)
    {
        await _factory.SeedConnectionAsync(c => c.CompanyLevelEnabled = companyLevel);
        await _factory.LinkSeatAsync(AtsData.Recruiter, SeatOfRecruiter);
        return await _factory.JobCodeAsync(await _factory.CreateJobAsync());
    }

    private void Returns(string requestId, ExportedCandidate exported) =>
        _exports.Setup(c => c.GetExportedCandidatesAsync(It.IsAny<LinkedInAppCredentials>(), requestId, It.IsAny<CancellationToken>()))
            .ReturnsAsync([exported]);

    private async Task<int> ProcessAsync()
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<LinkedInExportProcessor>().ProcessDueAsync();
    }

    private async Task<List<(string Stage, string Source, string? Urn)>> ApplicationsAsync(string jobCode) =>
        (await _factory.WithDbAsync(db => db.Applications.Where(a => a.Job.Code == jobCode)
            .Select(a => new { Stage = a.Stage.Name, a.Candidate!.Source, Urn = a.Candidate.LinkedInPersonUrn }).ToListAsync()))
        .Select(a => (a.Stage, a.Source, a.Urn)).ToList();

    [Fact]
    public async Task Process_NewMember_CreatesCandidateInProspectAndMatchesMember()
    {
        var job = await SetupJobAsync();
        Returns("r1", Exported("r1", job, email: "grace@navy.test"));
        await _factory.RecordExportAsync("r1");

        Assert.Equal(1, await ProcessAsync());

        var n = await _factory.NotificationAsync("r1");
        Assert.Equal(LinkedInNotificationStatus.Processed, n.Status);
        Assert.Contains("new candidate", n.Outcome);
        Assert.Contains("Notified:", n.Outcome);
        var app = Assert.Single(await ApplicationsAsync(job));
        Assert.Equal(("Prospect", LinkedInExportProcessor.Source, "urn:li:person:m1"), app);
        var candidate = await _factory.WithDbAsync(db => db.Candidates.Include(c => c.Emails).SingleAsync(c => c.Id == n.CandidateId));
        Assert.Equal(("Grace Hopper", "US Navy", "Rear Admiral", "Compiler pioneer", "grace@navy.test"),
            (candidate.FullName, candidate.CurrentCompany, candidate.CurrentTitle, candidate.Summary, candidate.PrimaryEmail));
        Assert.Equal("in/grace-hopper", candidate.LinkedInProfileKey);
        _sync.Verify(c => c.SetManualMatchedMembersAsync(It.IsAny<LinkedInAppCredentials>(),
            It.Is<IEnumerable<KeyValuePair<AtsCandidateKey, string?>>>(m => m.Single().Key.AtsCandidateId == n.CandidateId.ToString() && m.Single().Value == "urn:li:person:m1"),
            It.IsAny<CancellationToken>()), Times.Once);
    }

    [Theory]
    [InlineData("urn")]
    [InlineData("email")]
    [InlineData("url")]
    public async Task Process_ExistingCandidate_MatchesWithoutDuplicate(string by)
    {
        var job = await SetupJobAsync();
        var existing = await _factory.CreateCandidateAsync("Grace", "Hopper", email: "g.hopper@navy.test",
            linkedIn: by == "url" ? "http://linkedin.com/in/Grace-Hopper/" : null);
        if (by == "urn")
        {
            await _factory.WithDbAsync(db => db.Candidates.Where(c => c.Id == existing)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.LinkedInPersonUrn, "urn:li:person:m1")));
        }
        Returns("r2", Exported("r2", job, email: by == "email" ? "G.Hopper@navy.test" : null, profileUrl: by == "url" ? "https://www.linkedin.com/in/grace-hopper" : null));
        await _factory.RecordExportAsync("r2");

        await ProcessAsync();

        var n = await _factory.NotificationAsync("r2");
        Assert.Equal(LinkedInNotificationStatus.Processed, n.Status);
        Assert.Equal(existing, n.CandidateId);
        Assert.Equal(1, await _factory.CountAsync<Candidate>(c => c.LastName == "Hopper"));
        Assert.Equal("urn:li:person:m1", await _factory.WithDbAsync(db => db.Candidates.Where(c => c.Id == existing).Select(c => c.LinkedInPersonUrn).SingleAsync()));
        Assert.Single(await ApplicationsAsync(job));
    }

    [Fact]
    public async Task Process_CandidateAlreadyInPipeline_AddsNoSecondApplication()
    {
        var job = await SetupJobAsync();
        var jobId = await _factory.WithDbAsync(db => db.Jobs.Where(j => j.Code == job).Select(j => j.Id).SingleAsync());
        var existing = await _factory.CreateCandidateAsync("Grace", "Hopper", email: "grace@navy.test");
        var applicationId = await _factory.AddApplicationAsync(existing, jobId, "Phone screen");
        Returns("r3", Exported("r3", job, email: "grace@navy.test"));
        await _factory.RecordExportAsync("r3");

        await ProcessAsync();

        var n = await _factory.NotificationAsync("r3");
        Assert.Equal(LinkedInNotificationStatus.Processed, n.Status);
        Assert.Equal(applicationId, n.ApplicationId);
        Assert.Contains("already in", n.Outcome);
        Assert.Equal("Phone screen", Assert.Single(await ApplicationsAsync(job)).Stage);
    }

    [Theory]
    [InlineData("job-not-found", "was not found")]
    [InlineData("job-draft", "only active jobs")]
    [InlineData("job-closed", "only active jobs")]
    [InlineData("no-prospect-stage", "has no Prospect stage")]
    [InlineData("seat-not-mapped", "is not mapped to an Attract user")]
    [InlineData("user-not-on-job", "is not a recruiter or hiring manager")]
    public async Task Process_Refusal_StoresReasonAndCreatesNothing(string variant, string reason)
    {
        await _factory.SeedConnectionAsync(c => c.CompanyLevelEnabled = true);
        await _factory.LinkSeatAsync(AtsData.Recruiter, SeatOfRecruiter);
        await _factory.LinkSeatAsync(AtsData.Interviewer, SeatOfOther);
        var jobId = await _factory.CreateJobAsync(status: variant == "job-draft" ? JobStatus.Draft : JobStatus.Active);
        await _factory.WithDbAsync(async db =>
        {
            var job = await db.Jobs.Include(j => j.Stages).SingleAsync(j => j.Id == jobId);
            if (variant == "job-closed")
            {
                job.Close(DateTime.UtcNow);
            }
            if (variant == "no-prospect-stage")
            {
                job.RemoveStage(job.Stages.Single(s => s.IsProspect).Id, 0);
            }
            return await db.SaveChangesAsync();
        });
        var code = variant == "job-not-found" ? "JOB-9999" : await _factory.JobCodeAsync(jobId);
        var seat = variant switch { "seat-not-mapped" => "urn:li:seat:4242", "user-not-on-job" => SeatOfOther, _ => SeatOfRecruiter };
        Returns("r4", Exported("r4", code, seat: seat));
        await _factory.RecordExportAsync("r4");
        var candidatesBefore = await _factory.CountAsync<Candidate>(c => true);

        await ProcessAsync();

        var n = await _factory.NotificationAsync("r4");
        Assert.Equal(LinkedInNotificationStatus.Refused, n.Status);
        Assert.Contains(reason, n.Outcome);
        Assert.Equal<(string?, string?, string?)>((code, seat, "urn:li:person:m1"), (n.JobCode, n.SeatUrn, n.PersonUrn));
        Assert.Equal(candidatesBefore, await _factory.CountAsync<Candidate>(c => true));
        Assert.Equal(0, await _factory.CountAsync<JobApplication>(a => a.JobId == jobId));
        _sync.Verify(c => c.SetManualMatchedMembersAsync(It.IsAny<LinkedInAppCredentials>(), It.IsAny<IEnumerable<KeyValuePair<AtsCandidateKey, string?>>>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task Process_AdminNotOnTeam_IsRefused()
    {
        var job = await SetupJobAsync();
        await _factory.LinkSeatAsync(AtsData.Admin, "urn:li:seat:9001");
        Returns("r5", Exported("r5", job, seat: "urn:li:seat:9001"));
        await _factory.RecordExportAsync("r5");

        await ProcessAsync();

        Assert.Equal(LinkedInNotificationStatus.Refused, (await _factory.NotificationAsync("r5")).Status);
    }

    [Fact]
    public async Task Process_TwoInstancesAndRepeatedRuns_ProcessesExactlyOnce()
    {
        var job = await SetupJobAsync();
        _exports.Setup(c => c.GetExportedCandidatesAsync(It.IsAny<LinkedInAppCredentials>(), "r6", It.IsAny<CancellationToken>()))
            .Returns(async () =>
            {
                await Task.Delay(100);
                return [Exported("r6", job)];
            });
        await _factory.RecordExportAsync("r6");

        var runs = await Task.WhenAll(ProcessAsync(), ProcessAsync(), ProcessAsync());
        var again = await ProcessAsync();

        Assert.Equal(1, runs.Sum());
        Assert.Equal(0, again);
        Assert.Single(await ApplicationsAsync(job));
        _exports.Verify(c => c.GetExportedCandidatesAsync(It.IsAny<LinkedInAppCredentials>(), "r6", It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task ProcessDue_TwoProcessorsAtOnce_TakeDisjointNotifications()
    {
        var job = await SetupJobAsync();
        var requests = Enumerable.Range(1, 6).Select(i => $"d{i}").ToList();
        var pulled = new System.Collections.Concurrent.ConcurrentQueue<string>();
        _exports.Setup(c => c.GetExportedCandidatesAsync(It.IsAny<LinkedInAppCredentials>(), It.IsIn<string>(requests), It.IsAny<CancellationToken>()))
            .Returns(async (LinkedInAppCredentials _, string requestId, CancellationToken _) =>
            {
                pulled.Enqueue(requestId);
                await Task.Delay(50); // both processors listed the same due notifications; keep them racing for the leases
                return [Exported(requestId, job, member: "urn:li:person:" + requestId, profileUrl: "https://www.linkedin.com/in/" + requestId)];
            });
        foreach (var requestId in requests)
        {
            await _factory.RecordExportAsync(requestId);
        }

        var runs = await Task.WhenAll(ProcessAsync(), ProcessAsync());

        Assert.Equal(requests.Count, runs.Sum());
        Assert.Equal(requests, pulled.Order()); // each notification was taken by exactly one processor
        var statuses = await _factory.WithDbAsync(db => db.Set<LinkedInNotification>().Where(n => requests.Contains(n.NotificationId))
            .Select(n => new { n.Status, n.Attempts, n.ClaimedBy }).ToListAsync());
        Assert.All(statuses, n => Assert.Equal((LinkedInNotificationStatus.Processed, 1, (string?)null), (n.Status, n.Attempts, n.ClaimedBy)));
        Assert.Equal(requests.Count, (await ApplicationsAsync(job)).Count);
    }

    [Fact]
    public async Task Process_FailureAfterCandidateSaved_RollsBackEverything()
    {
        var job = await SetupJobAsync();
        Returns("r7", Exported("r7", job, email: "grace@navy.test"));
        await _factory.RecordExportAsync("r7");
        var outboxBefore = await _factory.CountAsync<OutboxMessage>(m => true);
        _failure.Armed = true;

        await ProcessAsync();

        var n = await _factory.NotificationAsync("r7");
        Assert.Equal(LinkedInNotificationStatus.Received, n.Status);
        Assert.Contains("will retry", n.Outcome);
        Assert.Null(n.CandidateId);
        Assert.Equal(0, await _factory.CountAsync<Candidate>(c => c.LastName == "Hopper"));
        Assert.Empty(await ApplicationsAsync(job));
        Assert.Equal(outboxBefore, await _factory.CountAsync<OutboxMessage>(m => true));
    }

    [Fact]
    public async Task Process_TransientLinkedInFailure_RetriesLaterThenSucceeds()
    {
        var job = await SetupJobAsync();
        _exports.SetupSequence(c => c.GetExportedCandidatesAsync(It.IsAny<LinkedInAppCredentials>(), "r8", It.IsAny<CancellationToken>()))
            .ThrowsAsync(new LinkedInApiException(HttpStatusCode.ServiceUnavailable, "try later"))
            .ReturnsAsync([Exported("r8", job)]);
        await _factory.RecordExportAsync("r8");

        Assert.Equal(0, await ProcessAsync());
        var waiting = await _factory.NotificationAsync("r8");
        Assert.Equal(LinkedInNotificationStatus.Received, waiting.Status);
        Assert.True(waiting.ClaimedUntilUtc > DateTime.UtcNow, "the retry waits for its backoff");
        Assert.Equal(0, await ProcessAsync());

        await _factory.WithDbAsync(db => db.Set<LinkedInNotification>().Where(n => n.NotificationId == "r8")
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ClaimedUntilUtc, DateTime.UtcNow.AddSeconds(-1))));
        Assert.Equal(1, await ProcessAsync());

        var done = await _factory.NotificationAsync("r8");
        Assert.Equal((LinkedInNotificationStatus.Processed, 2), (done.Status, done.Attempts));
    }

    [Fact]
    public async Task Process_PermanentLinkedInFailure_EndsAsFailedWithReason()
    {
        var job = await SetupJobAsync();
        _exports.Setup(c => c.GetExportedCandidatesAsync(It.IsAny<LinkedInAppCredentials>(), "r9", It.IsAny<CancellationToken>()))
            .ThrowsAsync(new LinkedInApiException(HttpStatusCode.Forbidden, "ONE_CLICK_EXPORT is not enabled"));
        await _factory.RecordExportAsync("r9");

        await ProcessAsync();

        var n = await _factory.NotificationAsync("r9");
        Assert.Equal(LinkedInNotificationStatus.Failed, n.Status);
        Assert.Contains("403", n.Outcome);
        Assert.Empty(await ApplicationsAsync(job));
    }

    [Fact]
    public async Task Process_CompanyLevelAccessOff_LeavesExportsUntouched()
    {
        var job = await SetupJobAsync(companyLevel: false);
        Returns("r10", Exported("r10", job));
        await _factory.RecordExportAsync("r10");

        Assert.Equal(0, await ProcessAsync());

        Assert.Equal((LinkedInNotificationStatus.Received, 0), ((await _factory.NotificationAsync("r10")).Status, (await _factory.NotificationAsync("r10")).Attempts));
        _exports.Verify(c => c.GetExportedCandidatesAsync(It.IsAny<LinkedInAppCredentials>(), It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task Process_ManualMatchFails_ExportStillProcessedAndLinkRetriedAfterBackoff()
    {
        var job = await SetupJobAsync();
        _sync.SetupSequence(c => c.SetManualMatchedMembersAsync(It.IsAny<LinkedInAppCredentials>(), It.IsAny<IEnumerable<KeyValuePair<AtsCandidateKey, string?>>>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new LinkedInApiException(HttpStatusCode.BadGateway, "down"))
            .ReturnsAsync(new BatchResult<AtsCandidateKey>(new Dictionary<AtsCandidateKey, int>(), []));
        Returns("r11", Exported("r11", job));
        await _factory.RecordExportAsync("r11");

        await ProcessAsync();

        var n = await _factory.NotificationAsync("r11");
        Assert.Equal(LinkedInNotificationStatus.Processed, n.Status);
        Assert.Single(await ApplicationsAsync(job));
        Task<OutboxMessage> LinkAsync() => _factory.WithDbAsync(db => db.OutboxMessages.AsNoTracking()
            .SingleAsync(o => o.EntityType == LinkedInExportLinker.EntityType && o.EntityId == n.CandidateId));
        var waiting = await LinkAsync();
        Assert.Equal((1, (DateTime?)null), (waiting.Attempts, waiting.ProcessedAtUtc));
        Assert.True(waiting.ClaimedUntilUtc > DateTime.UtcNow, "the link waits for its backoff");
        await ProcessAsync(); // not due yet: no second call

        await _factory.WithDbAsync(db => db.OutboxMessages.Where(o => o.Id == waiting.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(o => o.ClaimedUntilUtc, DateTime.UtcNow.AddSeconds(-1))));
        await ProcessAsync();

        var linked = await LinkAsync();
        Assert.NotNull(linked.ProcessedAtUtc);
        Assert.Null(linked.LastError);
        Assert.Equal(0, await _factory.CountAsync<LinkedInSyncError>(e => e.ResolvedAtUtc == null));
        _sync.Verify(c => c.SetManualMatchedMembersAsync(It.IsAny<LinkedInAppCredentials>(), It.IsAny<IEnumerable<KeyValuePair<AtsCandidateKey, string?>>>(), It.IsAny<CancellationToken>()), Times.Exactly(2));
    }
}

public sealed class LinkedInExportProcessorSqliteTests() : LinkedInExportProcessorTests(DatabaseProvider.Sqlite);

public sealed class LinkedInExportProcessorPostgreSqlTests() : LinkedInExportProcessorTests(DatabaseProvider.PostgreSql);
