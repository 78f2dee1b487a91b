using Attract.Core.Common;
using Attract.Core.LinkedIn;
using Attract.IntegrationTests.Infrastructure;
using Attract.IntegrationTests.Integrations.LinkedIn.Export;
using Attract.IntegrationTests.Integrations.LinkedIn.Pulls;
using Attract.Web.Integrations.LinkedIn.Jobs;
using LinkedIn.Recruiter;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Moq;

namespace Attract.IntegrationTests.Integrations.LinkedIn.Jobs;

/// <summary>Job-posting tasks checked against the simulator over real HTTP (tasks checked right away instead of after 5 minutes).</summary>
public sealed class LinkedInJobPostingTaskTests
{
    private static async Task<SimulatedLinkedIn> LinkedInAsync()
    {
        var linkedIn = await SimulatedLinkedIn.CreateAsync(settings: new Dictionary<string, string> { ["LinkedIn:Sync:JobTaskCheckDelay"] = "00:00:00" });
        // The job backfill already ran: only new changes are sent.
        await linkedIn.WithDbAsync(db => db.Set<LinkedInConnection>().ExecuteUpdateAsync(s => s.SetProperty(c => c.JobsBackfilledAtUtc, DateTime.UtcNow)));
        return linkedIn;
    }

    private static async Task DrainAsync(SimulatedLinkedIn linkedIn)
    {
        await using var scope = linkedIn.Factory.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<LinkedInJobPostingSync>().DrainAsync();
    }

    private static Task<List<LinkedInJobPostingTask>> TasksAsync(SimulatedLinkedIn linkedIn, int jobId) =>
        linkedIn.WithDbAsync(db => db.Set<LinkedInJobPostingTask>().Where(t => t.JobId == jobId).OrderBy(t => t.Id).ToListAsync());

    private static Task<List<LinkedInSyncError>> OpenErrorsAsync(SimulatedLinkedIn linkedIn, int jobId) =>
        linkedIn.WithDbAsync(db => db.Set<LinkedInSyncError>().Where(e => e.EntityType == TrackedTypes.Job && e.EntityId == jobId && e.ResolvedAtUtc == null).ToListAsync());

    [Fact]
    public async Task Drain_NewJob_StoresTheTaskAndMarksItSucceededOnTheNextRun()
    {
        using var linkedIn = await LinkedInAsync();
        var jobId = await linkedIn.Factory.CreateJobAsync("Platform Engineer");

        await DrainAsync(linkedIn);
        var submitted = Assert.Single(await TasksAsync(linkedIn, jobId));
        await DrainAsync(linkedIn);

        Assert.StartsWith("task-", submitted.TaskId, StringComparison.Ordinal);
        var task = Assert.Single(await TasksAsync(linkedIn, jobId));
        Assert.Equal("SUCCEEDED", task.Status);
        Assert.NotNull(task.CompletedAtUtc);
        Assert.Null(task.Error);
        Assert.Empty(await OpenErrorsAsync(linkedIn, jobId));
    }

    [Fact]
    public async Task Drain_TaskStillInProgressAtLinkedIn_IsCheckedAgainUntilItSucceeds()
    {
        using var linkedIn = await LinkedInAsync();
        await linkedIn.SimulatorSettingsAsync(new { jobTaskProcessingMs = 300_000 });
        var jobId = await linkedIn.Factory.CreateJobAsync("Mobile Engineer");

        await DrainAsync(linkedIn); // sent and checked at once: LinkedIn is still processing it
        var inProgress = Assert.Single(await TasksAsync(linkedIn, jobId));
        await linkedIn.AdvanceClockAsync(TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(1));
        await DrainAsync(linkedIn);

        Assert.Equal("IN_PROGRESS", inProgress.Status);
        Assert.Null(inProgress.CompletedAtUtc);
        var task = Assert.Single(await TasksAsync(linkedIn, jobId));
        Assert.Equal(("SUCCEEDED", inProgress.TaskId), (task.Status, task.TaskId));
        Assert.NotNull(task.CompletedAtUtc);
    }

