using Attract.BrowserTests.Infrastructure;
using Attract.BrowserTests.LinkedIn.Tab;
using Attract.Core.LinkedIn;
using Attract.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Attract.BrowserTests.Reports;

/// <summary>
/// The LinkedIn sourcing report over data made the way it is made in production: InMails sent and answered on LinkedIn,
/// 1-Click Exports by two seats, the pull of the InMail history, a prospect advanced on Attract's prospect review, and
/// then the report's figures on screen and in the CSV download.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class LinkedInSourcingReportTests(BrowserFixture browser) : IDisposable
{
    private const string RileySeat = "urn:li:seat:9002";
    private const string HarperSeat = "urn:li:seat:9003";
    private readonly KestrelAttractFactory _app = LinkedInScenario.CreateApp();

    public void Dispose() => _app.Dispose();

    [Fact]
    public Task Report_ExportsInMailsAndAdvance_FiguresOnScreenAndInCsv() =>
        browser.RunAsync("linkedin-sourcing-report", async page =>
        {
            var connection = await LinkedInScenario.ConnectAsync(_app, contractLevel: true);
            await _app.MapUserAsync("recruiter@contoso.test", RileySeat, "urn:li:person:rC7kLm", "Riley Recruiter");
            await _app.MapUserAsync("hiring.manager@contoso.test", HarperSeat, "urn:li:person:hM4nPq", "Harper Manager");
            var jobId = await _app.CreateJobWithCandidatesAsync("Platform Reliability Engineer");
            var code = await _app.WithDbAsync(db => db.Jobs.Where(j => j.Id == jobId).Select(j => j.Code).SingleAsync());
            await Eventually.TrueAsync(async () => !await _app.WithDbAsync(db => db.OutboxMessages.AnyAsync(m => m.EntityType == "Job" && m.EntityId == jobId && m.ProcessedAtUtc == null)),
                $"job {jobId} to be synced to LinkedIn", TimeSpan.FromSeconds(20), TimeSpan.FromMilliseconds(250));
            var members = await _app.MembersAsync();
            var (accepted, replied, silent) = (members[40]!, members[41]!, members[42]!);

            // On LinkedIn: Riley InMails two members (one accepts, one writes back), Harper one (no answer); then the exports
            await _app.SimPostAsync("/_sim/inmails", new { seat = RileySeat, memberId = accepted["id"]!.ToString(), subject = "Platform role", respond = "accept" });
            await _app.SimPostAsync("/_sim/inmails", new { seat = RileySeat, memberId = replied["id"]!.ToString(), subject = "Platform role", respond = "reply", reply = "Tell me more" });
            await _app.SimPostAsync("/_sim/inmails", new { seat = HarperSeat, memberId = silent["id"]!.ToString(), subject = "Platform role" });
            foreach (var (member, seat) in new[] { (accepted, RileySeat), (replied, RileySeat), (silent, HarperSeat) })
            {
                await _app.SimPostAsync("/_sim/exports", new { clientId = connection.ChildClientId, memberId = member["id"]!.ToString(), seat, externalJobPostingId = code });
            }
            await Eventually.TrueAsync(async () => await _app.WithDbAsync(db => db.Set<LinkedInNotification>()
                    .CountAsync(n => n.JobCode == code && n.Status == LinkedInNotificationStatus.Processed)) == 3,
                "the three exports to be processed", TimeSpan.FromSeconds(30), TimeSpan.FromMilliseconds(250));

            // In Attract: the admin pulls the InMail history now, the recruiter advances one prospect
            await page.SignInAsync(_app.BaseUrl, "admin@contoso.test");
            await page.GotoAsync(_app.BaseUrl + "/Admin/LinkedIn/Pulls");
            await page.GetByTestId("sync-now").ClickAsync();
            await Expect(page.GetByTestId("cursors")).ToContainTextAsync(RileySeat);
            await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
            await page.SignInAsync(_app.BaseUrl, "recruiter@contoso.test");
            await page.GotoAsync(_app.BaseUrl + "/Prospects");
            await page.GetByLabel($"Select {accepted["firstName"]} {accepted["lastName"]}").CheckAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Advance selected" }).ClickAsync();
            await Expect(page.GetByTestId("status-message")).ToHaveTextAsync("1 prospect advanced.");

            await page.GetByRole(AriaRole.Link, new() { Name = "Reports" }).ClickAsync();
            var riley = page.Locator($"[data-testid=sourcing-row][data-job='{code}'][data-seat='{RileySeat}']");
            var harper = page.Locator($"[data-testid=sourcing-row][data-job='{code}'][data-seat='{HarperSeat}']");
            var totals = page.GetByTestId("totals");
            await Expect(riley.GetByTestId("recruiter")).ToHaveTextAsync("Riley Recruiter");
            await ExpectFiguresAsync(riley, "2", "1 (50.0%)", "0 (0.0%)", "0 (0.0%)", "2", "2", "1", "0.0");
            await Expect(harper.GetByTestId("recruiter")).ToHaveTextAsync("Harper Manager");
            await ExpectFiguresAsync(harper, "1", "0 (0.0%)", "0 (0.0%)", "0 (0.0%)", "1", "0", "0", "–");
            await ExpectFiguresAsync(totals, "3", "1 (33.3%)", "0 (0.0%)", "0 (0.0%)", "3", "2", "1", "0.0");
            await BrowserFixture.SaveScreenshotAsync(page, "walkthrough-50-linkedin-sourcing-report");

            var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("csv-link").ClickAsync());
            Assert.StartsWith("linkedin-sourcing-", download.SuggestedFilename, StringComparison.Ordinal);
            var csv = await File.ReadAllTextAsync((await download.PathAsync())!);
            var month = DateTime.UtcNow.ToString("yyyy-MM");
            Assert.Contains($"{month},{code},Platform Reliability Engineer,Riley Recruiter,{RileySeat},2,1,50.0,0,0.0,0,0.0,2,2,1,", csv, StringComparison.Ordinal);
            Assert.Contains($"{month},{code},Platform Reliability Engineer,Harper Manager,{HarperSeat},1,0,0.0,0,0.0,0,0.0,1,0,0,,", csv, StringComparison.Ordinal);
            Assert.Contains("Total,,,,,3,1,33.3,0,0.0,0,0.0,3,2,1,", csv, StringComparison.Ordinal);
        });

    private static async Task ExpectFiguresAsync(ILocator row, params string[] figures)
    {
        string[] cells = ["exports", "advanced", "interviewed", "hired", "inmail-sent", "inmail-replied", "inmail-accepted", "median-days"];
        for (var i = 0; i < cells.Length; i++)
        {
            await Expect(row.GetByTestId(cells[i])).ToHaveTextAsync(figures[i]);
        }
    }
}
