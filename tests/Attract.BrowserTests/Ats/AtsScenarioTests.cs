using System.Text.RegularExpressions;
using Attract.BrowserTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Attract.BrowserTests.Ats;

[Collection(BrowserCollection.Name)]
public sealed class AtsScenarioTests(BrowserFixture browser) : IDisposable
{
    private readonly KestrelAttractFactory _app = new();

    public void Dispose() => _app.Dispose();

    private ILocator Column(IPage page, string stage) => page.GetByTestId("column-" + stage);

    [Fact]
    public Task Recruiter_CreatesAndActivatesJob_AddsCandidate_MovesThroughStages() =>
        browser.RunAsync("recruiter-job-flow", async page =>
        {
            await page.SignInAsync(_app.BaseUrl, "recruiter@contoso.test");
            await page.GetByRole(AriaRole.Link, new() { Name = "Jobs", Exact = true }).ClickAsync();
            await page.GetByRole(AriaRole.Link, new() { Name = "New job" }).ClickAsync();
            await page.GetByLabel("Title").FillAsync("Data Engineer");
            await page.GetByLabel("Department").FillAsync("Engineering");
            await page.GetByLabel("City").FillAsync("Amsterdam");
            await page.GetByLabel("Country").FillAsync("Netherlands");
            await page.GetByLabel("Description").FillAsync("Pipelines all day.");
            await page.GetByRole(AriaRole.Button, new() { Name = "Create job" }).ClickAsync();

            await Expect(page.GetByTestId("job-code")).ToHaveTextAsync("JOB-1001");
            await Expect(page.GetByTestId("job-status")).ToHaveTextAsync("Draft");
            await page.GetByRole(AriaRole.Button, new() { Name = "Activate" }).ClickAsync();
            await Expect(page.GetByTestId("job-status")).ToHaveTextAsync("Active");

            await page.GetByRole(AriaRole.Link, new() { Name = "Candidates", Exact = true }).ClickAsync();
            await page.GetByRole(AriaRole.Link, new() { Name = "New candidate" }).ClickAsync();
            await page.GetByLabel("First name").FillAsync("Grace");
            await page.GetByLabel("Last name").FillAsync("Hopper");
            await page.GetByLabel("Emails").FillAsync("grace@navy.example");
            await page.GetByLabel("Current company").FillAsync("US Navy");
            await page.GetByRole(AriaRole.Button, new() { Name = "Add candidate" }).ClickAsync();
            await Expect(page.GetByTestId("candidate-name")).ToHaveTextAsync("Grace Hopper");

            await page.GetByRole(AriaRole.Link, new() { Name = "Applications" }).ClickAsync();
            await page.GetByLabel("Add to job, in stage").SelectOptionAsync(new SelectOptionValue { Label = "JOB-1001 Data Engineer — Applied" });
            await page.GetByRole(AriaRole.Button, new() { Name = "Add to job" }).ClickAsync();
            await Expect(page.GetByTestId("current-stage")).ToHaveTextAsync("Applied");

            await page.GetByRole(AriaRole.Link, new() { Name = "Jobs", Exact = true }).ClickAsync();
            await page.GetByRole(AriaRole.Link, new() { Name = "Data Engineer" }).ClickAsync();
            await page.GetByRole(AriaRole.Link, new() { Name = "Pipeline" }).ClickAsync();
            await Expect(Column(page, "Applied").GetByTestId("count")).ToHaveTextAsync("1");
            await page.GetByRole(AriaRole.Button, new() { Name = "Move Grace Hopper" }).ClickAsync();
            await Expect(Column(page, "Phone screen").GetByTestId("count")).ToHaveTextAsync("1");
            await page.GetByRole(AriaRole.Button, new() { Name = "Move Grace Hopper" }).ClickAsync();
            await Expect(Column(page, "Onsite interview").GetByTestId("count")).ToHaveTextAsync("1");

            // Drag and drop, driven through the page's own HTML5 drag events.
            var dataTransfer = await page.EvaluateHandleAsync("() => new DataTransfer()");
            await Column(page, "Onsite interview").GetByTestId("card").DispatchEventAsync("dragstart", new { dataTransfer });
            await Column(page, "Offer").DispatchEventAsync("dragover", new { dataTransfer });
            await Column(page, "Offer").DispatchEventAsync("drop", new { dataTransfer });
            await Expect(Column(page, "Offer").GetByTestId("count")).ToHaveTextAsync("1");
            await Expect(Column(page, "Onsite interview").GetByTestId("count")).ToHaveTextAsync("0");
            await BrowserFixture.SaveScreenshotAsync(page, "walkthrough-63-pipeline-board");

            await page.GetByRole(AriaRole.Link, new() { Name = "Grace Hopper" }).ClickAsync();
            await Expect(page.GetByTestId("current-stage")).ToHaveTextAsync("Offer");
            var history = page.GetByTestId("history");
            await Expect(history).ToContainTextAsync("Applied → Phone screen");
            await Expect(history).ToContainTextAsync("Phone screen → Onsite interview");
            await Expect(history).ToContainTextAsync("Onsite interview → Offer");
            await Expect(history).ToContainTextAsync("Riley Recruiter");
        });

