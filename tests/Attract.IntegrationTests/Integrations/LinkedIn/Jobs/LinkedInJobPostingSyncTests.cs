using System.Collections.Concurrent;
using Attract.Core.Jobs;
using Attract.Core.LinkedIn;
using Attract.Core.Outbox;
using Attract.IntegrationTests.Infrastructure;
using Attract.Web.Integrations.LinkedIn.Jobs;
using LinkedIn.Recruiter;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Moq;
using static Attract.IntegrationTests.Integrations.LinkedIn.Export.ExportTestData;

namespace Attract.IntegrationTests.Integrations.LinkedIn.Jobs;

public sealed class LinkedInJobPostingSyncTests : IDisposable
{
    private readonly Mock<ILinkedInJobPostingsClient> _jobPostings = new();
    private readonly ConcurrentQueue<SimpleJobPosting> _sent = new();
    private readonly AttractFactory _factory;

    public LinkedInJobPostingSyncTests()
    {
        _factory = CreateFactory(_jobPostings.Object);
        _jobPostings.Setup(c => c.SubmitJobPostingsAsync(It.IsAny<LinkedInAppCredentials>(), It.IsAny<IEnumerable<SimpleJobPosting>>(), It.IsAny<CancellationToken>()))
            .Returns(async (LinkedInAppCredentials _, IEnumerable<SimpleJobPosting> postings, CancellationToken _) =>
            {
                var list = postings.ToList();
                await Task.Delay(50);
                list.ForEach(_sent.Enqueue);
                return (IReadOnlyList<JobPostingCreateResult>)list.Select(p => new JobPostingCreateResult { ExternalJobPostingId = p.ExternalJobPostingId, Status = 202, TaskId = "t-" + Guid.NewGuid().ToString("N") }).ToList();
            });
    }

    public void Dispose() => _factory.Dispose();

    /// <summary>Connection on, backfill already done, every existing outbox row processed: only new changes are due.</summary>
    private async Task SetupAsync(bool backfillDone = true)
    {
        await _factory.SeedConnectionAsync(c =>
        {
            c.CompanyLevelEnabled = true;
            c.CompanyLevelChangedAtUtc = DateTime.UtcNow.AddMinutes(-1);
            c.JobsBackfilledAtUtc = backfillDone ? DateTime.UtcNow : null;
        });
    }

    private Task MarkOutboxProcessedAsync() =>
        _factory.WithDbAsync(db => db.OutboxMessages.ExecuteUpdateAsync(s => s.SetProperty(m => m.ProcessedAtUtc, DateTime.UtcNow)));

