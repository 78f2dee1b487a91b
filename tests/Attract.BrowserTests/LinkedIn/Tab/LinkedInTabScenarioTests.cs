using System.Text.RegularExpressions;
using Attract.BrowserTests.Infrastructure;
using Attract.Core.LinkedIn;
using Attract.Core.Pools;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Attract.BrowserTests.LinkedIn.Tab;

[Collection(BrowserCollection.Name)]
public sealed class LinkedInTabScenarioTests(BrowserFixture browser) : IDisposable
{
    private readonly KestrelAttractFactory _app = LinkedInScenario.CreateApp();

    public void Dispose() => _app.Dispose();

    private string TabUrl(int candidateId) => $"{_app.BaseUrl}/Candidates/Details/{candidateId}?tab=linkedin";

    [Fact]
    public Task Recruiter_ViewsLinkedInTab_ConfirmsOrFindsCorrectPerson() =>
        browser.RunAsync("linkedin-tab-widget", async page =>
        {
            await LinkedInScenario.ConnectAsync(_app, contractLevel: false);
            var members = await _app.MembersAsync();
            var suggested = members[31]!;
            var correct = members[32]!;
            var first = suggested["firstName"]!.ToString();
            var last = suggested["lastName"]!.ToString();
            var candidateId = await _app.CreateCandidateAsync(first, last, suggested["email"]!.ToString());
            await _app.SyncCandidateAsync(candidateId, first, last, suggested["email"]!.ToString());

            await page.SignInToLinkedInAsync(_app, "recruiter@linkedin.test");
            await page.SignInAsync(_app.BaseUrl, "recruiter@contoso.test");
            await page.GotoAsync(TabUrl(candidateId));
            var widget = page.FrameLocator("iframe.IN-HcmWidget");
            await Expect(widget.Locator("#match-label")).ToHaveTextAsync("Suggested match");
            await Expect(widget.Locator("#matched-name")).ToHaveTextAsync($"{first} {last}");
            await BrowserFixture.SaveScreenshotAsync(page, "walkthrough-30-linkedin-tab-widget");

            await widget.Locator("#not-right-person").ClickAsync();
            await widget.Locator("#member-search").FillAsync($"{correct["firstName"]} {correct["lastName"]}");
            await widget.Locator("#member-search-button").ClickAsync();
            await widget.Locator($"a.pick[data-urn='{correct["urn"]}']").ClickAsync();
            await Expect(widget.Locator("#match-label")).ToHaveTextAsync("Selected");
            await widget.Locator("#link").ClickAsync();
            await Expect(page.GetByTestId("link-status")).ToHaveTextAsync($"Linked to {correct["urn"]}.");
            Assert.Equal(correct["urn"]!.ToString(), await _app.PersonUrnAsync(candidateId));
            await BrowserFixture.SaveScreenshotAsync(page, "walkthrough-31-linkedin-tab-linked");

            await page.ReloadAsync();
            await Expect(page.GetByTestId("person-urn")).ToHaveTextAsync(correct["urn"]!.ToString());
            await Expect(widget.Locator("#match-label")).ToHaveTextAsync("Linked");
            await widget.Locator("#unlink").ClickAsync();
            await Expect(page.GetByTestId("link-status")).ToHaveTextAsync("Unlinked.");
            Assert.Null(await _app.PersonUrnAsync(candidateId));
        });

    [Fact]
    public Task InMailAndNotesHistory_ShowOnLinkedInTab_OthersBodiesHidden() =>
        browser.RunAsync("linkedin-tab-history", async page =>
        {
            await LinkedInScenario.ConnectAsync(_app, contractLevel: true);
            await _app.MapUserAsync("recruiter@contoso.test", LinkedInTabData.RecruiterSeat, "urn:li:person:rC7kLm", "Riley Recruiter");
            await _app.MapUserAsync("hiring.manager@contoso.test", LinkedInTabData.HiringManagerSeat, "urn:li:person:hM4nPq", "Harper Manager");
            var member = (await _app.MembersAsync())[33]!;
            var memberId = member["id"]!.ToString();
            var candidateId = await _app.CreateCandidateAsync(member["firstName"]!.ToString(), member["lastName"]!.ToString(), null, member["urn"]!.ToString());
            // A colleague's InMail and note, made through the control endpoints.
            await _app.SimPostAsync("/_sim/inmails", new { seat = LinkedInTabData.HiringManagerSeat, memberId, subject = "Harper's pitch", body = "HARPER-PRIVATE-BODY salary details" });
            await _app.SimPostAsync("/_sim/notes", new { seat = LinkedInTabData.HiringManagerSeat, memberId, note = "Met at the meetup, strong on Kafka", visibility = "PUBLIC" });

            // The recruiter's own InMail and note, through LinkedIn Recruiter's profile screen.
            await page.SignInToLinkedInAsync(_app, "recruiter@linkedin.test");
            await page.GotoAsync($"{_app.SimulatorUrl()}/recruiter/profile/{memberId}");
            await page.Locator("#inmail-subject").FillAsync("Staff engineer role");
            await page.Locator("#inmail-body").FillAsync("Riley's own message about the staff role");
            await page.Locator("#send-inmail").ClickAsync();
            await page.Locator("#note-text").FillAsync("Prefers remote work");
            await page.Locator("#add-note").ClickAsync();
            await Expect(page.Locator("#note-list")).ToContainTextAsync("Prefers remote work");

            await page.SignInAsync(_app.BaseUrl, "admin@contoso.test");
            await page.GotoAsync(_app.BaseUrl + "/Admin/LinkedIn/Pulls");
            await page.GetByTestId("sync-now").ClickAsync();
            await Expect(page.GetByTestId("cursors")).ToContainTextAsync(LinkedInTabData.RecruiterSeat);
            await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();

            await page.SignInAsync(_app.BaseUrl, "recruiter@contoso.test");
            await page.GotoAsync(TabUrl(candidateId));
            var history = page.GetByTestId("inmail-history");
            await Expect(history).ToContainTextAsync("Riley's own message about the staff role");
            await Expect(history).ToContainTextAsync("Staff engineer role");
            await Expect(page.GetByTestId("colleague-inmails")).ToContainTextAsync("Harper Manager");
            await Expect(page.GetByTestId("notes-history")).ToContainTextAsync("Met at the meetup, strong on Kafka");
            await Expect(page.GetByTestId("notes-history")).ToContainTextAsync("Prefers remote work");
            var html = await page.ContentAsync();
            Assert.DoesNotContain("HARPER-PRIVATE-BODY", html, StringComparison.Ordinal);
            Assert.DoesNotContain("Harper's pitch", html, StringComparison.Ordinal);
            await BrowserFixture.SaveScreenshotAsync(page, "walkthrough-32-linkedin-tab-history");
        });