    [Fact]
    public Task HiringManager_ReviewsProspects_AdvancesAndRejects() =>
        browser.RunAsync("hiring-manager-prospects", async page =>
        {
            await _app.CreateJobWithCandidatesAsync("Platform Engineer",
                ("Pat", "Prospect", "Prospect"), ("Quinn", "Quick", "Prospect"), ("Rae", "Reject", "Prospect"), ("Sam", "Second", "Prospect"));
            await page.SignInAsync(_app.BaseUrl, "hiring.manager@contoso.test");
            await Expect(page.GetByTestId("waiting-prospects")).ToHaveTextAsync("4");

            await page.GetByRole(AriaRole.Link, new() { Name = "Review prospects" }).ClickAsync();
            await Expect(page.GetByTestId("prospect")).ToHaveCountAsync(4);
            await Expect(page.GetByTestId("prospects")).ToContainTextAsync("Pat has shipped three products.");
            await page.GetByLabel("Select Pat Prospect").CheckAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Advance selected" }).ClickAsync();
            await Expect(page.GetByTestId("status-message")).ToHaveTextAsync("1 prospect advanced.");

            await page.GetByLabel("Select Rae Reject").CheckAsync();
            await page.GetByLabel("Reason for rejecting the selected prospects").SelectOptionAsync("Skills mismatch");
            await page.GetByRole(AriaRole.Button, new() { Name = "Reject selected" }).ClickAsync();
            await Expect(page.GetByTestId("status-message")).ToHaveTextAsync("1 prospect rejected: Skills mismatch.");

            await page.GetByLabel("Select Quinn Quick").CheckAsync();
            await page.GetByLabel("Select Sam Second").CheckAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Advance selected" }).ClickAsync();
            await Expect(page.GetByTestId("status-message")).ToHaveTextAsync("2 prospects advanced.");
            await Expect(page.GetByTestId("no-prospects")).ToBeVisibleAsync();

            var states = await _app.WithDbAsync(db => db.Applications.Select(a => new { a.Candidate!.FirstName, Stage = a.Stage.Name, a.Status, a.RejectionReason }).ToListAsync());
            Assert.Equal(["Pat", "Quinn", "Sam"], states.Where(s => s.Stage == "Applied").Select(s => s.FirstName).Order());
            Assert.Equal("Skills mismatch", states.Single(s => s.FirstName == "Rae").RejectionReason);
            await page.GetByRole(AriaRole.Link, new() { Name = "Home" }).ClickAsync();
            await Expect(page.GetByTestId("waiting-prospects")).ToHaveTextAsync("0");
        });

