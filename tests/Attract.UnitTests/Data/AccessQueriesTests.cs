using Attract.Core.Access;
using Attract.Core.Data;
using Attract.Core.Feedback;
using Attract.Core.Identity;
using Attract.Core.Jobs;
using Attract.UnitTests.Builders;
using Microsoft.EntityFrameworkCore;

namespace Attract.UnitTests.Data;

public abstract class AccessQueriesTests(DatabaseProvider provider) : IAsyncLifetime
{
    private TestDb _db = null!;
    private int _teamJob;
    private int _otherJob;

    public async Task InitializeAsync()
    {
        _db = await TestDb.CreateAsync(provider);
        await using var db = _db.NewContext();
        var (team, candidate, application) = await Build.PipelineAsync(db);
        var other = Job.Create(2001, "Other", "Sales", Build.Now);
        db.Jobs.Add(other);
        db.Candidates.Add(Build.Candidate("Olly", "Other", "olly@example.com"));
        db.Scorecards.Add(Scorecard.Submit(application, TestDb.Interviewer, InterviewType.PhoneScreen, new Dictionary<string, int> { ["Communication"] = 3 }, Recommendation.Yes, "Own", Build.Now));
        db.Scorecards.Add(Scorecard.Submit(application, TestDb.Manager, InterviewType.Onsite, new Dictionary<string, int> { ["Communication"] = 2 }, Recommendation.No, "Manager's", Build.Now));
        await db.SaveChangesAsync();
        (_teamJob, _otherJob) = (team.Id, other.Id);
        _ = candidate;
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Theory]
    [InlineData("user-recruiter", Roles.Recruiter, 2, 1)]
    [InlineData("user-manager", Roles.HiringManager, 1, 1)]
    [InlineData("user-interviewer", Roles.Interviewer, 1, 1)]
    [InlineData("admin", Roles.Admin, 2, 2)]
    public async Task VisibleTo_Role_SeesItsCandidatesAndJobs(string userId, string role, int candidates, int jobs)
    {
        await using var db = _db.NewContext();
        var viewer = Viewer.Of(userId, role);

        Assert.Equal(candidates, await db.Candidates.VisibleTo(viewer).CountAsync());
        Assert.Equal(jobs, await db.Jobs.VisibleTo(viewer).CountAsync());
        Assert.Equal(role == Roles.Admin ? [_teamJob, _otherJob] : [_teamJob], await db.Jobs.VisibleTo(viewer).OrderBy(j => j.Id).Select(j => j.Id).ToListAsync());
    }

    [Theory]
    [InlineData("user-interviewer", Roles.Interviewer, new[] { "Own" })]
    [InlineData("user-manager", Roles.HiringManager, new[] { "Manager's", "Own" })]
    [InlineData("user-recruiter", Roles.Recruiter, new[] { "Manager's", "Own" })]
    [InlineData("stranger", Roles.Interviewer, new string[0])]
    public async Task VisibleTo_Scorecards_FollowRoleRules(string userId, string role, string[] expected)
    {
        await using var db = _db.NewContext();

        var comments = await db.Scorecards.VisibleTo(Viewer.Of(userId, role)).Select(s => s.Comments).OrderBy(c => c).ToListAsync();

        Assert.Equal(expected, comments);
    }

    [Fact]
    public async Task CanWorkOn_InterviewerOnTeam_IsFalse_ManagerOnTeam_IsTrue()
    {
        await using var db = _db.NewContext();
        var job = await db.Jobs.Include(j => j.Team).SingleAsync(j => j.Id == _teamJob);

        Assert.False(Viewer.Of("user-interviewer", Roles.Interviewer).CanWorkOn(job));
        Assert.True(Viewer.Of("user-interviewer", Roles.Interviewer).CanInterviewFor(job));
        Assert.True(Viewer.Of("user-manager", Roles.HiringManager).CanWorkOn(job));
        Assert.False(Viewer.Of("user-manager", Roles.HiringManager).CanManage(job));
        Assert.True(Viewer.Of("user-recruiter", Roles.Recruiter).CanManage(job));
        Assert.False(Viewer.Of("someone", Roles.Recruiter).CanManage(job));
    }
}

public sealed class AccessQueriesSqliteTests() : AccessQueriesTests(DatabaseProvider.Sqlite);

public sealed class AccessQueriesPostgreSqlTests() : AccessQueriesTests(DatabaseProvider.PostgreSql);
