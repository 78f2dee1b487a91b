using Attract.Core.LinkedIn;
using Attract.IntegrationTests.Infrastructure;
using Attract.Web.Integrations.LinkedIn;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Moq;

namespace Attract.IntegrationTests.Integrations.LinkedIn;

public sealed class LinkedInChangeInterceptorTests : IDisposable
{
    private readonly Mock<ILinkedInSignals> _signals = new();
    private readonly AttractFactory _factory;

    public LinkedInChangeInterceptorTests()
    {
        _factory = new AttractFactory().WithServices(s => s.AddSingleton(_signals.Object));
        _factory.CreateClient().Dispose();
        _signals.Invocations.Clear();
    }

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task SaveChanges_CandidateCreated_WakesTheDrainOnly()
    {
        await _factory.CreateCandidateAsync("Grace", "Hopper");

        _signals.Verify(s => s.OutboxWritten(), Times.Once);
        _signals.Verify(s => s.JobsChanged(), Times.Never);
    }

    [Fact]
    public async Task SaveChanges_JobStageChanged_WakesTheJobPostingSyncOnly()
    {
        var jobId = await _factory.CreateJobAsync();
        _signals.Verify(s => s.JobsChanged(), Times.Once);
        _signals.Invocations.Clear();

        await _factory.WithDbAsync(async db =>
        {
            var job = await db.Jobs.Include(j => j.Stages).SingleAsync(j => j.Id == jobId);
            job.RenameStage(job.Stages.Single(s => s.Name == "Phone screen").Id, "Recruiter call");
            return await db.SaveChangesAsync();
        });

        _signals.Verify(s => s.JobsChanged(), Times.Once);
        _signals.Verify(s => s.OutboxWritten(), Times.Never);
    }

    [Fact]
    public async Task SaveChanges_UntrackedEntityOnly_SignalsNothing()
    {
        await _factory.WithDbAsync(db =>
        {
            db.Add(new LinkedInPullCursor { SeatUrn = "urn:li:seat:1", Kind = "notes", CursorUtc = DateTime.UtcNow });
            return db.SaveChangesAsync();
        });

        Assert.Empty(_signals.Invocations);
    }
}