    [Fact]
    public Task Interviewer_SubmitsScorecard() =>
        browser.RunAsync("interviewer-scorecard", async page =>
        {
            var jobId = await _app.CreateJobWithCandidatesAsync("Frontend Engineer", ("Ivy", "Interviewee", "Phone screen"));
            await page.SignInAsync(_app.BaseUrl, "interviewer@contoso.test");
            await page.GetByRole(AriaRole.Link, new() { Name = "Jobs", Exact = true }).ClickAsync();
            await page.GetByRole(AriaRole.Link, new() { Name = "Frontend Engineer" }).ClickAsync();
            await page.GetByRole(AriaRole.Link, new() { Name = "Pipeline" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Move Ivy Interviewee" })).ToHaveCountAsync(0);
            await page.GetByRole(AriaRole.Link, new() { Name = "Ivy Interviewee" }).ClickAsync();
            await page.GetByRole(AriaRole.Link, new() { Name = "Submit scorecard" }).ClickAsync();

            await page.GetByLabel("Interview type").SelectOptionAsync(new SelectOptionValue { Label = "Phone screen" });
            await page.GetByRole(AriaRole.Button, new() { Name = "Submit scorecard" }).ClickAsync();
            await Expect(page.GetByText("Choose an overall recommendation.")).ToBeVisibleAsync();

            foreach (var attribute in new[] { "Technical skills", "Problem solving", "Communication", "Collaboration", "Motivation" })
            {
                await page.GetByLabel(attribute + " 3").CheckAsync();
            }
            await page.GetByLabel("Overall recommendation").SelectOptionAsync(new SelectOptionValue { Label = "Yes" });
            await page.GetByLabel("Comments").FillAsync("Solid fundamentals, explains trade-offs well.");
            await page.GetByRole(AriaRole.Button, new() { Name = "Submit scorecard" }).ClickAsync();

            await Expect(page.GetByTestId("status-message")).ToHaveTextAsync("Scorecard submitted.");
            await Expect(page.GetByTestId("feedback")).ToContainTextAsync("Solid fundamentals");
            await Expect(page.GetByTestId("feedback")).ToContainTextAsync("Indigo Interviewer");
            var ratings = await _app.WithDbAsync(db => db.Scorecards.SelectMany(s => s.Ratings).Select(r => r.Score).ToListAsync());
            Assert.Equal([3, 3, 3, 3, 3], ratings);
            Assert.True(jobId > 0);
        });

    [Fact]
    public Task Recruiter_MergesDuplicateCandidates() =>
        browser.RunAsync("recruiter-merge", async page =>
        {
            await _app.CreateJobWithCandidatesAsync("Site Reliability Engineer", ("Ada", "Lovelace", "Phone screen"));
            await page.SignInAsync(_app.BaseUrl, "recruiter@contoso.test");
            await page.GotoAsync(_app.BaseUrl + "/Candidates/Create");
            await page.GetByLabel("First name").FillAsync("Ada");
            await page.GetByLabel("Last name").FillAsync("King");
            await page.GetByLabel("Emails").FillAsync("ada.lovelace@example.com\nada.king@example.com");
            await page.GetByRole(AriaRole.Button, new() { Name = "Add candidate" }).ClickAsync();

            var warning = page.GetByTestId("duplicate-warning");
            await Expect(warning).ToContainTextAsync("Ada Lovelace");
            await page.GetByRole(AriaRole.Button, new() { Name = "Create anyway" }).ClickAsync();
            await Expect(page.GetByTestId("candidate-name")).ToHaveTextAsync("Ada King");

            await page.GetByRole(AriaRole.Link, new() { Name = "Merge duplicate…" }).ClickAsync();
            await page.GetByLabel(new Regex("^Ada Lovelace")).CheckAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Merge selected into Ada King" }).ClickAsync();

            await Expect(page.GetByTestId("status-message")).ToContainTextAsync("Merged candidate");
            await page.GetByRole(AriaRole.Link, new() { Name = "Applications" }).ClickAsync();
            await Expect(page.GetByTestId("current-stage")).ToHaveTextAsync("Phone screen");
            await page.GetByRole(AriaRole.Link, new() { Name = "Activity" }).ClickAsync();
            await Expect(page.GetByTestId("activity")).ToContainTextAsync("Merged Ada Lovelace");
            await page.GotoAsync(_app.BaseUrl + "/Candidates?q=ada");
            await Expect(page.GetByTestId("candidates").Locator("tbody tr")).ToHaveCountAsync(1);
        });
}
