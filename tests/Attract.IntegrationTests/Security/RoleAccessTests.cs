using System.Net;
using Attract.Core.Feedback;
using Attract.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Attract.IntegrationTests.Security;

/// <summary>What each role may do, and what it may not (403, or 404 when the row is outside what it can see).</summary>
public class RoleAccessTests : IDisposable
{
    private readonly AttractFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    private async Task<(int TeamJob, int OtherJob, int TeamApp, int OtherApp, int TeamCandidate, int OtherCandidate)> ArrangeAsync()
    {
        var teamJob = await _factory.CreateJobAsync("Team job");
        var otherJob = await _factory.CreateJobAsync("Other job", standardTeam: false);
        var teamCandidate = await _factory.CreateCandidateAsync("Tess", "Team");
        var otherCandidate = await _factory.CreateCandidateAsync("Olly", "Other");
        var teamApp = await _factory.AddApplicationAsync(teamCandidate, teamJob, "Phone screen");
        var otherApp = await _factory.AddApplicationAsync(otherCandidate, otherJob, "Phone screen");
        return (teamJob, otherJob, teamApp, otherApp, teamCandidate, otherCandidate);
    }

    private static Task<HttpResponseMessage> MoveAsync(HttpClient client, int jobId, int applicationId, int stageId) =>
        client.PostFormAsync("/Candidates", new Dictionary<string, string> { ["applicationId"] = applicationId.ToString(), ["stageId"] = stageId.ToString() },
            $"/Jobs/Pipeline/{jobId}?handler=Move");

    [Fact]
    public async Task Admin_MayOpenAndWorkOnEveryJob()
    {
        var data = await ArrangeAsync();
        var client = await _factory.SignedInClientAsync(AtsData.Admin);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/Jobs/Edit/{data.OtherJob}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/Applications/Details/{data.OtherApp}")).StatusCode);
        var response = await MoveAsync(client, data.OtherJob, data.OtherApp, await _factory.StageIdAsync(data.OtherJob, "Offer"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("Offer", (await _factory.ApplicationStateAsync(data.OtherApp)).Stage);
    }

    [Fact]
    public async Task Recruiter_MayWorkOnTheirJobsAndSeeAllCandidates()
    {
        var data = await ArrangeAsync();
        var client = await _factory.SignedInClientAsync(AtsData.Recruiter);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/Jobs/Edit/{data.TeamJob}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/Candidates/Details/{data.OtherCandidate}")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await MoveAsync(client, data.TeamJob, data.TeamApp, await _factory.StageIdAsync(data.TeamJob, "Offer"))).StatusCode);
        Assert.Equal("Offer", (await _factory.ApplicationStateAsync(data.TeamApp)).Stage);
    }

    [Fact]
    public async Task Recruiter_MayNotOpenOrWorkOnJobsTheyAreNotOn_NorErase()
    {
        var data = await ArrangeAsync();
        var client = await _factory.SignedInClientAsync(AtsData.Recruiter);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Jobs/Details/{data.OtherJob}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Applications/Details/{data.OtherApp}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await MoveAsync(client, data.OtherJob, data.OtherApp, await _factory.StageIdAsync(data.OtherJob, "Offer"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/Candidates/Erase/{data.TeamCandidate}")).StatusCode);
        Assert.Equal("Phone screen", (await _factory.ApplicationStateAsync(data.OtherApp)).Stage);
    }

    [Fact]
    public async Task HiringManager_MaySeeAndMoveCandidatesOfTheirJobs()
    {
        var data = await ArrangeAsync();
        var client = await _factory.SignedInClientAsync(AtsData.Manager);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/Candidates/Details/{data.TeamCandidate}")).StatusCode);
        var list = await client.GetDocumentAsync("/Candidates");
        Assert.Contains("Tess Team", list.QuerySelector("[data-testid=candidates]")!.TextContent);
        Assert.DoesNotContain("Olly Other", list.QuerySelector("[data-testid=candidates]")!.TextContent);
        Assert.Equal(HttpStatusCode.Redirect, (await MoveAsync(client, data.TeamJob, data.TeamApp, await _factory.StageIdAsync(data.TeamJob, "Onsite interview"))).StatusCode);
        Assert.Equal("Onsite interview", (await _factory.ApplicationStateAsync(data.TeamApp)).Stage);
    }

    [Fact]
    public async Task HiringManager_MayNotCreateOrEditJobsOrCandidates_NorSeeOtherCandidates()
    {
        var data = await ArrangeAsync();
        var client = await _factory.SignedInClientAsync(AtsData.Manager);

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/Jobs/Create")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/Jobs/Edit/{data.TeamJob}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/Jobs/Stages/{data.TeamJob}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/Candidates/Create")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/Pools")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Candidates/Details/{data.OtherCandidate}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Jobs/Pipeline/{data.OtherJob}")).StatusCode);
    }

