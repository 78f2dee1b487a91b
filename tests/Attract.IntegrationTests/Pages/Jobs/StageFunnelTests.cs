using Attract.Core.Candidates;
using Attract.Core.Common;
using Attract.Core.Data;
using Attract.Core.Jobs;
using Attract.Core.Pipeline;
using Attract.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Attract.IntegrationTests.Pages.Jobs;

/// <summary>
/// The job page's stage funnel over known stage moves on the default process (Prospect, Applied, Phone screen, Onsite
/// interview, Offer, Hired): prospects advanced, stopped or rejected, applicants added straight into Applied, a jump over two
/// stages, a move back, and an application of another job that must not count.
/// </summary>
public abstract class StageFunnelTests(DatabaseProvider provider) : IDisposable
{
    private static readonly DateTime At = new(2026, 3, 2, 10, 0, 0, DateTimeKind.Utc);
    private readonly AttractFactory _factory = new(provider);
    private int _people;

    public void Dispose() => _factory.Dispose();

    /// <summary>An application added in <paramref name="stages"/>[0] and moved through the rest in order; optionally rejected at the end.</summary>
    private async Task ApplyAsync(int jobId, string[] stages, bool reject = false)
    {
        var candidateId = await _factory.CreateCandidateAsync("Funnel", "Person" + (++_people));
        await _factory.WithDbAsync(async db =>
        {
            var job = await db.Jobs.Include(j => j.Stages).SingleAsync(j => j.Id == jobId);
            var candidate = await db.Candidates.SingleAsync(c => c.Id == candidateId);
            var application = JobApplication.Create(candidate, job, job.Stages.Single(s => s.Name == stages[0]), FixedActor.System, At);
            db.Applications.Add(application);
            await db.SaveChangesAsync();
            foreach (var stage in stages.Skip(1))
            {
                application.MoveTo(job.Stages.Single(s => s.Name == stage), FixedActor.System, At);
            }
            if (reject)
            {
                application.Reject(RejectionReasons.All[0], FixedActor.System, At);
            }
            return await db.SaveChangesAsync();
        });
    }

    [Fact]
    public async Task OnGet_KnownStageMoves_ShowsReachedCountsAndConversionRates()
    {
        var jobId = await _factory.CreateJobAsync();
        await ApplyAsync(jobId, ["Prospect", "Applied", "Phone screen", "Onsite interview", "Offer", "Hired"]);
        await ApplyAsync(jobId, ["Prospect", "Applied", "Phone screen"], reject: true);
        await ApplyAsync(jobId, ["Prospect"]);
        await ApplyAsync(jobId, ["Prospect"], reject: true);
        await ApplyAsync(jobId, ["Applied", "Phone screen", "Onsite interview"]);
        await ApplyAsync(jobId, ["Applied"]);
        await ApplyAsync(jobId, ["Applied", "Offer"]); // jumps over Phone screen and Onsite interview: moved past them
        await ApplyAsync(jobId, ["Prospect", "Applied", "Phone screen", "Applied"]); // moved back: Phone screen stays reached
        await ApplyAsync(await _factory.CreateJobAsync("Other job"), ["Prospect", "Applied", "Phone screen", "Onsite interview", "Offer", "Hired"]);
        var client = await _factory.SignedInClientAsync(AtsData.Recruiter);

        var page = await client.GetDocumentAsync($"/Jobs/Details/{jobId}");

        Assert.Equal(
            [
                ["Prospect", "5", "–"],
                ["Applied", "6", "60.0%"],          // 3 of the 5 prospects went on
                ["Phone screen", "5", "83.3%"],     // 5 of the 6 in Applied
                ["Onsite interview", "3", "60.0%"],
                ["Offer", "2", "66.7%"],
                ["Hired", "1", "50.0%"],
            ],
            page.ChartRows("funnel"));
        var (labels, datasets) = page.ChartData("funnel");
        Assert.Equal(["Prospect", "Applied", "Phone screen", "Onsite interview", "Offer", "Hired"], labels);
        var reached = Assert.Single(datasets);
        Assert.Equal("Reached", reached.Label);
        Assert.Equal(new double?[] { 5, 6, 5, 3, 2, 1 }, reached.Data);
    }

    [Fact]
    public async Task OnGet_ApplicationSavedWithItsNewJob_CountsTheStageItWasAddedIn()
    {
        // Saved together, the stage had no id yet when the Added move was recorded: the move names the stage only.
        var jobId = await _factory.WithDbAsync(async db =>
        {
            var job = Job.Create(2001, "Seeded job", "Engineering", At);
            job.Activate(At);
            var candidate = new Candidate { CreatedAtUtc = At, UpdatedAtUtc = At };
            candidate.SetName("Seeded", "Prospect");
            var application = JobApplication.Create(candidate, job, job.OrderedStages.First(), FixedActor.System, At);
            db.Applications.Add(application);
            await db.SaveChangesAsync();
            application.MoveTo(job.OrderedStages.ElementAt(1), FixedActor.System, At);
            await db.SaveChangesAsync();
            return job.Id;
        });
        var client = await _factory.SignedInClientAsync(AtsData.Admin);

        var page = await client.GetDocumentAsync($"/Jobs/Details/{jobId}");

        Assert.Equal([["Prospect", "1", "–"], ["Applied", "1", "100.0%"]], page.ChartRows("funnel").Take(2));
    }

    [Fact]
    public async Task OnGet_NoApplications_ShowsZerosWithoutRates()
    {
        var jobId = await _factory.CreateJobAsync();
        var client = await _factory.SignedInClientAsync(AtsData.Manager);

        var page = await client.GetDocumentAsync($"/Jobs/Details/{jobId}");

        var rows = page.ChartRows("funnel");
        Assert.Equal(6, rows.Count);
        Assert.All(rows, r => Assert.Equal(["0", "–"], r[1..]));
        Assert.Equal(new double?[] { 0, 0, 0, 0, 0, 0 }, Assert.Single(page.ChartData("funnel").Datasets).Data);
    }
}

public sealed class StageFunnelSqliteTests() : StageFunnelTests(DatabaseProvider.Sqlite);

public sealed class StageFunnelPostgreSqlTests() : StageFunnelTests(DatabaseProvider.PostgreSql);
