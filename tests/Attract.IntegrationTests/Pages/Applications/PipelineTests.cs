using System.Net;
using Attract.Core.Common;
using Attract.Core.Data;
using Attract.Core.Pipeline;
using Attract.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Attract.IntegrationTests.Pages.Applications;

public abstract class PipelineTests(DatabaseProvider provider) : IDisposable
{
    private readonly AttractFactory _factory = new(provider);

    public void Dispose() => _factory.Dispose();

    private async Task<(int JobId, int ApplicationId)> ArrangeAsync(string stage = "Applied")
    {
        var jobId = await _factory.CreateJobAsync();
        var applicationId = await _factory.AddApplicationAsync(await _factory.CreateCandidateAsync(), jobId, stage);
        return (jobId, applicationId);
    }

    [Fact]
    public async Task Board_ShowsOneColumnPerStageWithCounts()
    {
        var (jobId, _) = await ArrangeAsync("Phone screen");
        var client = await _factory.SignedInClientAsync(AtsData.Recruiter);

        var page = await client.GetDocumentAsync($"/Jobs/Pipeline/{jobId}");

        var columns = page.QuerySelectorAll("[data-testid=pipeline] section");
        Assert.Equal(6, columns.Length);
        Assert.Equal("1", page.QuerySelector("[data-testid='column-Phone screen'] [data-testid=count]")!.TextContent);
        Assert.Equal("0", page.QuerySelector("[data-testid='column-Applied'] [data-testid=count]")!.TextContent);
    }

    [Fact]
    public async Task Board_AdvanceButton_MovesAndRecordsWhoAndWhen()
    {
        var (jobId, applicationId) = await ArrangeAsync();
        var phone = await _factory.StageIdAsync(jobId, "Phone screen");
        var client = await _factory.SignedInClientAsync(AtsData.Recruiter);

        var response = await client.PostFormAsync($"/Jobs/Pipeline/{jobId}", new Dictionary<string, string> { ["applicationId"] = applicationId.ToString(), ["stageId"] = phone.ToString() },
            $"/Jobs/Pipeline/{jobId}?handler=Move");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("Phone screen", (await _factory.ApplicationStateAsync(applicationId)).Stage);
        var move = await _factory.WithDbAsync(db => db.StageMoves.OrderBy(m => m.Id).LastAsync(m => m.ApplicationId == applicationId));
        Assert.Equal("Riley Recruiter", move.ByName);
        Assert.Equal(await _factory.UserIdAsync(AtsData.Recruiter), move.ByUserId);
        var outbox = await _factory.WithDbAsync(db => db.OutboxMessages.Where(m => m.ApplicationId == applicationId && m.OccurredAtUtc >= move.AtUtc).Select(m => m.EntityType).ToListAsync());
        Assert.Contains(TrackedTypes.StageMove, outbox);
        Assert.Contains(TrackedTypes.Application, outbox);
    }