    [Fact]
    public async Task Interviewer_MaySeeApplicationsTheyInterviewFor_AndOnlyTheirOwnFeedback()
    {
        var data = await ArrangeAsync();
        await _factory.WithDbAsync(async db =>
        {
            var application = await db.Applications.SingleAsync(a => a.Id == data.TeamApp);
            var ratings = new Dictionary<string, int> { ["Communication"] = 3 };
            db.Scorecards.Add(Scorecard.Submit(application, new Core.Common.FixedActor(await _factory.UserIdAsync(AtsData.Interviewer), "Indigo Interviewer"), InterviewType.PhoneScreen, ratings, Recommendation.Yes, "Mine", DateTime.UtcNow));
            db.Scorecards.Add(Scorecard.Submit(application, new Core.Common.FixedActor(await _factory.UserIdAsync(AtsData.Manager), "Harper Manager"), InterviewType.Onsite, ratings, Recommendation.No, "Someone else's", DateTime.UtcNow));
            return await db.SaveChangesAsync();
        });
        var client = await _factory.SignedInClientAsync(AtsData.Interviewer);

        var page = await client.GetDocumentAsync($"/Applications/Details/{data.TeamApp}");
        var feedback = await client.GetDocumentAsync($"/Candidates/Details/{data.TeamCandidate}?tab=feedback");

        Assert.Contains("Mine", page.QuerySelector("[data-testid=feedback]")!.TextContent);
        Assert.DoesNotContain("Someone else's", page.QuerySelector("[data-testid=feedback]")!.TextContent);
        Assert.DoesNotContain("Someone else's", feedback.QuerySelector("[data-testid=feedback]")!.TextContent);
        Assert.Null(page.QuerySelector("[data-testid=actions]"));
    }

    [Fact]
    public async Task Interviewer_MayNotMoveStagesReviewProspectsOrSeeOtherApplications()
    {
        var data = await ArrangeAsync();
        var client = await _factory.SignedInClientAsync(AtsData.Interviewer);

        Assert.Equal(HttpStatusCode.Forbidden, (await MoveAsync(client, data.TeamJob, data.TeamApp, await _factory.StageIdAsync(data.TeamJob, "Offer"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostFormAsync("/Candidates", new Dictionary<string, string> { ["reason"] = "Other" }, $"/Applications/Details/{data.TeamApp}?handler=Reject")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/Prospects")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Applications/Details/{data.OtherApp}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Feedback/Create/{data.OtherApp}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Candidates/Details/{data.OtherCandidate}")).StatusCode);
        Assert.Equal(("Phone screen", Core.Pipeline.ApplicationStatus.Active), await _factory.ApplicationStateAsync(data.TeamApp));
    }

    [Fact]
    public async Task Scorecard_UserNotInterviewingForTheJob_Gets403()
    {
        var data = await ArrangeAsync();
        var client = await _factory.SignedInClientAsync(AtsData.Manager);

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/Feedback/Create/{data.TeamApp}")).StatusCode);
    }
}
