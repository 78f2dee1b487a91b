using System.Net;
using AngleSharp.Html.Dom;
using Attract.Core.Candidates;
using Attract.Core.Common;
using Attract.Core.Data;
using Attract.Core.Jobs;
using Attract.Core.Pipeline;
using Attract.IntegrationTests.Infrastructure;
using Attract.Web.Integrations.LinkedIn.Export;
using Microsoft.EntityFrameworkCore;

namespace Attract.IntegrationTests.Pages.Prospects;

public abstract class ProspectReviewTests(DatabaseProvider provider) : IDisposable
{
    private readonly AttractFactory _factory = new(provider);

    public void Dispose() => _factory.Dispose();

    private static string[] Names(IHtmlDocument page) =>
        page.QuerySelectorAll("[data-testid=prospect]").Select(r => r.GetAttribute("data-name")!).ToArray();

    /// <summary>A prospect added <paramref name="daysAgo"/> days ago, by <paramref name="addedBy"/> (System when null).</summary>
    private Task<int> ProspectAsync(int jobId, string first, string last = "Prospect", double daysAgo = 0, FixedActor? addedBy = null) =>
        _factory.WithDbAsync(async db =>
        {
            var job = await db.Jobs.Include(j => j.Stages).SingleAsync(j => j.Id == jobId);
            var candidate = new Candidate { CreatedAtUtc = DateTime.UtcNow, UpdatedAtUtc = DateTime.UtcNow, Source = "Referral", Summary = $"{first} builds engines." };
            candidate.SetName(first, last);
            candidate.SetEmails([$"{first}.{last}@example.com".ToLowerInvariant()]);
            var added = DateTime.UtcNow.AddDays(-daysAgo);
            var application = JobApplication.Create(candidate, job, job.Stages.Single(s => s.Kind == StageKind.Prospect), addedBy ?? FixedActor.System, added);
            db.Applications.Add(application);
            await db.SaveChangesAsync();
            return application.Id;
        });

    private Task<int> MovesAsync(int applicationId, StageMoveKind kind) =>
        _factory.WithDbAsync(db => db.StageMoves.CountAsync(m => m.ApplicationId == applicationId && m.Kind == kind));

    private static FormUrlEncodedContent Form(string token, IEnumerable<int> ids, params (string Key, string Value)[] more) =>
        new(ids.Select(id => new KeyValuePair<string, string>("applicationIds", id.ToString()))
            .Concat(more.Select(m => new KeyValuePair<string, string>(m.Key, m.Value)))
            .Append(new("__RequestVerificationToken", token)));

    [Fact]
    public async Task Review_HiringManager_SeesProspectsOfTheirJobsWithSourceAndSummary()
    {
        var mine = await _factory.CreateJobAsync("Mine");
        var other = await _factory.CreateJobAsync("Other", standardTeam: false);
        await _factory.AddApplicationAsync(await _factory.CreateCandidateAsync("Pat", "Prospect"), mine, "Prospect");
        await _factory.AddApplicationAsync(await _factory.CreateCandidateAsync("Oscar", "Other"), other, "Prospect");
        await _factory.AddApplicationAsync(await _factory.CreateCandidateAsync("Ava", "Applied"), mine, "Applied");
        var client = await _factory.SignedInClientAsync(AtsData.Manager);

        var page = await client.GetDocumentAsync("/Prospects");
        var home = await client.GetDocumentAsync("/");

        var row = Assert.Single(page.QuerySelectorAll("[data-testid=prospect]"));
        Assert.Contains("Pat Prospect", row.TextContent);
        Assert.Contains("LinkedIn", row.TextContent);
        Assert.Contains("Pat builds engines.", row.TextContent);
        Assert.Equal("1", home.QuerySelector("[data-testid=waiting-prospects]")!.TextContent);
        var jobOptions = page.QuerySelectorAll("#f-job option").Select(o => o.TextContent).ToList();
        Assert.Contains(jobOptions, o => o.Contains("Mine"));
        Assert.DoesNotContain(jobOptions, o => o.Contains("Other"));
    }

    [Fact]
    public async Task Review_JobFilter_ShowsOnlyThatJobsProspects_AndAnotherTeamsJobIs404()
    {
        var first = await _factory.CreateJobAsync("First");
        var second = await _factory.CreateJobAsync("Second");
        var other = await _factory.CreateJobAsync("Other", standardTeam: false);
        await ProspectAsync(first, "Fay");
        await ProspectAsync(second, "Sid");
        await ProspectAsync(second, "Sue");
        var client = await _factory.SignedInClientAsync(AtsData.Manager);

        var page = await client.GetDocumentAsync($"/Prospects?job={second}");

        Assert.Equal(["Sid Prospect", "Sue Prospect"], Names(page).Order());
        Assert.Equal("2", page.QuerySelector("[data-testid=prospect-count]")!.TextContent);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Prospects?job={other}")).StatusCode);
    }