    [Fact]
    public async Task Board_DragAndDropPost_WithAntiforgeryHeader_Moves()
    {
        var (jobId, applicationId) = await ArrangeAsync();
        var offer = await _factory.StageIdAsync(jobId, "Offer");
        var client = await _factory.SignedInClientAsync(AtsData.Recruiter);
        var board = await client.GetDocumentAsync($"/Jobs/Pipeline/{jobId}");
        var element = board.QuerySelector("[data-testid=pipeline]")!;
        var request = new HttpRequestMessage(HttpMethod.Post, element.GetAttribute("data-move-url"))
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["applicationId"] = applicationId.ToString(), ["stageId"] = offer.ToString() }),
        };
        request.Headers.Add("RequestVerificationToken", element.GetAttribute("data-token"));
        request.Headers.Add("X-Requested-With", "fetch");

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Offer", (await _factory.ApplicationStateAsync(applicationId)).Stage);
    }

    [Fact]
    public async Task Details_RejectWithReasonThenReopen_RecordsHistory()
    {
        var (_, applicationId) = await ArrangeAsync();
        var client = await _factory.SignedInClientAsync(AtsData.Recruiter);
        var url = $"/Applications/Details/{applicationId}";

        var noReason = await client.PostFormAsync(url, new Dictionary<string, string> { ["reason"] = "" }, url + "?handler=Reject");
        Assert.Equal(ApplicationStatus.Active, (await _factory.ApplicationStateAsync(applicationId)).Status);
        Assert.Contains("Choose a reason", (await client.GetDocumentAsync(url)).QuerySelector("[data-testid=error-message]")!.TextContent);

        await client.PostFormAsync(url, new Dictionary<string, string> { ["reason"] = "Skills mismatch" }, url + "?handler=Reject");
        Assert.Equal(ApplicationStatus.Rejected, (await _factory.ApplicationStateAsync(applicationId)).Status);
        await client.PostFormAsync(url, new Dictionary<string, string>(), url + "?handler=Reopen");

        Assert.Equal(HttpStatusCode.Redirect, noReason.StatusCode);
        Assert.Equal(ApplicationStatus.Active, (await _factory.ApplicationStateAsync(applicationId)).Status);
        var history = (await client.GetDocumentAsync(url)).QuerySelector("[data-testid=history]")!.TextContent;
        Assert.Contains("rejected (Skills mismatch)", history);
        Assert.Contains("reopened in Applied", history);
    }

    [Fact]
    public async Task Feedback_InterviewerSubmitsScorecard_VisibleToRecruiterNotToOtherInterviewers()
    {
        var (_, applicationId) = await ArrangeAsync("Phone screen");
        var interviewer = await _factory.SignedInClientAsync(AtsData.Interviewer);
        var form = new Dictionary<string, string>
        {
            ["Input.InterviewType"] = "PhoneScreen",
            ["Input.Recommendation"] = "StrongYes",
            ["Input.Comments"] = "Clear thinker.",
        };
        for (var i = 0; i < 5; i++)
        {
            form[$"Input.Ratings[{i}]"] = "4";
        }

        var response = await interviewer.PostFormAsync($"/Feedback/Create/{applicationId}", form);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var scorecard = await _factory.WithDbAsync(db => db.Scorecards.Include(s => s.Ratings).SingleAsync());
        Assert.Equal(5, scorecard.Ratings.Count);
        var home = await interviewer.GetDocumentAsync("/");
        Assert.Contains("scorecard submitted", home.QuerySelector("[data-testid=interviews]")!.TextContent);
        var recruiter = await _factory.SignedInClientAsync(AtsData.Recruiter);
        Assert.Contains("Clear thinker.", (await recruiter.GetDocumentAsync($"/Applications/Details/{applicationId}")).QuerySelector("[data-testid=feedback]")!.TextContent);
    }

    [Fact]
    public async Task Feedback_MissingRatings_ShowsWhatIsWrong()
    {
        var (_, applicationId) = await ArrangeAsync("Phone screen");
        var interviewer = await _factory.SignedInClientAsync(AtsData.Interviewer);

        var response = await interviewer.PostFormAsync($"/Feedback/Create/{applicationId}", new Dictionary<string, string> { ["Input.InterviewType"] = "Onsite" });

        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Rate Technical skills from 1 to 4.", html);
        Assert.Contains("Choose an overall recommendation.", html);
        Assert.Contains("Add your comments.", html);
        Assert.False(await _factory.WithDbAsync(db => db.Scorecards.AnyAsync()));
    }

    [Fact]
    public async Task Notes_AuthorEdits_OthersGet403()
    {
        var (_, applicationId) = await ArrangeAsync();
        var candidateId = await _factory.WithDbAsync(db => db.Applications.Where(a => a.Id == applicationId).Select(a => a.CandidateId!.Value).SingleAsync());
        var recruiter = await _factory.SignedInClientAsync(AtsData.Recruiter);
        var added = await recruiter.PostFormAsync($"/Candidates/Details/{candidateId}?tab=notes", new Dictionary<string, string> { ["NoteBody"] = "Strong referral" },
            $"/Candidates/Details/{candidateId}?handler=AddNote");
        Assert.True(added.StatusCode == HttpStatusCode.Redirect, await added.Content.ReadAsStringAsync());
        var noteId = await _factory.WithDbAsync(db => db.Notes.Select(n => n.Id).SingleAsync());

        var edited = await recruiter.PostFormAsync($"/Notes/Edit/{noteId}", new Dictionary<string, string> { ["Input.Body"] = "Very strong referral", ["Input.Version"] = await _factory.WithDbAsync(db => db.Notes.Select(n => n.Version.ToString()).SingleAsync()) });
        var manager = await _factory.SignedInClientAsync(AtsData.Manager);
        var forbidden = await manager.GetAsync($"/Notes/Edit/{noteId}");

        Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Equal("Very strong referral", await _factory.WithDbAsync(db => db.Notes.Select(n => n.Body).SingleAsync()));
        var notes = await manager.GetDocumentAsync($"/Candidates/Details/{candidateId}?tab=notes");
        Assert.Contains("Very strong referral", notes.QuerySelector("[data-testid=notes]")!.TextContent);
        Assert.Contains("Riley Recruiter", notes.QuerySelector("[data-testid=notes]")!.TextContent);
    }

    [Fact]
    public async Task Notes_EmptyBody_ShowsValidationMessage()
    {
        var candidateId = await _factory.CreateCandidateAsync();
        var recruiter = await _factory.SignedInClientAsync(AtsData.Recruiter);

        var response = await recruiter.PostFormAsync($"/Candidates/Details/{candidateId}?tab=notes", new Dictionary<string, string> { ["NoteBody"] = "" },
            $"/Candidates/Details/{candidateId}?handler=AddNote");

        Assert.Contains("Write something first.", await response.Content.ReadAsStringAsync());
    }
}

public sealed class PipelineSqliteTests() : PipelineTests(DatabaseProvider.Sqlite);

public sealed class PipelinePostgreSqlTests() : PipelineTests(DatabaseProvider.PostgreSql);