    private async Task<int> DrainAsync()
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<LinkedInJobPostingSync>().DrainAsync();
    }

    [Fact]
    public async Task Drain_ActiveClosedDraft_SendsListedAndClosedSkipsDraft()
    {
        await SetupAsync();
        var active = await _factory.JobCodeAsync(await _factory.CreateJobAsync("Active role"));
        var closedId = await _factory.CreateJobAsync("Closed role");
        var draft = await _factory.JobCodeAsync(await _factory.CreateJobAsync("Draft role", status: JobStatus.Draft));
        await DrainAsync();
        await _factory.WithDbAsync(async db =>
        {
            var job = await db.Jobs.SingleAsync(j => j.Id == closedId);
            job.Close(DateTime.UtcNow.AddSeconds(1));
            return await db.SaveChangesAsync();
        });
        var closed = await _factory.JobCodeAsync(closedId);

        await DrainAsync();

        var postings = _sent.ToList();
        var a = Assert.Single(postings, p => p.ExternalJobPostingId == active);
        Assert.Equal(("LISTED", "CREATE", active, "Active role", "PRIVATE_TO_ATS_INTEGRATION", "Berlin, Germany", LinkedInTestData.Organization),
            (a.State, a.JobPostingOperationType, a.CompanyJobCode, a.Title, a.Availability, a.Location, a.IntegrationContext));
        var c = postings.Where(p => p.ExternalJobPostingId == closed).ToList();
        Assert.Equal(["LISTED/CREATE", "CLOSED/CLOSE"], c.Select(p => $"{p.State}/{p.JobPostingOperationType}"));
        Assert.DoesNotContain(postings, p => p.ExternalJobPostingId == draft);
        Assert.Equal(0, await _factory.CountAsync<OutboxMessage>(m => m.EntityType == "Job" && m.ProcessedAtUtc == null));
    }

    [Fact]
    public async Task Drain_UpdatedActiveJob_SendsUpdate()
    {
        await SetupAsync();
        var id = await _factory.CreateJobAsync("Backend Engineer");
        await DrainAsync();
        await _factory.WithDbAsync(async db =>
        {
            (await db.Jobs.SingleAsync(j => j.Id == id)).Title = "Senior Backend Engineer";
            return await db.SaveChangesAsync();
        });

        await DrainAsync();

        Assert.Equal(["CREATE:Backend Engineer", "UPDATE:Senior Backend Engineer"], _sent.Select(p => $"{p.JobPostingOperationType}:{p.Title}"));
    }

    [Fact]
    public async Task Drain_LeavesOtherEntityRowsUnprocessed()
    {
        await SetupAsync();
        await _factory.CreateJobAsync();
        await _factory.CreateCandidateAsync();

        await DrainAsync();

        Assert.Equal(0, await _factory.CountAsync<OutboxMessage>(m => m.EntityType == "Job" && m.ProcessedAtUtc == null));
        Assert.True(await _factory.CountAsync<OutboxMessage>(m => m.EntityType == "Candidate" && m.ProcessedAtUtc == null && m.ClaimedBy == null) > 0);
    }

    [Fact]
    public async Task Drain_TwoConcurrentScopes_NeverSendTheSameRow()
    {
        await SetupAsync();
        var ids = new List<int>();
        for (var i = 0; i < 12; i++)
        {
            ids.Add(await _factory.CreateJobAsync($"Role {i}"));
        }
        await MarkOutboxProcessedAsync();
        await _factory.WithDbAsync(async db =>
        {
            foreach (var job in await db.Jobs.Where(j => ids.Contains(j.Id)).ToListAsync())
            {
                job.Title += " (updated)";
            }
            return await db.SaveChangesAsync();
        });

        var done = await Task.WhenAll(DrainAsync(), DrainAsync());

        Assert.Equal(12, done.Sum());
        Assert.Equal(12, _sent.Count);
        Assert.Equal(12, _sent.Select(p => p.ExternalJobPostingId).Distinct().Count());
    }

    [Fact]
    public async Task Claim_TwoScopes_GetDisjointRows()
    {
        await SetupAsync();
        for (var i = 0; i < 6; i++)
        {
            await _factory.CreateJobAsync($"Role {i}");
        }
        await using var s1 = _factory.Services.CreateAsyncScope();
        await using var s2 = _factory.Services.CreateAsyncScope();

        var claims = await Task.WhenAll(
            s1.ServiceProvider.GetRequiredService<LinkedInJobPostingSync>().ClaimAsync(default),
            s2.ServiceProvider.GetRequiredService<LinkedInJobPostingSync>().ClaimAsync(default));

        Assert.Empty(claims[0].Select(m => m.Id).Intersect(claims[1].Select(m => m.Id)));
        Assert.True(claims[0].Count + claims[1].Count >= 6);
    }

    [Fact]
    public async Task Drain_FirstRunAfterEnablement_BackfillsActiveAndClosedJobsOnce()
    {
        await SetupAsync(backfillDone: false);
        var active = await _factory.JobCodeAsync(await _factory.CreateJobAsync("Active role"));
        var draft = await _factory.JobCodeAsync(await _factory.CreateJobAsync("Draft role", status: JobStatus.Draft));
        await MarkOutboxProcessedAsync();

        await DrainAsync();
        await DrainAsync();

        Assert.Single(_sent, p => p.ExternalJobPostingId == active);
        Assert.DoesNotContain(_sent, p => p.ExternalJobPostingId == draft);
        var connection = await _factory.WithDbAsync(db => db.Set<LinkedInConnection>().SingleAsync());
        Assert.NotNull(connection.JobsBackfilledAtUtc);
        Assert.Null(connection.JobsBackfillError);
        Assert.False(await _factory.WithDbAsync(db => db.Set<LinkedInPullCursor>().AnyAsync()));
    }

    [Fact]
    public async Task Drain_BackfillRefusedByLinkedIn_RecordsWhyAndRunsAgain()
    {
        await SetupAsync(backfillDone: false);
        await _factory.CreateJobAsync("Active role");
        await MarkOutboxProcessedAsync();
        var calls = 0;
        _jobPostings.Setup(c => c.SubmitJobPostingsAsync(It.IsAny<LinkedInAppCredentials>(), It.IsAny<IEnumerable<SimpleJobPosting>>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((LinkedInAppCredentials _, IEnumerable<SimpleJobPosting> postings, CancellationToken _) =>
            {
                var first = ++calls == 1;
                return postings.Select(p => new JobPostingCreateResult
                {
                    ExternalJobPostingId = p.ExternalJobPostingId,
                    Status = first ? 400 : 202,
                    TaskId = first ? null : "t-" + Guid.NewGuid().ToString("N"),
                }).ToList();
            });

        await DrainAsync();
        var afterRefusal = await _factory.WithDbAsync(db => db.Set<LinkedInConnection>().Select(c => c.JobsBackfillError).SingleAsync());
        await DrainAsync();
        await DrainAsync();

        Assert.Equal("1 of 1 job postings were refused.", afterRefusal);
        Assert.Equal(2, calls);
        Assert.Null(await _factory.WithDbAsync(db => db.Set<LinkedInConnection>().Select(c => c.JobsBackfillError).SingleAsync()));
    }

    [Fact]
    public async Task Drain_CompanyLevelOff_SendsNothing()
    {
        await _factory.SeedConnectionAsync(c => c.CompanyLevelEnabled = false);
        await _factory.CreateJobAsync();

        Assert.Equal(0, await DrainAsync());

        Assert.Empty(_sent);
        Assert.True(await _factory.CountAsync<OutboxMessage>(m => m.EntityType == "Job" && m.ProcessedAtUtc == null) > 0);
    }
}