    [Fact]
    public async Task Review_SharedList_KeyedByTheJobsTheUserWorksOnReadLive()
    {
        var kept = await _factory.CreateJobAsync("Kept");
        var left = await _factory.CreateJobAsync("Left");
        await ProspectAsync(kept, "Kim");
        await ProspectAsync(left, "Lou");
        var manager = await _factory.UserIdAsync(AtsData.Manager);
        var client = await _factory.SignedInClientAsync(AtsData.Manager);
        Assert.Equal(["Kim Prospect", "Lou Prospect"], Names(await client.GetDocumentAsync("/Prospects")).Order());

        // another instance takes the manager off one team (not a save this instance sees): the list read live changes key
        await _factory.WithDbAsync(db => db.JobTeamMembers.Where(t => t.JobId == left && t.UserId == manager).ExecuteDeleteAsync());
        var page = await client.GetDocumentAsync("/Prospects");

        Assert.Equal(["Kim Prospect"], Names(page));
        Assert.DoesNotContain(page.QuerySelectorAll("#f-job option"), o => o.TextContent.Contains("Left"));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Prospects?job={left}")).StatusCode);
    }

    [Fact]
    public async Task Review_SharedList_ANewProspectSavedHereShowsAtOnce()
    {
        var job = await _factory.CreateJobAsync();
        await ProspectAsync(job, "Early");
        var client = await _factory.SignedInClientAsync(AtsData.Manager);
        Assert.Equal(["Early Prospect"], Names(await client.GetDocumentAsync("/Prospects")));

        await ProspectAsync(job, "Late");

        Assert.Equal(["Early Prospect", "Late Prospect"], Names(await client.GetDocumentAsync("/Prospects")).Order());
    }

    [Fact]
    public async Task Review_SourceFilter_SeparatesLinkedInExportsFromTheRest()
    {
        var job = await _factory.CreateJobAsync();
        var exporter = new FixedActor(await _factory.UserIdAsync(AtsData.Recruiter), "Riley Recruiter" + LinkedInExportProcessor.ExporterSuffix);
        await ProspectAsync(job, "Lin", "Exported", addedBy: exporter);
        await ProspectAsync(job, "Manu", "Added");
        var client = await _factory.SignedInClientAsync(AtsData.Manager);

        var exports = await client.GetDocumentAsync("/Prospects?source=LinkedInExport");
        var others = await client.GetDocumentAsync("/Prospects?source=Other");

        Assert.Equal(["Lin Exported"], Names(exports));
        Assert.Equal(["Manu Added"], Names(others));
        Assert.Contains("Exported by Riley Recruiter", exports.QuerySelector("[data-testid=exported-by]")!.TextContent);
    }

    [Fact]
    public async Task Review_AgeFilter_ShowsOnlyProspectsWaitingLongerThanChosen()
    {
        var job = await _factory.CreateJobAsync();
        await ProspectAsync(job, "Fresh", daysAgo: 0.2);
        await ProspectAsync(job, "Three", daysAgo: 3);
        await ProspectAsync(job, "Ten", daysAgo: 10);
        await ProspectAsync(job, "Forty", daysAgo: 40);
        var client = await _factory.SignedInClientAsync(AtsData.Manager);

        Assert.Equal(["Forty Prospect", "Ten Prospect", "Three Prospect"], Names(await client.GetDocumentAsync("/Prospects?age=1")));
        Assert.Equal(["Forty Prospect", "Ten Prospect"], Names(await client.GetDocumentAsync("/Prospects?age=7")));
        var month = await client.GetDocumentAsync("/Prospects?age=30");
        Assert.Equal(["Forty Prospect"], Names(month));
        Assert.Equal("40 days", month.QuerySelector("[data-testid=waiting]")!.FirstChild!.TextContent);
    }

