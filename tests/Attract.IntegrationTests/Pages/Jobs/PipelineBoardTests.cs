using System.Net;
using System.Text.Json;
using Attract.Core.Candidates;
using Attract.Core.Common;
using Attract.Core.Data;
using Attract.Core.Pipeline;
using Attract.IntegrationTests.Infrastructure;
using Attract.IntegrationTests.Security;
using Attract.Web.Pages.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Attract.IntegrationTests.Pages.Jobs;

public abstract class PipelineBoardTests(DatabaseProvider provider) : IDisposable
{
    private readonly AttractFactory _factory = new(provider);

    public void Dispose() => _factory.Dispose();

    /// <summary>
    /// Adds <paramref name="count"/> applications to a stage, Card001 first; three at a time share the moment they entered
    /// the stage, so the id breaks ties (also across a page boundary: with pages of 20, the 19th to 21st share one).
    /// </summary>
    private Task AddApplicationsAsync(int jobId, string stage, int count, string prefix = "Card", string? rejectedFor = null, DateTime? enteredAtUtc = null) =>
        _factory.WithDbAsync(async db =>
        {
            var job = await db.Jobs.Include(j => j.Stages).SingleAsync(j => j.Id == jobId);
            var start = enteredAtUtc ?? DateTime.UtcNow.AddDays(-10);
            for (var i = 0; i < count; i++)
            {
                var candidate = new Candidate { CreatedAtUtc = start, UpdatedAtUtc = start, Source = CandidateSources.Referral };
                candidate.SetName(prefix, (i + 1).ToString("D3"));
                candidate.SetEmails([$"{prefix}.{i + 1}.{jobId}@example.com".ToLowerInvariant()]);
                var application = JobApplication.Create(candidate, job, job.Stages.Single(s => s.Name == stage), FixedActor.System, start.AddMinutes(i / 3));
                if (rejectedFor is not null)
                {
                    application.Reject(rejectedFor, FixedActor.System, start.AddDays(1));
                }
                db.Applications.Add(application);
            }
            return await db.SaveChangesAsync();
        });

    private static string[] Names(AngleSharp.Dom.IParentNode node, string selector = "[data-testid=cards] [data-testid=card]") =>
        node.QuerySelectorAll(selector).Select(c => c.GetAttribute("aria-label")!).ToArray();

    private static string[] Expected(int from, int to, string prefix = "Card") =>
        Enumerable.Range(from, to - from + 1).Select(i => $"{prefix} {i:D3}").ToArray();

    [Fact]
    public async Task Board_ApplicationsBeyondTwoPagesInAStage_CountsAllShowsFirstPageAndMoreShowsTheRest()
    {
        const int size = PipelineBoard.PageSize;
        var total = 2 * size + size / 2;
        var jobId = await _factory.CreateJobAsync();
        await AddApplicationsAsync(jobId, "Applied", total);
        await AddApplicationsAsync(jobId, "Offer", 2, "Offered");
        var client = await _factory.SignedInClientAsync(AtsData.Recruiter);

        var board = await client.GetDocumentAsync($"/Jobs/Pipeline/{jobId}");

        var applied = board.QuerySelector("[data-testid='column-Applied']")!;
        Assert.Equal(total.ToString(), applied.QuerySelector("[data-testid=count]")!.TextContent);
        Assert.Equal("2", board.QuerySelector("[data-testid='column-Offer'] [data-testid=count]")!.TextContent);
        Assert.Contains($"Applied: {total} active, 0 rejected", board.QuerySelector("[data-testid=stage-summary]")!.TextContent);
        Assert.Equal(Expected(1, size), Names(applied));
        Assert.DoesNotContain($"Card {size + 1:D3}", board.Body!.TextContent);
        Assert.Null(board.QuerySelector("[data-testid='column-Offer'] [data-testid=more]"));

        // without script: the link shows the column's next page
        var more = applied.QuerySelector("[data-testid=more]")!;
        var second = await client.GetDocumentAsync(more.GetAttribute("href")!);
        var secondApplied = second.QuerySelector("[data-testid='column-Applied']")!;
        Assert.Equal(Expected(size + 1, 2 * size), Names(secondApplied));
        Assert.Equal(total.ToString(), secondApplied.QuerySelector("[data-testid=count]")!.TextContent);
        Assert.NotNull(secondApplied.QuerySelector("[data-testid=first-cards]"));
        Assert.Equal(["Offered 001", "Offered 002"], Names(second.QuerySelector("[data-testid='column-Offer']")!));

        // with script: the Column handler's partial, appended in place
        var partial = await HtmlForms.ParseAsync(await client.GetAsync(more.GetAttribute("data-column-url")));
        Assert.Equal(Expected(size + 1, 2 * size), Names(partial, "[data-testid=card]"));
        var third = await HtmlForms.ParseAsync(await client.GetAsync(partial.QuerySelector("[data-testid=more]")!.GetAttribute("data-column-url")));
        Assert.Equal(Expected(2 * size + 1, total), Names(third, "[data-testid=card]"));
        Assert.Null(third.QuerySelector("[data-testid=more]"));
    }

