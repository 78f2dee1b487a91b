using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Attract.BrowserTests.Infrastructure;
using Attract.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Attract.BrowserTests.LinkedIn.Sync;

[Collection(BrowserCollection.Name)]
public sealed class InAtsIndicatorTests(BrowserFixture browser) : IDisposable
{
    private readonly KestrelAttractFactory _app = LinkedInScenario.CreateApp();

    public void Dispose() => _app.Dispose();

    [Fact]
    public Task InAtsIndicator_ShowsJobsStatusesFeedbackNotesInLinkedIn() =>
        browser.RunAsync("in-ats-indicator", async page =>
        {
            await LinkedInScenario.ConnectAsync(_app, contractLevel: false);
            var simulator = _app.SimulatorUrl();
            using var http = new HttpClient();
            var member = JsonNode.Parse(await http.GetStringAsync(simulator + "/_sim/members?count=1"))!.AsArray()[0]!;
            var (memberId, first, last, email) = ((string)member["id"]!, (string)member["firstName"]!, (string)member["lastName"]!, (string)member["email"]!);
            var name = $"{first} {last}";
            await _app.CreateJobWithCandidatesAsync("Platform Engineer", (first, last, "Prospect"));
            var (candidateId, applicationId) = await _app.WithDbAsync(async db =>
            {
                var candidate = await db.Candidates.Include(c => c.Emails).Include(c => c.Applications).SingleAsync(c => c.FirstName == first && c.LastName == last);
                candidate.SetEmails([email]);
                await db.SaveChangesAsync();
                return (candidate.Id, candidate.Applications.Single().Id);
            });

            await MoveAndAddNoteAsync(page, name, candidateId);
            await SubmitScorecardAsync(page, applicationId);
            await ExpectInAtsSectionAsync(page, simulator, memberId);

            // Attract: the admin's sync status page.
            await page.Context.ClearCookiesAsync();
            await page.SignInAsync(_app.BaseUrl, "admin@contoso.test");
            await page.GotoAsync(_app.BaseUrl + "/Admin");
            await page.GetByTestId("linkedin-sync-link").ClickAsync();
            await Expect(page.GetByTestId("backlog")).ToHaveTextAsync("0");
            // the backfill is queued by a background job once company-level access is on: reload until the page shows it
            var progress = page.GetByTestId("backfill-progress");
            await Eventually.TrueAsync(async () =>
            {
                if (await progress.IsVisibleAsync())
                {
                    return true;
                }
                await page.ReloadAsync();
                return false;
            }, "the sync page to show the backfill's progress", TimeSpan.FromSeconds(30), TimeSpan.FromMilliseconds(250));
            await Expect(progress).ToBeVisibleAsync();
            await Expect(page.GetByTestId("requests-today")).Not.ToHaveTextAsync("0"); // every call to LinkedIn above was counted
            await BrowserFixture.SaveScreenshotAsync(page, "walkthrough-43-sync-status");
        });

    /// <summary>Attract: the recruiter moves the application beyond Prospect and adds a note.</summary>
    private async Task MoveAndAddNoteAsync(IPage page, string name, int candidateId)
    {
        await page.SignInAsync(_app.BaseUrl, "recruiter@contoso.test");
        await page.GetByRole(AriaRole.Link, new() { Name = "Jobs", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Platform Engineer" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Pipeline" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Move " + name }).ClickAsync();
        await Expect(page.GetByTestId("column-Applied")).ToContainTextAsync(name);
        await page.GetByRole(AriaRole.Button, new() { Name = "Move " + name }).ClickAsync();
        await Expect(page.GetByTestId("column-Phone screen")).ToContainTextAsync(name);
        await page.GotoAsync($"{_app.BaseUrl}/Candidates/Details/{candidateId}?tab=notes");
        await page.Locator("textarea[name=NoteBody]").FillAsync("Great systems design answers; fast-track to onsite.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add note" }).ClickAsync();
        await Expect(page.GetByText("Note added.")).ToBeVisibleAsync();
    }

    /// <summary>Attract: the interviewer submits a scorecard.</summary>
    private async Task SubmitScorecardAsync(IPage page, int applicationId)
    {
        await page.Context.ClearCookiesAsync();
        await page.SignInAsync(_app.BaseUrl, "interviewer@contoso.test");
        await page.GotoAsync($"{_app.BaseUrl}/Feedback/Create/{applicationId}");
        await page.GetByLabel("Interview type").SelectOptionAsync(new SelectOptionValue { Label = "Phone screen" });
        foreach (var attribute in new[] { "Technical skills", "Problem solving", "Communication", "Collaboration", "Motivation" })
        {
            await page.GetByLabel(attribute + " 4").CheckAsync();
        }
        await page.GetByLabel("Overall recommendation").SelectOptionAsync(new SelectOptionValue { Label = "Strong yes" });
        await page.GetByLabel("Comments").FillAsync("Excellent distributed-systems depth.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Submit scorecard" }).ClickAsync();
        await Expect(page.GetByTestId("status-message")).ToHaveTextAsync("Scorecard submitted.");
    }

    /// <summary>LinkedIn: a Recruiter seat holder opens the matched member's profile; the In-ATS section shows it all.</summary>
    private static async Task ExpectInAtsSectionAsync(IPage page, string simulator, string memberId)
    {
        await page.Context.ClearCookiesAsync();
        await page.GotoAsync(simulator + "/login?returnUrl=%2Frecruiter%2Fsearch");
        await page.FillAsync("#email", "recruiter@linkedin.test");
        await page.FillAsync("#password", "Passw0rd!");
        await page.ClickAsync("#sign-in");
        await Expect(page).ToHaveURLAsync(new Regex("/recruiter/search"));
        var profile = $"{simulator}/recruiter/profile/{Uri.EscapeDataString(memberId)}";
        await Eventually.TrueAsync(async () =>
        {
            await page.GotoAsync(profile);
            var inAts = page.Locator("#in-ats");
            return await inAts.CountAsync() == 1
                && (await inAts.InnerTextAsync()).Contains("Phone screen", StringComparison.Ordinal)
                && await page.Locator("#pane-feedback .feedback").CountAsync() == 1
                && await page.Locator("#pane-notes .ats-note").CountAsync() == 1;
        }, "the In-ATS section to show the synced data", TimeSpan.FromSeconds(30), TimeSpan.FromMilliseconds(500));
        await Expect(page.Locator("#pane-jobs .application")).ToContainTextAsync("Platform Engineer");
        await Expect(page.Locator("#pane-jobs .latest-stage")).ToHaveTextAsync("Phone screen");
        await Expect(page.Locator("#pane-jobs .stage-history li")).ToHaveCountAsync(3);
        await page.Locator("#in-ats").ScrollIntoViewIfNeededAsync();
        await BrowserFixture.SaveScreenshotAsync(page, "walkthrough-40-in-ats-jobs");
        await page.ClickAsync("#tab-feedback");
        await Expect(page.Locator("#pane-feedback")).ToContainTextAsync("Excellent distributed-systems depth.");
        await Expect(page.Locator("#pane-feedback")).ToContainTextAsync("PHONE_SCREEN");
        await BrowserFixture.SaveScreenshotAsync(page, "walkthrough-41-in-ats-feedback");
        await page.ClickAsync("#tab-notes");
        await Expect(page.Locator("#pane-notes")).ToContainTextAsync("fast-track to onsite");
        await BrowserFixture.SaveScreenshotAsync(page, "walkthrough-42-in-ats-notes");
    }
}