    [Fact]
    public async Task Review_Sort_OrdersByChoice()
    {
        var alpha = await _factory.CreateJobAsync("Alpha");
        var beta = await _factory.CreateJobAsync("Beta");
        await ProspectAsync(beta, "Ann", "Zane", daysAgo: 5);
        await ProspectAsync(alpha, "Bob", "Young", daysAgo: 1);
        await ProspectAsync(beta, "Cy", "Adams", daysAgo: 9);
        var client = await _factory.SignedInClientAsync(AtsData.Manager);

        Assert.Equal(["Cy Adams", "Ann Zane", "Bob Young"], Names(await client.GetDocumentAsync("/Prospects")));
        Assert.Equal(["Bob Young", "Ann Zane", "Cy Adams"], Names(await client.GetDocumentAsync("/Prospects?sort=Newest")));
        Assert.Equal(["Cy Adams", "Bob Young", "Ann Zane"], Names(await client.GetDocumentAsync("/Prospects?sort=Name")));
        Assert.Equal(["Bob Young", "Cy Adams", "Ann Zane"], Names(await client.GetDocumentAsync("/Prospects?sort=Job")));
    }

    [Fact]
    public async Task Review_Paging_ReturnsTheRightSliceAndTotal()
    {
        var job = await _factory.CreateJobAsync();
        for (var i = 0; i < 27; i++)
        {
            await ProspectAsync(job, $"P{i:D2}", daysAgo: 100 - i);
        }
        var client = await _factory.SignedInClientAsync(AtsData.Manager);

        var first = await client.GetDocumentAsync("/Prospects");
        var second = await client.GetDocumentAsync("/Prospects?p=2");
        var beyond = await client.GetDocumentAsync("/Prospects?p=9");
        var fifty = await client.GetDocumentAsync("/Prospects?size=50");

        Assert.Equal(Enumerable.Range(0, 25).Select(i => $"P{i:D2} Prospect"), Names(first));
        Assert.Equal(["P25 Prospect", "P26 Prospect"], Names(second));
        Assert.Equal("27", first.QuerySelector("[data-testid=prospect-count]")!.TextContent);
        Assert.Equal("Page 2 of 2", second.QuerySelector("[data-testid=page]")!.TextContent);
        Assert.Equal("Page 2 of 2", beyond.QuerySelector("[data-testid=page]")!.TextContent);
        Assert.Equal(27, Names(fifty).Length);
        Assert.Contains("p=2", first.QuerySelector("a[rel=next]")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Review_PagingAcrossJobs_MergesTheJobsProspectsInTimeOrder()
    {
        // each job's prospects come from its own stage's index in time order; the page is their merge
        var alpha = await _factory.CreateJobAsync("Alpha");
        var beta = await _factory.CreateJobAsync("Beta");
        for (var i = 0; i < 27; i++)
        {
            await ProspectAsync(i % 3 == 0 ? alpha : beta, $"P{i:D2}", daysAgo: 100 - i);
        }
        var client = await _factory.SignedInClientAsync(AtsData.Manager);

        Assert.Equal(Enumerable.Range(0, 25).Select(i => $"P{i:D2} Prospect"), Names(await client.GetDocumentAsync("/Prospects")));
        Assert.Equal(["P25 Prospect", "P26 Prospect"], Names(await client.GetDocumentAsync("/Prospects?p=2")));
        Assert.Equal(Enumerable.Range(2, 25).Reverse().Select(i => $"P{i:D2} Prospect"), Names(await client.GetDocumentAsync("/Prospects?sort=Newest")));
        Assert.Equal(["P01 Prospect", "P00 Prospect"], Names(await client.GetDocumentAsync("/Prospects?sort=Newest&p=2")));
        Assert.Equal(["P00 Prospect", "P03 Prospect"], Names(await client.GetDocumentAsync($"/Prospects?job={alpha}&size=25")).Take(2));
        Assert.Equal(Enumerable.Range(0, 27).Where(i => i % 3 == 0).Select(i => $"P{i:D2} Prospect"),
            Names(await client.GetDocumentAsync($"/Prospects?job={alpha}")));
    }

    [Fact]
    public async Task BulkAdvance_Selected_MovesAllWritesHistoryAndKeepsFilters()
    {
        var job = await _factory.CreateJobAsync();
        var a = await ProspectAsync(job, "A");
        var b = await ProspectAsync(job, "B");
        var c = await ProspectAsync(job, "C");
        var client = await _factory.SignedInClientAsync(AtsData.Manager);
        var token = (await client.GetDocumentAsync("/Prospects")).AntiforgeryToken();

        var response = await client.PostAsync($"/Prospects?handler=Advance&job={job}&sort=Name&p=1", Form(token, [a, b]));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains($"job={job}", response.Headers.Location!.OriginalString);
        Assert.Contains("sort=Name", response.Headers.Location.OriginalString);
        Assert.Equal(("Applied", ApplicationStatus.Active), await _factory.ApplicationStateAsync(a));
        Assert.Equal(("Applied", ApplicationStatus.Active), await _factory.ApplicationStateAsync(b));
        Assert.Equal(("Prospect", ApplicationStatus.Active), await _factory.ApplicationStateAsync(c));
        var moves = await _factory.WithDbAsync(db => db.StageMoves.Where(m => m.Kind == StageMoveKind.Moved).Select(m => new { m.ApplicationId, m.FromStageName, m.ToStageName, m.ByName }).ToListAsync());
        Assert.Equal([a, b], moves.Select(m => m.ApplicationId).Order());
        Assert.All(moves, m => Assert.Equal(("Prospect", "Applied", "Harper Manager"), (m.FromStageName, m.ToStageName, m.ByName)));
        var after = await client.GetDocumentAsync(response.Headers.Location.OriginalString);
        Assert.Equal("2 prospects advanced.", after.QuerySelector("[data-testid=status-message]")!.TextContent);
        Assert.Equal(["C Prospect"], Names(after));
    }

    [Fact]
    public async Task BulkAdvance_AllOnPageWithoutScript_TakesEveryRowOfThePage()
    {
        var job = await _factory.CreateJobAsync();
        var ids = new[] { await ProspectAsync(job, "A"), await ProspectAsync(job, "B") };
        var client = await _factory.SignedInClientAsync(AtsData.Manager);
        var token = (await client.GetDocumentAsync("/Prospects")).AntiforgeryToken();

        var response = await client.PostAsync("/Prospects?handler=Advance", Form(token, [], ("allOnPage", "true"), ("pageIds", ids[0].ToString()), ("pageIds", ids[1].ToString())));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        foreach (var id in ids)
        {
            Assert.Equal(("Applied", ApplicationStatus.Active), await _factory.ApplicationStateAsync(id));
        }
    }

    [Fact]
    public async Task BulkReject_WithReason_RejectsAllAndWritesTheReason()
    {
        var job = await _factory.CreateJobAsync();
        var a = await ProspectAsync(job, "A");
        var b = await ProspectAsync(job, "B");
        var client = await _factory.SignedInClientAsync(AtsData.Manager);
        var token = (await client.GetDocumentAsync("/Prospects")).AntiforgeryToken();

        var response = await client.PostAsync("/Prospects?handler=Reject", Form(token, [a, b], ("reason", "Skills mismatch")));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var rejected = await _factory.WithDbAsync(db => db.Applications.Where(x => x.Id == a || x.Id == b)
            .Select(x => new { x.Status, x.RejectionReason, Move = x.History.Where(m => m.Kind == StageMoveKind.Rejected).Select(m => m.Reason).Single() }).ToListAsync());
        Assert.All(rejected, r => Assert.Equal((ApplicationStatus.Rejected, "Skills mismatch", "Skills mismatch"), (r.Status, r.RejectionReason, r.Move)));
        Assert.Equal("2 prospects rejected: Skills mismatch.", (await client.GetDocumentAsync("/Prospects")).QuerySelector("[data-testid=status-message]")!.TextContent);
    }

    [Fact]
    public async Task BulkReject_WithoutReason_ShowsValidationMessageKeepsSelectionAndChangesNothing()
    {
        var job = await _factory.CreateJobAsync();
        var a = await ProspectAsync(job, "A");
        await ProspectAsync(job, "B");
        var client = await _factory.SignedInClientAsync(AtsData.Manager);
        var token = (await client.GetDocumentAsync("/Prospects")).AntiforgeryToken();

        var response = await client.PostAsync("/Prospects?handler=Reject", Form(token, [a], ("reason", "")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await HtmlForms.ParseAsync(response);
        Assert.Contains("Choose a reason", page.QuerySelector("#reason-error")!.TextContent);
        Assert.Equal([a.ToString()], page.QuerySelectorAll("input[name=applicationIds][checked]").Select(i => i.GetAttribute("value")));
        Assert.Equal(("Prospect", ApplicationStatus.Active), await _factory.ApplicationStateAsync(a));
        Assert.Equal(0, await MovesAsync(a, StageMoveKind.Rejected));
    }

    [Fact]
    public async Task BulkAdvance_OneIdOfAnotherTeamsJob_Returns404AndChangesNothing()
    {
        var mine = await ProspectAsync(await _factory.CreateJobAsync("Mine"), "Mine");
        var other = await ProspectAsync(await _factory.CreateJobAsync("Other", standardTeam: false), "Other");
        var client = await _factory.SignedInClientAsync(AtsData.Manager);
        var token = (await client.GetDocumentAsync("/Prospects")).AntiforgeryToken();

        var response = await client.PostAsync("/Prospects?handler=Advance", Form(token, [mine, other]));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(("Prospect", ApplicationStatus.Active), await _factory.ApplicationStateAsync(mine));
        Assert.Equal(("Prospect", ApplicationStatus.Active), await _factory.ApplicationStateAsync(other));
    }

    [Fact]
    public async Task BulkAdvance_OneOnAJobWhereTheUserOnlyInterviews_SaysWhyAndChangesNothing()
    {
        var interviewOnly = await _factory.CreateJobAsync("Interview only", standardTeam: false);
        var managerId = await _factory.UserIdAsync(AtsData.Manager);
        await _factory.WithDbAsync(async db =>
        {
            (await db.Jobs.Include(j => j.Team).SingleAsync(j => j.Id == interviewOnly)).AssignTeamMember(managerId, TeamRole.Interviewer);
            return await db.SaveChangesAsync();
        });
        var mine = await ProspectAsync(await _factory.CreateJobAsync("Mine"), "Mine");
        var refused = await ProspectAsync(interviewOnly, "Ivo", "Interview");
        var client = await _factory.SignedInClientAsync(AtsData.Manager);
        var token = (await client.GetDocumentAsync("/Prospects")).AntiforgeryToken();

        var response = await client.PostAsync("/Prospects?handler=Advance", Form(token, [mine, refused]));

        var page = await HtmlForms.ParseAsync(response);
        Assert.Contains("Ivo Interview: you may not review prospects of", page.QuerySelector("[data-testid=error-message]")!.TextContent);
        Assert.Contains("Nothing was changed.", page.QuerySelector("[data-testid=error-message]")!.TextContent);
        Assert.Equal(("Prospect", ApplicationStatus.Active), await _factory.ApplicationStateAsync(mine));
        Assert.Equal(0, await MovesAsync(mine, StageMoveKind.Moved));
    }

    [Fact]
    public async Task BulkAdvance_OneChangedBySomeoneElseMeanwhile_SaysWhyAndChangesNothing()
    {
        var job = await _factory.CreateJobAsync();
        var a = await ProspectAsync(job, "A");
        var b = await ProspectAsync(job, "Bea", "Moved");
        var client = await _factory.SignedInClientAsync(AtsData.Manager);
        var token = (await client.GetDocumentAsync("/Prospects")).AntiforgeryToken();
        await _factory.WithDbAsync(async db =>
        {
            var app = await db.Applications.Include(x => x.Job).ThenInclude(j => j.Stages).Include(x => x.Stage).SingleAsync(x => x.Id == b);
            app.Reject("Withdrew", FixedActor.System, DateTime.UtcNow);
            return await db.SaveChangesAsync();
        });

        var response = await client.PostAsync("/Prospects?handler=Advance", Form(token, [a, b]));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var error = (await HtmlForms.ParseAsync(response)).QuerySelector("[data-testid=error-message]")!.TextContent;
        Assert.Contains("Bea Moved: no longer waiting for review", error);
        Assert.Equal(("Prospect", ApplicationStatus.Active), await _factory.ApplicationStateAsync(a));
        Assert.Equal(0, await MovesAsync(a, StageMoveKind.Moved));
    }

    [Fact]
    public async Task Review_AnonymousInterviewerAndMissingToken_AreRefused()
    {
        var a = await ProspectAsync(await _factory.CreateJobAsync(), "A");
        var anonymous = _factory.CreateClient(new() { AllowAutoRedirect = false });
        var interviewer = await _factory.SignedInClientAsync(AtsData.Interviewer);
        var manager = await _factory.SignedInClientAsync(AtsData.Manager);

        var login = await anonymous.GetAsync("/Prospects?job=1");
        var forbidden = await interviewer.GetAsync("/Prospects");
        var noToken = await manager.PostAsync("/Prospects?handler=Advance", new FormUrlEncodedContent([new("applicationIds", a.ToString())]));

        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        Assert.Contains("/Account/Login", login.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, noToken.StatusCode);
        Assert.Equal(("Prospect", ApplicationStatus.Active), await _factory.ApplicationStateAsync(a));
    }
}

public sealed class ProspectReviewSqliteTests() : ProspectReviewTests(DatabaseProvider.Sqlite);

public sealed class ProspectReviewPostgreSqlTests() : ProspectReviewTests(DatabaseProvider.PostgreSql);