    [Fact]
    public Task StubProfile_LandsInLinkedInTalentPool() =>
        browser.RunAsync("linkedin-stub-profile", async page =>
        {
            await LinkedInScenario.ConnectAsync(_app, contractLevel: true);
            await _app.MapUserAsync("recruiter@contoso.test", LinkedInTabData.RecruiterSeat, "urn:li:person:rC7kLm", "Riley Recruiter");
            var member = (await _app.MembersAsync())[34]!;
            var name = $"{member["firstName"]} {member["lastName"]}";
            await _app.SimPostAsync("/_sim/inmails", new { seat = LinkedInTabData.RecruiterSeat, memberId = member["id"]!.ToString(), subject = "Join Contoso", body = "We'd love to talk." });

            // The member answers on LinkedIn's messaging screen: accept, share profile and email.
            await page.SignInToLinkedInAsync(_app, member["email"]!.ToString());
            await page.GotoAsync(_app.SimulatorUrl() + "/messaging");
            await page.Locator("a.conversation-link", new() { HasText = "Join Contoso" }).ClickAsync();
            await page.Locator("#share-profile").CheckAsync();
            await page.Locator("#share-email").CheckAsync();
            await BrowserFixture.SaveScreenshotAsync(page, "walkthrough-33-member-accepts-inmail");
            await page.Locator("#accept").ClickAsync();
            await Expect(page.Locator("#message")).ToBeVisibleAsync();

            await page.SignInAsync(_app.BaseUrl, "admin@contoso.test");
            await page.GotoAsync(_app.BaseUrl + "/Admin/LinkedIn/Pulls");
            await page.GetByTestId("sync-now").ClickAsync();
            await Expect(page.GetByTestId("status-message")).ToContainTextAsync(new Regex(@"\d+ stub profiles"));
            await BrowserFixture.SaveScreenshotAsync(page, "walkthrough-34-sync-now");

            await page.GotoAsync($"{_app.BaseUrl}/Pools/Details/{TalentPool.LinkedInPoolId}");
            await Expect(page.GetByText(name).First).ToBeVisibleAsync();
            var candidate = await _app.WithDbAsync(db => db.Candidates.Include(c => c.Emails).SingleAsync(c => c.LinkedInPersonUrn == member["urn"]!.ToString()));
            Assert.Equal("LinkedIn Recruiter (InMail)", candidate.Source);
            Assert.Contains(candidate.Emails, e => string.Equals(e.Address, member["email"]!.ToString(), StringComparison.OrdinalIgnoreCase));
        });

    [Fact]
    public Task CompanyLevel_HidesContractLevelFeatures() =>
        browser.RunAsync("linkedin-company-level", async page =>
        {
            await LinkedInScenario.ConnectAsync(_app, contractLevel: false);
            await _app.MapUserAsync("recruiter@contoso.test", LinkedInTabData.RecruiterSeat, "urn:li:person:rC7kLm", "Riley Recruiter");
            var member = (await _app.MembersAsync())[35]!;
            var candidateId = await _app.CreateCandidateAsync(member["firstName"]!.ToString(), member["lastName"]!.ToString(), null, member["urn"]!.ToString());
            // History pulled while contract-level access was still on stays in the database but must not be shown.
            await _app.WithDbAsync(async db =>
            {
                db.Add(new LinkedInInMail { ExternalId = "old-1", SeatUrn = LinkedInTabData.RecruiterSeat, ProspectUrn = member["urn"]!.ToString(), EventType = "INMAIL_SENT", Subject = "Old subject", Body = "OLD-BODY-FROM-CONTRACT-LEVEL", CreatedAtUtc = DateTime.UtcNow });
                return await db.SaveChangesAsync();
            });

            await page.SignInAsync(_app.BaseUrl, "recruiter@contoso.test");
            await page.GotoAsync(TabUrl(candidateId));
            await Expect(page.GetByTestId("linkedin-missing")).ToContainTextAsync("Contract-level access is not enabled by your LinkedIn admin");
            await Expect(page.GetByTestId("linkedin-widget")).ToBeVisibleAsync();
            await Expect(page.GetByTestId("inmail-history")).ToHaveCountAsync(0);
            await Expect(page.GetByTestId("notes-history")).ToHaveCountAsync(0);
            Assert.DoesNotContain("OLD-BODY-FROM-CONTRACT-LEVEL", await page.ContentAsync(), StringComparison.Ordinal);
            await BrowserFixture.SaveScreenshotAsync(page, "walkthrough-35-linkedin-tab-company-level");
        });
}
