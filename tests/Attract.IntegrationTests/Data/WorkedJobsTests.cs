using Attract.Core.Access;
using Attract.Core.Candidates;
using Attract.Core.Common;
using Attract.Core.Data;
using Attract.Core.Feedback;
using Attract.Core.Identity;
using Attract.Core.Jobs;
using Attract.Core.Pipeline;
using Attract.IntegrationTests.Infrastructure;
using Attract.Web.Pages.Prospects;
using Microsoft.EntityFrameworkCore;

namespace Attract.IntegrationTests.Data;

/// <summary>
/// "The jobs a user works on" (<see cref="AccessQueries.WorksOn"/>: on the team in any role but interviewer) is one rule,
/// and every query that needs it agrees: the jobs themselves, their ids (the prospect list's key), the prospects waiting,
/// and the feedback a hiring manager may read. A hiring manager who only interviews for a job works on none of it.
/// </summary>
public abstract class WorkedJobsTests(DatabaseProvider provider) : IDisposable
{
    private readonly AttractFactory _factory = new(provider);

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task WorksOn_ManagerWhoOnlyInterviewsForAJob_EveryQueryLeavesThatJobOut()
    {
        var managed = await _factory.CreateJobAsync("Managed");
        var interviewed = await _factory.CreateJobAsync("Interviewed", standardTeam: false);
        var elsewhere = await _factory.CreateJobAsync("Elsewhere", standardTeam: false);
        var managerId = await _factory.UserIdAsync(AtsData.Manager);
        var interviewerId = await _factory.UserIdAsync(AtsData.Interviewer);
        await _factory.WithDbAsync(async db =>
        {
            var job = await db.Jobs.Include(j => j.Team).SingleAsync(j => j.Id == interviewed);
            job.AssignTeamMember(managerId, TeamRole.Interviewer);
            job.AssignTeamMember(interviewerId, TeamRole.Interviewer);
            return await db.SaveChangesAsync();
        });
        foreach (var job in new[] { managed, interviewed, elsewhere })
        {
            await ProspectWithFeedbackAsync(job, interviewerId);
        }
        var manager = Viewer.Of(managerId, Roles.HiringManager);
        var admin = Viewer.Of(await _factory.UserIdAsync(AtsData.Admin), Roles.Admin);

        await _factory.WithDbAsync(async db =>
        {
            Assert.Equal([managed], await db.Jobs.WorkedOnBy(manager).Select(j => j.Id).ToListAsync());
            Assert.Equal([managed], await db.WorkedJobIdsAsync(manager));
            Assert.Equal([managed], await db.WaitingProspects(manager).Select(a => a.JobId).ToListAsync());
            Assert.Equal([managed], await db.Scorecards.VisibleTo(manager).Select(s => s.Application.JobId).ToListAsync());
            // admins work on every job, on a team or not
            Assert.Equal([managed, interviewed, elsewhere], await db.Jobs.WorkedOnBy(admin).OrderBy(j => j.Id).Select(j => j.Id).ToListAsync());
            Assert.Equal(3, await db.WaitingProspects(admin).CountAsync());
            return 0;
        });
    }

    private Task<int> ProspectWithFeedbackAsync(int jobId, string interviewerId) =>
        _factory.WithDbAsync(async db =>
        {
            var job = await db.Jobs.Include(j => j.Stages).SingleAsync(j => j.Id == jobId);
            var candidate = new Candidate { CreatedAtUtc = DateTime.UtcNow, UpdatedAtUtc = DateTime.UtcNow, Source = "Referral" };
            candidate.SetName("Pat", job.Title);
            var application = JobApplication.Create(candidate, job, job.Stages.Single(s => s.Kind == StageKind.Prospect), FixedActor.System, DateTime.UtcNow);
            db.Applications.Add(application);
            db.Scorecards.Add(Scorecard.Submit(application, new FixedActor(interviewerId, "Indigo Interviewer"), InterviewType.PhoneScreen,
                new Dictionary<string, int> { [Scorecard.DefaultAttributes[0]] = 3 }, Recommendation.Yes, "Fine", DateTime.UtcNow));
            return await db.SaveChangesAsync();
        });
}

public sealed class WorkedJobsSqliteTests() : WorkedJobsTests(DatabaseProvider.Sqlite);

public sealed class WorkedJobsPostgreSqlTests() : WorkedJobsTests(DatabaseProvider.PostgreSql);