    [Fact]
    public async Task Drain_UpdateOfAPostingLinkedInDoesNotHave_ShowsTheErrorThenHealsWithACreate()
    {
        using var linkedIn = await LinkedInAsync();
        var jobId = await linkedIn.Factory.CreateJobAsync("Data Engineer");
        // Attract believes the job was sent before (e.g. LinkedIn lost it, or the database was restored from a backup).
        await linkedIn.WithDbAsync(db => db.OutboxMessages.Where(o => o.EntityType == TrackedTypes.Job)
            .ExecuteUpdateAsync(s => s.SetProperty(o => o.ProcessedAtUtc, DateTime.UtcNow)));
        await linkedIn.WithDbAsync(async db =>
        {
            (await db.Jobs.SingleAsync(j => j.Id == jobId)).Title = "Senior Data Engineer";
            return await db.SaveChangesAsync();
        });

        // With no check delay, each run sends what is due and then checks the tasks that are due.
        await DrainAsync(linkedIn); // an UPDATE, accepted as a task that then fails: error opened, job queued again
        var error = Assert.Single(await OpenErrorsAsync(linkedIn, jobId));
        var failed = Assert.Single(await TasksAsync(linkedIn, jobId));
        await DrainAsync(linkedIn); // the re-send is a CREATE, and its task succeeds

        Assert.Equal("FAILED", failed.Status);
        Assert.Equal(LinkedInJobPostingSync.TaskRetryActor, await linkedIn.WithDbAsync(db =>
            db.OutboxMessages.Where(o => o.EntityType == TrackedTypes.Job).OrderBy(o => o.Id).Select(o => o.ActorUserId).LastAsync()));
        Assert.Contains("does not exist", failed.Error, StringComparison.Ordinal);
        Assert.Contains("LinkedIn could not process the job posting", error.Message, StringComparison.Ordinal);
        var tasks = await TasksAsync(linkedIn, jobId);
        Assert.Equal(["FAILED", "SUCCEEDED"], tasks.Select(t => t.Status));
        Assert.Empty(await OpenErrorsAsync(linkedIn, jobId));
    }
}

/// <summary>Task outcomes the simulator does not produce on demand, with the client mocked at its interface.</summary>
public sealed class LinkedInJobPostingTaskOutcomeTests : IDisposable
{
    private readonly Mock<ILinkedInJobPostingsClient> _jobPostings = new();
    private readonly Queue<Func<string, BatchGetResult<string, JobPostingTask>>> _answers = new();
    private readonly AttractFactory _factory;