    [Fact]
    public async Task Board_RejectedCards_OnlyOnDemandAndPaged()
    {
        var jobId = await _factory.CreateJobAsync();
        await AddApplicationsAsync(jobId, "Phone screen", 1, "Keen");
        const int size = PipelineBoard.PageSize;
        await AddApplicationsAsync(jobId, "Phone screen", size + 2, "Turned", rejectedFor: "Skills mismatch");
        var client = await _factory.SignedInClientAsync(AtsData.Recruiter);

        var hidden = await client.GetDocumentAsync($"/Jobs/Pipeline/{jobId}");
        var shown = await client.GetDocumentAsync(hidden.QuerySelector("[data-testid=rejected-toggle]")!.GetAttribute("href")!);

        Assert.Equal("1", hidden.QuerySelector("[data-testid='column-Phone screen'] [data-testid=count]")!.TextContent);
        Assert.Contains($"Phone screen: 1 active, {size + 2} rejected", hidden.QuerySelector("[data-testid=stage-summary]")!.TextContent);
        Assert.Empty(hidden.QuerySelectorAll("[data-testid=rejected-cards]"));
        Assert.DoesNotContain("Turned 001", hidden.Body!.TextContent);
        var column = shown.QuerySelector("[data-testid='column-Phone screen']")!;
        Assert.Equal(["Keen 001"], Names(column));
        Assert.Equal($"{size + 2}", column.QuerySelector("[data-testid=rejected-count]")!.TextContent);
        Assert.Equal(Expected(1, size, "Turned"), Names(column, "[data-testid=rejected-cards] [data-testid=card]"));
        Assert.Contains("Rejected: Skills mismatch", column.QuerySelector("[data-testid=rejected-cards]")!.TextContent);
        Assert.Empty(column.QuerySelectorAll("[data-testid=rejected-cards] button"));
        var rest = await HtmlForms.ParseAsync(await client.GetAsync(column.QuerySelector("[data-testid=rejected-cards] [data-testid=more]")!.GetAttribute("data-column-url")));
        Assert.Equal(Expected(size + 1, size + 2, "Turned"), Names(rest, "[data-testid=card]"));
    }

