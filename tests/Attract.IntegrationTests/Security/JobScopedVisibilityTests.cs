using System.Net;
using Attract.Core.Common;
using Attract.Core.Feedback;
using Attract.Core.Notes;
using Attract.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Attract.IntegrationTests.Security;

/// <summary>
/// A candidate in two pipelines, one of them a job the demo users are not on: the candidate's tabs (applications,
/// feedback, notes, activity) show a recruiter, hiring manager or interviewer only what belongs to jobs they may see,
/// plus what belongs to no job; the admin sees everything.
/// </summary>
public sealed class JobScopedVisibilityTests : IDisposable
{
    private const string OtherJobTitle = "Vaulted Orbit Role";
    private const string SecretStage = "Vaulted stage";

    private readonly AttractFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    private sealed record Data(int Candidate, int TeamApp, int OtherApp, int OtherNote);

    private async Task<Data> ArrangeAsync()
    {
        var teamJob = await _factory.CreateJobAsync("Open Team Role");
        var otherJob = await _factory.CreateJobAsync(OtherJobTitle, standardTeam: false);
        var candidate = await _factory.CreateCandidateAsync("Priya", "Twopipes");
        var teamApp = await _factory.AddApplicationAsync(candidate, teamJob, "Phone screen");
        var otherApp = await _factory.AddApplicationAsync(candidate, otherJob, "Applied");
        var adminId = await _factory.UserIdAsync(AtsData.Admin);
        var interviewerId = await _factory.UserIdAsync(AtsData.Interviewer);
        var otherNote = await _factory.WithDbAsync(async db =>
        {
            var admin = new FixedActor(adminId, "Avery Admin");
            var job = await db.Jobs.Include(j => j.Stages).SingleAsync(j => j.Id == otherJob);
            job.RenameStage(job.Stages.Single(s => s.Name == "Onsite interview").Id, SecretStage);
            var other = await db.Applications.Include(a => a.Candidate).Include(a => a.Job).ThenInclude(j => j.Stages).Include(a => a.Stage).SingleAsync(a => a.Id == otherApp);
            var team = await db.Applications.Include(a => a.Candidate).Include(a => a.Job).ThenInclude(j => j.Stages).Include(a => a.Stage).SingleAsync(a => a.Id == teamApp);
            other.MoveTo(job.Stages.Single(s => s.Name == SecretStage), admin, DateTime.UtcNow);
            other.Reject("Vaulted reason", admin, DateTime.UtcNow);
            var note = Note.Write(other.Candidate!, other, admin, "Vaulted note on the other job", DateTime.UtcNow);
            db.Notes.AddRange(note,
                Note.Write(team.Candidate!, team, admin, "Team job note", DateTime.UtcNow),
                Note.Write(team.Candidate!, null, admin, "General note", DateTime.UtcNow));
            var ratings = new Dictionary<string, int> { [Scorecard.DefaultAttributes[0]] = 3 };
            db.Scorecards.AddRange(
                Scorecard.Submit(other, admin, InterviewType.Onsite, ratings, Recommendation.No, "Vaulted feedback", DateTime.UtcNow),
                Scorecard.Submit(team, new FixedActor(interviewerId, "Indigo Interviewer"), InterviewType.PhoneScreen, ratings, Recommendation.Yes, "Team feedback", DateTime.UtcNow));
            await db.SaveChangesAsync();
            return note.Id;
        });
        return new Data(candidate, teamApp, otherApp, otherNote);
    }

    private static async Task<string> TabAsync(HttpClient client, int candidate, string tab) =>
        (await client.GetDocumentAsync($"/Candidates/Details/{candidate}?tab={tab}")).QuerySelector("main")!.TextContent;

    [Theory]
    [InlineData(AtsData.Recruiter)]
    [InlineData(AtsData.Manager)]
    public async Task CandidateTabs_TeamMember_ShowOnlyTheirJobsAndJoblessData(string email)
    {
        var data = await ArrangeAsync();
        var client = await _factory.SignedInClientAsync(email);

        var notes = await TabAsync(client, data.Candidate, "notes");
        var activity = await TabAsync(client, data.Candidate, "activity");
        var applications = await TabAsync(client, data.Candidate, "applications");
        var feedback = await TabAsync(client, data.Candidate, "feedback");

        Assert.Contains("Team job note", notes);
        Assert.Contains("General note", notes);
        Assert.DoesNotContain("Vaulted", notes);
        Assert.Contains("Added to the pipeline in Phone screen", activity);
        Assert.Contains("Candidate created", activity);
        Assert.DoesNotContain("Vaulted", activity);
        Assert.Contains("Open Team Role", applications);
        Assert.DoesNotContain(OtherJobTitle, applications);
        Assert.DoesNotContain("Vaulted", applications);
        Assert.Contains("Team feedback", feedback);
        Assert.DoesNotContain("Vaulted", feedback);
    }

    [Fact]
    public async Task CandidateTabs_Interviewer_SeeNeitherNotesNorActivityNorOtherJobs()
    {
        var data = await ArrangeAsync();
        var client = await _factory.SignedInClientAsync(AtsData.Interviewer);

        foreach (var tab in new[] { "notes", "activity", "applications", "feedback", "overview" })
        {
            var text = await TabAsync(client, data.Candidate, tab);
            Assert.DoesNotContain("Vaulted", text);
            Assert.DoesNotContain(OtherJobTitle, text);
            Assert.DoesNotContain("General note", text);
        }
        Assert.Contains("Team feedback", await TabAsync(client, data.Candidate, "feedback"));
    }

    [Fact]
    public async Task CandidateTabs_Admin_SeesEveryJob()
    {
        var data = await ArrangeAsync();
        var client = await _factory.SignedInClientAsync(AtsData.Admin);

        Assert.Contains("Vaulted note on the other job", await TabAsync(client, data.Candidate, "notes"));
        Assert.Contains(SecretStage, await TabAsync(client, data.Candidate, "activity"));
        Assert.Contains("Vaulted feedback", await TabAsync(client, data.Candidate, "feedback"));
    }

    [Theory]
    [InlineData(AtsData.Recruiter)]
    [InlineData(AtsData.Manager)]
    public async Task OtherJobsNote_TeamMember_IsNotFoundToEditOrDelete(string email)
    {
        var data = await ArrangeAsync();
        var client = await _factory.SignedInClientAsync(email);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Notes/Edit/{data.OtherNote}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Applications/Details/{data.OtherApp}")).StatusCode);
    }
}