    public LinkedInJobPostingTaskOutcomeTests()
    {
        _factory = ExportTestData.CreateFactory(_jobPostings.Object).WithSetting("LinkedIn:Sync:JobTaskCheckDelay", "00:00:00");
        _jobPostings.Setup(c => c.SubmitJobPostingsAsync(It.IsAny<LinkedInAppCredentials>(), It.IsAny<IEnumerable<SimpleJobPosting>>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((LinkedInAppCredentials _, IEnumerable<SimpleJobPosting> postings, CancellationToken _) =>
                postings.Select(p => new JobPostingCreateResult { ExternalJobPostingId = p.ExternalJobPostingId, Status = 202, TaskId = "t-" + Guid.NewGuid().ToString("N") }).ToList());
        _jobPostings.Setup(c => c.GetJobPostingTasksAsync(It.IsAny<LinkedInAppCredentials>(), It.IsAny<IEnumerable<string>>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((LinkedInAppCredentials _, IEnumerable<string> ids, CancellationToken _) => _answers.Dequeue()(ids.Single()));
    }

    public void Dispose() => _factory.Dispose();

    private static BatchGetResult<string, JobPostingTask> Found(string id, string status, string? error = null) =>
        new(new Dictionary<string, JobPostingTask>
        {
            [id] = new() { Id = id, Status = status, Error = error is null ? null : new RestLiError { Status = 400, Message = error } },
        }, []);

    private async Task<int> ArrangeJobAsync()
    {
        await _factory.SeedConnectionAsync(c =>
        {
            c.CompanyLevelEnabled = true;
            c.CompanyLevelChangedAtUtc = DateTime.UtcNow.AddMinutes(-1);
            c.JobsBackfilledAtUtc = DateTime.UtcNow; // the job backfill already ran
        });
        return await _factory.CreateJobAsync("Site Reliability Engineer");
    }

    private async Task DrainAsync()
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<LinkedInJobPostingSync>().DrainAsync();
    }

    private Task<List<LinkedInJobPostingTask>> TasksAsync(int jobId) =>
        _factory.WithDbAsync(db => db.Set<LinkedInJobPostingTask>().Where(t => t.JobId == jobId).OrderBy(t => t.Id).ToListAsync());

    [Fact]
    public async Task CheckTasks_InProgressThenUnknownToLinkedIn_KeepsCheckingThenOpensAnError()
    {
        var jobId = await ArrangeJobAsync();
        _answers.Enqueue(id => Found(id, "IN_PROGRESS"));
        _answers.Enqueue(id => new(new Dictionary<string, JobPostingTask>(), [new(id, 404, "NOT_FOUND", "task not found")]));
        _answers.Enqueue(id => Found(id, "SUCCEEDED"));

        await DrainAsync(); // sent; the task is still in progress
        var inProgress = Assert.Single(await TasksAsync(jobId));
        await DrainAsync(); // LinkedIn no longer knows the task: error opened, job queued again
        var notFound = Assert.Single(await TasksAsync(jobId));
        var error = await _factory.WithDbAsync(db => db.Set<LinkedInSyncError>().SingleAsync(e => e.EntityType == TrackedTypes.Job && e.EntityId == jobId));
        await DrainAsync(); // re-sent; that task succeeds

        Assert.Equal("IN_PROGRESS", inProgress.Status);
        Assert.Null(inProgress.CompletedAtUtc);
        Assert.Equal(("NOT_FOUND", "task not found"), (notFound.Status, notFound.Error));
        Assert.Null(error.ResolvedAtUtc);
        Assert.Equal(["NOT_FOUND", "SUCCEEDED"], (await TasksAsync(jobId)).Select(t => t.Status));
        Assert.NotNull(await _factory.WithDbAsync(db => db.Set<LinkedInSyncError>().Where(e => e.Id == error.Id).Select(e => e.ResolvedAtUtc).SingleAsync()));
    }

    [Fact]
    public async Task CheckTasks_AutomaticResendFailsToo_WaitsForTheAdminsRetry()
    {
        var jobId = await ArrangeJobAsync();
        _answers.Enqueue(id => Found(id, "FAILED", "Invalid location"));
        _answers.Enqueue(id => Found(id, "PROCESSED", "Invalid location"));

        await DrainAsync(); // sent, task failed, re-sent automatically
        await DrainAsync(); // the re-send's task failed as well
        await DrainAsync(); // nothing more is sent

        var tasks = await TasksAsync(jobId);
        Assert.Equal(["FAILED", "PROCESSED"], tasks.Select(t => t.Status));
        var error = await _factory.WithDbAsync(db => db.Set<LinkedInSyncError>().SingleAsync(e => e.EntityType == TrackedTypes.Job && e.EntityId == jobId));
        Assert.Null(error.ResolvedAtUtc);
        Assert.Equal(2, error.Attempts);
        Assert.Contains("Invalid location", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, await _factory.WithDbAsync(db => db.OutboxMessages.CountAsync(o => o.EntityType == TrackedTypes.Job && o.ProcessedAtUtc == null)));
    }
}