    [Fact]
    public async Task MoveForm_WithoutScript_MovesRedirectsAndResetsTimeInStage()
    {
        var jobId = await _factory.CreateJobAsync();
        await AddApplicationsAsync(jobId, "Applied", 1, "Mover", enteredAtUtc: DateTime.UtcNow.AddDays(-3).AddHours(-2));
        var offer = await _factory.StageIdAsync(jobId, "Offer");
        var client = await _factory.SignedInClientAsync(AtsData.Recruiter);
        var board = await client.GetDocumentAsync($"/Jobs/Pipeline/{jobId}");
        var card = board.QuerySelector("[data-testid='column-Applied'] [data-testid=card]")!;
        Assert.Equal("3 days in stage", card.QuerySelector("[data-testid=time-in-stage]")!.TextContent);
        // the card's Move button submits its column's Move form (the target stage: the next one unless changed)
        var button = card.QuerySelector("button[name=applicationId]")!;
        Assert.Equal("Move Mover 001", button.GetAttribute("aria-label"));
        var form = board.GetElementById(button.GetAttribute("form")!)!;
        Assert.Same(board.QuerySelector("[data-testid='column-Applied'] [data-testid=move-form]"), form);
        Assert.Equal("Applied: Move to", board.QuerySelector($"label[for='{form.QuerySelector("select")!.Id}']")!.TextContent);
        Assert.Equal("Phone screen", form.QuerySelector("option[selected]")!.TextContent);
        Assert.Empty(card.QuerySelectorAll("form, select, input"));

        var response = await client.PostAsync(form.GetAttribute("action"), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!,
            [button.GetAttribute("name")!] = button.GetAttribute("value")!,
            ["stageId"] = offer.ToString(),
        }));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var after = await client.GetDocumentAsync(response.Headers.Location!.OriginalString);
        Assert.Equal("Moved Mover 001 to Offer.", after.QuerySelector("[data-testid=status-message]")!.TextContent);
        var moved = after.QuerySelector("[data-testid='column-Offer'] [data-testid=card]")!;
        Assert.Equal("Less than a day in stage", moved.QuerySelector("[data-testid=time-in-stage]")!.TextContent);
        Assert.Equal("0", after.QuerySelector("[data-testid='column-Applied'] [data-testid=count]")!.TextContent);
        Assert.Equal("1", after.QuerySelector("[data-testid='column-Offer'] [data-testid=count]")!.TextContent);
    }

    [Fact]
    public async Task MoveByFetch_RefusedByTheRule_AnswersProblemDetailsAndChangesNothing()
    {
        var jobId = await _factory.CreateJobAsync();
        await AddApplicationsAsync(jobId, "Applied", 1, "Stayer");
        var applicationId = await _factory.WithDbAsync(db => db.Applications.Where(a => a.JobId == jobId).Select(a => a.Id).SingleAsync());
        var applied = await _factory.StageIdAsync(jobId, "Applied");
        var client = await _factory.SignedInClientAsync(AtsData.Recruiter);
        var board = await client.GetDocumentAsync($"/Jobs/Pipeline/{jobId}");

        var response = await MoveByFetchAsync(client, board, applicationId, applied);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("The application is already in Applied.", problem.RootElement.GetProperty("detail").GetString());
        Assert.Equal(400, problem.RootElement.GetProperty("status").GetInt32());
        Assert.Equal(1, await _factory.WithDbAsync(db => db.StageMoves.CountAsync(m => m.ApplicationId == applicationId)));
    }

    [Fact]
    public async Task Board_Interviewer_ViewsWithoutMoveFormsAndMayNotMove()
    {
        var jobId = await _factory.CreateJobAsync();
        await AddApplicationsAsync(jobId, "Applied", 1, "Watched");
        var applicationId = await _factory.WithDbAsync(db => db.Applications.Where(a => a.JobId == jobId).Select(a => a.Id).SingleAsync());
        var offer = await _factory.StageIdAsync(jobId, "Offer");
        var client = await _factory.SignedInClientAsync(AtsData.Interviewer);

        var board = await client.GetDocumentAsync($"/Jobs/Pipeline/{jobId}");
        var move = await client.PostFormAsync("/", new Dictionary<string, string> { ["applicationId"] = applicationId.ToString(), ["stageId"] = offer.ToString() },
            $"/Jobs/Pipeline/{jobId}?handler=Move");

        Assert.Equal(["Watched 001"], Names(board));
        Assert.Empty(board.QuerySelectorAll("[data-testid=pipeline] form"));
        Assert.Equal("false", board.QuerySelector("[data-testid=card]")!.GetAttribute("draggable"));
        Assert.Equal(HttpStatusCode.Forbidden, move.StatusCode);
        Assert.Equal("Applied", (await _factory.ApplicationStateAsync(applicationId)).Stage);
    }

    [Fact]
    public async Task Board_AnotherJobsApplicationOrStage_NotFound()
    {
        var jobId = await _factory.CreateJobAsync();
        var otherJob = await _factory.CreateJobAsync("Other role");
        await AddApplicationsAsync(otherJob, "Applied", 1, "Elsewhere");
        var otherApplication = await _factory.WithDbAsync(db => db.Applications.Where(a => a.JobId == otherJob).Select(a => a.Id).SingleAsync());
        var otherStage = await _factory.StageIdAsync(otherJob, "Offer");
        var hiddenJob = await _factory.CreateJobAsync("Not my role", standardTeam: false);
        var client = await _factory.SignedInClientAsync(AtsData.Recruiter);

        var move = await client.PostFormAsync($"/Jobs/Pipeline/{jobId}", new Dictionary<string, string> { ["applicationId"] = otherApplication.ToString(), ["stageId"] = otherStage.ToString() },
            $"/Jobs/Pipeline/{jobId}?handler=Move");
        var column = await client.GetAsync($"/Jobs/Pipeline/{jobId}?handler=Column&stageId={otherStage}");
        var page = await client.GetAsync($"/Jobs/Pipeline/{jobId}?stageId={otherStage}&after=1-1");
        var hidden = await client.GetAsync($"/Jobs/Pipeline/{hiddenJob}?handler=Column&stageId={await _factory.StageIdAsync(hiddenJob, "Applied")}");

        Assert.Equal(HttpStatusCode.NotFound, move.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, column.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
        Assert.Equal("Applied", (await _factory.ApplicationStateAsync(otherApplication)).Stage);
    }

    private static async Task<HttpResponseMessage> MoveByFetchAsync(HttpClient client, AngleSharp.Dom.IDocument board, int applicationId, int stageId)
    {
        var pipeline = board.QuerySelector("[data-testid=pipeline]")!;
        var request = new HttpRequestMessage(HttpMethod.Post, pipeline.GetAttribute("data-move-url"))
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["applicationId"] = applicationId.ToString(), ["stageId"] = stageId.ToString() }),
        };
        request.Headers.Add("RequestVerificationToken", pipeline.GetAttribute("data-token"));
        request.Headers.Add("X-Requested-With", "fetch");
        return await client.SendAsync(request);
    }

    [Fact]
    public async Task Board_SharedRead_ThisInstancesMoveShowsAtOnceAnotherInstancesWithinMaxAge()
    {
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        _factory.WithServices(s => s.AddSingleton<TimeProvider>(clock));
        var jobId = await _factory.CreateJobAsync();
        await AddApplicationsAsync(jobId, "Applied", 2, "Shared");
        var ids = await _factory.WithDbAsync(db => db.Applications.Where(a => a.JobId == jobId).OrderBy(a => a.Id).Select(a => a.Id).ToListAsync());
        var offer = await _factory.StageIdAsync(jobId, "Offer");
        var client = await _factory.SignedInClientAsync(AtsData.Recruiter);
        async Task<(string[] Applied, string[] Offer, AngleSharp.Dom.IDocument Board)> BoardAsync()
        {
            var board = await client.GetDocumentAsync($"/Jobs/Pipeline/{jobId}");
            return (Names(board.QuerySelector("[data-testid='column-Applied']")!), Names(board.QuerySelector("[data-testid='column-Offer']")!), board);
        }
        Assert.Equal(["Shared 001", "Shared 002"], (await BoardAsync()).Applied);

        // another instance moves Shared 001: the row changes without this instance's SaveChanges
        await _factory.WithDbAsync(db => db.Applications.Where(a => a.Id == ids[0]).ExecuteUpdateAsync(u => u.SetProperty(a => a.StageId, offer)));
        Assert.Equal(["Shared 001", "Shared 002"], (await BoardAsync()).Applied); // the board read shared for MaxAge
        clock.Advance(PipelineReads.MaxAge);
        var later = await BoardAsync();
        Assert.Equal(["Shared 002"], later.Applied);
        Assert.Equal(["Shared 001"], later.Offer);

        // a move on this instance (the board's script) drops the shared read at once
        Assert.Equal(HttpStatusCode.OK, (await MoveByFetchAsync(client, later.Board, ids[1], offer)).StatusCode);
        var moved = await BoardAsync();
        Assert.Empty(moved.Applied);
        Assert.Equal(["Shared 001", "Shared 002"], moved.Offer);
    }

    [Fact]
    public async Task Board_SharedRead_RemovedFromTheTeam_NotFoundAtOnce()
    {
        var jobId = await _factory.CreateJobAsync();
        await AddApplicationsAsync(jobId, "Applied", 1, "Private");
        var manager = await _factory.UserIdAsync(AtsData.Manager);
        var client = await _factory.SignedInClientAsync(AtsData.Manager);
        var board = await client.GetDocumentAsync($"/Jobs/Pipeline/{jobId}");
        Assert.Equal(["Private 001"], Names(board));
        Assert.NotEmpty(board.QuerySelectorAll("[data-testid=move-form]"));

        // another instance takes the manager off the team: the shared board is still fresh, but access is read live
        await _factory.WithDbAsync(db => db.JobTeamMembers.Where(t => t.JobId == jobId && t.UserId == manager).ExecuteDeleteAsync());

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Jobs/Pipeline/{jobId}")).StatusCode);
    }

    [Fact]
    public async Task Board_MalformedPageKey_ValidationMessageOnThePageProblemDetailsFromTheColumn()
    {
        var jobId = await _factory.CreateJobAsync();
        await AddApplicationsAsync(jobId, "Applied", 2);
        var applied = await _factory.StageIdAsync(jobId, "Applied");
        var client = await _factory.SignedInClientAsync(AtsData.Recruiter);

        var page = await client.GetDocumentAsync($"/Jobs/Pipeline/{jobId}?stageId={applied}&after=yesterday");
        var column = await client.GetAsync($"/Jobs/Pipeline/{jobId}?handler=Column&stageId={applied}&after=12-x");

        Assert.Contains("That page of the column is not valid", page.QuerySelector("[data-testid=validation-summary]")!.TextContent);
        Assert.Equal(Expected(1, 2), Names(page.QuerySelector("[data-testid='column-Applied']")!));
        Assert.Equal(HttpStatusCode.BadRequest, column.StatusCode);
        Assert.Equal("application/problem+json", column.Content.Headers.ContentType!.MediaType);
    }
}

public sealed class PipelineBoardSqliteTests() : PipelineBoardTests(DatabaseProvider.Sqlite);

public sealed class PipelineBoardPostgreSqlTests() : PipelineBoardTests(DatabaseProvider.PostgreSql);
