using Attract.BrowserTests.Infrastructure;
using Attract.Core.Jobs;
using Attract.Core.LinkedIn;
using Attract.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Attract.BrowserTests.LinkedIn.Export;

/// <summary>
/// 1-Click Export end to end: Attract syncs its jobs to the simulator, LinkedIn's recruiter exports a member from the
/// simulator's Recruiter screens, Attract processes the signed push in the background and the result shows in Attract.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class LinkedInExportTests(BrowserFixture browser) : IDisposable
{
    private const string RecruiterSeat = "urn:li:seat:9002";
    private readonly KestrelAttractFactory _app = LinkedInScenario.CreateApp();

    public void Dispose() => _app.Dispose();

    /// <summary>Connected (company level), recruiter@contoso.test mapped to recruiter@linkedin.test's seat.</summary>
    private async Task ConnectAsync()
    {
        await LinkedInScenario.ConnectAsync(_app, contractLevel: false);
        await LinkRecruiterSeatAsync();
    }

    private Task<int> LinkRecruiterSeatAsync() =>
        _app.WithDbAsync(async db =>
        {
            var userId = await db.Users.Where(u => u.Email == "recruiter@contoso.test").Select(u => u.Id).SingleAsync();
            db.Add(new LinkedInUserLink
            {
                UserId = userId,
                PersonUrn = "urn:li:person:rC7kLm",
                LinkedInName = "Riley Recruiter",
                SeatUrn = RecruiterSeat,
                ContractUrn = LinkedInScenario.GlobalContract,
                ConnectedAtUtc = DateTime.UtcNow,
            });
            return await db.SaveChangesAsync();
        });

    private async Task<(int Id, string Code)> CreateJobAsync(string title, Action<Job>? change = null)
    {
        var id = await _app.CreateJobWithCandidatesAsync(title);
        var code = await _app.WithDbAsync(async db =>
        {
            var job = await db.Jobs.Include(j => j.Stages).Include(j => j.Team).SingleAsync(j => j.Id == id);
            change?.Invoke(job);
            await db.SaveChangesAsync();
            return job.Code;
        });
        await WaitForJobSyncAsync(id);
        return (id, code);
    }

    /// <summary>Polls until every outbox row of the job was sent to LinkedIn (the sync runs in the background).</summary>
    private Task WaitForJobSyncAsync(int jobId) =>
        Eventually.TrueAsync(async () => !await _app.WithDbAsync(db => db.OutboxMessages.AnyAsync(m => m.EntityType == "Job" && m.EntityId == jobId && m.ProcessedAtUtc == null)),
            $"job {jobId} to be synced to LinkedIn", TimeSpan.FromSeconds(20), TimeSpan.FromMilliseconds(250));

    /// <summary>In the simulator: sign in as LinkedIn's recruiter, find the member, search the job and export.</summary>
    private async Task ExportFromLinkedInAsync(IPage page, string member, string jobQuery, string jobCode, string? screenshot = null)
    {
        var sim = _app.SimulatorUrl();
        if (!page.Url.StartsWith(sim, StringComparison.Ordinal) || await page.Locator("#member-name").CountAsync() == 0 && await page.Locator("#q").CountAsync() == 0)
        {
            await page.GotoAsync(sim + "/recruiter/search");
        }
        if (await page.Locator("#email").CountAsync() > 0)
        {
            await page.Locator("#email").FillAsync("recruiter@linkedin.test");
            await page.Locator("#password").FillAsync("Passw0rd!");
            await page.Locator("#sign-in").ClickAsync();
        }
        await page.GotoAsync(sim + "/recruiter/search");
        await page.Locator("#q").FillAsync(member);
        await page.Locator("#search").ClickAsync();
        await page.Locator("a.member-link", new() { HasText = member }).First.ClickAsync();
        await Expect(page.Locator("#member-name")).ToHaveTextAsync(member);
        await page.Locator("#jobq").FillAsync(jobQuery);
        await page.Locator("#job-search-button").ClickAsync();
        await page.Locator($"[id='job-{jobCode}']").CheckAsync();
        if (screenshot is not null)
        {
            await BrowserFixture.SaveScreenshotAsync(page, screenshot);
        }
        await page.Locator("#export-button").ClickAsync();
        await Expect(page.Locator("#message")).ToContainTextAsync($"Exported {member} to {jobCode}");
    }

    /// <summary>Reloads the page until <paramref name="locator"/> is visible (the export is processed asynchronously), ≤ 20 s.</summary>
    private static Task ReloadUntilVisibleAsync(IPage page, ILocator locator) =>
        Eventually.TrueAsync(() => ReloadUnlessAsync(page, () => locator.IsVisibleAsync()), "the export to show up in Attract", TimeSpan.FromSeconds(20), TimeSpan.FromMilliseconds(500));

    /// <summary>True when <paramref name="shown"/> holds; otherwise reloads the page (for the next poll) and returns false.</summary>
    private static async Task<bool> ReloadUnlessAsync(IPage page, Func<Task<bool>> shown)
    {
        if (await shown())
        {
            return true;
        }
        await page.ReloadAsync();
        return false;
    }

    [Fact]
    public Task Recruiter_ExportsFromLinkedIn_CandidateLandsInProspect() =>
        browser.RunAsync("export-recruiter", async page =>
        {
            await ConnectAsync();
            var (jobId, code) = await CreateJobAsync("Staff Platform Engineer");

            await ExportFromLinkedInAsync(page, "Casey Colleague", code, code, "walkthrough-40-export-pick-job");
            await BrowserFixture.SaveScreenshotAsync(page, "walkthrough-41-export-done-in-linkedin");

            await page.SignInAsync(_app.BaseUrl, "recruiter@contoso.test");
            await page.GotoAsync($"{_app.BaseUrl}/Jobs/Pipeline/{jobId}");
            var prospect = page.GetByTestId("column-Prospect").GetByTestId("card").Filter(new() { HasText = "Casey Colleague" });
            await ReloadUntilVisibleAsync(page, prospect);
            await BrowserFixture.SaveScreenshotAsync(page, "walkthrough-42-export-prospect-column");

            var candidateId = await _app.WithDbAsync(db => db.Candidates.Where(c => c.LastName == "Colleague").Select(c => c.Id).SingleAsync());
            await page.GotoAsync($"{_app.BaseUrl}/Candidates/Details/{candidateId}");
            await Expect(page.GetByTestId("candidate-name")).ToHaveTextAsync("Casey Colleague");
            await Expect(page.GetByTestId("source")).ToHaveTextAsync("LinkedIn Recruiter (1-click export)");
            await BrowserFixture.SaveScreenshotAsync(page, "walkthrough-43-export-candidate");
        });

    [Fact]
    public Task LinkedInAdminTurnsOnOnlyContractLevel_RecruiterExports_CandidateLandsInProspect() =>
        browser.RunAsync("export-contract-level-only", async page =>
        {
            await LinkedInScenario.PartnerReadyAsync(_app);
            await LinkRecruiterSeatAsync();
            var sim = _app.SimulatorUrl();

            // LinkedIn's admin turns on Contract-level access only; Company-level access reads as included
            await page.GotoAsync(sim + "/recruiter/admin/ats");
            await page.Locator("#email").FillAsync("admin@linkedin.test");
            await page.Locator("#password").FillAsync("Passw0rd!");
            await page.Locator("#sign-in").ClickAsync();
            await page.Locator("button[id^='toggle-contract-7001-']").ClickAsync();
            await Expect(page.Locator("td[id^='state-contract-7001-']")).ToHaveTextAsync("Enabled");
            await Expect(page.Locator("td[id^='state-company-']")).ToHaveTextAsync("Included in Contract-level access");
            await BrowserFixture.SaveScreenshotAsync(page, "walkthrough-07b-linkedin-admin-contract-only");
            await page.GotoAsync(sim + "/logout");
            await LinkedInScenario.WaitForAsync(_app, c => c.ContractLevelEnabled);

            // Attract's integration tab lists every feature that is on
            await page.SignInAsync(_app.BaseUrl, "admin@contoso.test");
            await page.GotoAsync(_app.BaseUrl + "/Admin/LinkedIn");
            await Expect(page.GetByTestId("access-level")).ToContainTextAsync("Contract-level access");
            await Expect(page.GetByTestId("contract-level")).ToHaveTextAsync("On");
            foreach (var feature in new[] { "1-Click Export", "In-ATS indicator", "profile widget", "InMail history", "notes history", "Stub profiles" })
            {
                await Expect(page.GetByTestId("capabilities")).ToContainTextAsync(feature);
            }
            await BrowserFixture.SaveScreenshotAsync(page, "walkthrough-08b-contract-level-only");

            // 1-Click Export works
            var (jobId, code) = await CreateJobAsync("Site Reliability Engineer");
            await ExportFromLinkedInAsync(page, "Casey Colleague", code, code);
            await page.SignInAsync(_app.BaseUrl, "recruiter@contoso.test");
            await page.GotoAsync($"{_app.BaseUrl}/Jobs/Pipeline/{jobId}");
            await ReloadUntilVisibleAsync(page, page.GetByTestId("column-Prospect").GetByTestId("card").Filter(new() { HasText = "Casey Colleague" }));
        });

    [Fact]
    public Task Export_RefusedWhenJobHasNoProspectStageOrUserNotOnJob() =>
        browser.RunAsync("export-refused", async page =>
        {
            await ConnectAsync();
            var (_, noProspect) = await CreateJobAsync("Data Engineer", job => job.RemoveStage(job.Stages.Single(s => s.IsProspect).Id, 0));
            var (_, notOnTeam) = await CreateJobAsync("Security Engineer", job =>
                job.RemoveTeamMember(job.Team.Single(t => t.Role == TeamRole.Recruiter).UserId, TeamRole.Recruiter));

            await ExportFromLinkedInAsync(page, "Casey Colleague", "Data Engineer", noProspect);
            await ExportFromLinkedInAsync(page, "Jordan Sourcer", notOnTeam, notOnTeam);

            await page.SignInAsync(_app.BaseUrl, "admin@contoso.test");
            await page.GotoAsync(_app.BaseUrl + "/Admin/LinkedIn");
            await page.GetByRole(AriaRole.Link, new() { Name = "LinkedIn exports" }).ClickAsync();
            var refused = page.GetByTestId("export-row").Filter(new() { HasText = "Refused" });
            await Eventually.TrueAsync(() => ReloadUnlessAsync(page, async () => await refused.CountAsync() >= 2), "both refusals to show",
                TimeSpan.FromSeconds(20), TimeSpan.FromMilliseconds(500));
            await Expect(refused).ToHaveCountAsync(2);
            await Expect(refused.Filter(new() { HasText = noProspect })).ToContainTextAsync($"Job {noProspect} has no Prospect stage");
            await Expect(refused.Filter(new() { HasText = notOnTeam })).ToContainTextAsync("Riley Recruiter is not a recruiter or hiring manager");
            await BrowserFixture.SaveScreenshotAsync(page, "walkthrough-44-export-refusals");
            Assert.Equal(0, await _app.WithDbAsync(db => db.Candidates.CountAsync(c => c.LastName == "Colleague" || c.LastName == "Sourcer")));
        });

    [Fact]
    public Task HiringManager_ReviewsExportedProspect() =>
        browser.RunAsync("export-hiring-manager", async page =>
        {
            await ConnectAsync();
            var (_, code) = await CreateJobAsync("Mobile Engineer");

            await ExportFromLinkedInAsync(page, "Jordan Sourcer", "Mobile Engineer", code);

            await page.SignInAsync(_app.BaseUrl, "hiring.manager@contoso.test");
            await ReloadUntilVisibleAsync(page, page.GetByTestId("home-linkedin-exports"));
            await Expect(page.GetByTestId("home-linkedin-exports")).ToContainTextAsync("Jordan Sourcer");
            await BrowserFixture.SaveScreenshotAsync(page, "walkthrough-45-export-home-notice");
            await page.GetByRole(AriaRole.Link, new() { Name = "Review prospects" }).ClickAsync();
            await Expect(page.GetByTestId("prospect").Filter(new() { HasText = "Jordan Sourcer" })).ToBeVisibleAsync();
            await page.GetByLabel("Select Jordan Sourcer").CheckAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Advance selected" }).ClickAsync();
            await Expect(page.GetByTestId("status-message")).ToHaveTextAsync("1 prospect advanced.");
            Assert.Equal("Applied", await _app.WithDbAsync(db => db.Applications
                .Where(a => a.Candidate!.LastName == "Sourcer" && a.Job.Code == code).Select(a => a.Stage.Name).SingleAsync()));
            Assert.Equal(CandidateSourcesExport, await _app.WithDbAsync(db => db.Candidates.Where(c => c.LastName == "Sourcer").Select(c => c.Source).SingleAsync()));
        });

    private const string CandidateSourcesExport = "LinkedIn Recruiter (1-click export)";
}
