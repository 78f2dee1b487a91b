using Attract.BrowserTests.Infrastructure;
using Attract.Core.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Attract.BrowserTests.Ats;

[Collection(BrowserCollection.Name)]
public sealed class PipelineBoardTests(BrowserFixture browser) : IDisposable
{
    private readonly KestrelAttractFactory _app = new();

    public void Dispose() => _app.Dispose();

    private static ILocator Column(IPage page, string stage) => page.GetByTestId("column-" + stage);

    private static ILocator Card(IPage page, string stage, string name) =>
        Column(page, stage).GetByTestId("card").Filter(new() { HasText = name });

    [Fact]
    public Task Recruiter_DragsCardToAnotherStage_CardAndCountsMoveWithoutReload_RefusalShownInAlert() =>
        browser.RunAsync("walkthrough-64-pipeline-drag", async page =>
        {
            var jobId = await _app.CreateJobWithCandidatesAsync("Board Engineer", ("Dana", "Dragged", "Applied"), ("Eli", "Else", "Applied"));
            await page.SignInAsync(_app.BaseUrl, "recruiter@contoso.test");
            await page.GotoAsync($"{_app.BaseUrl}/Jobs/Pipeline/{jobId}");
            await page.EvaluateAsync("() => { window.boardNotReloaded = true; }");

            // a real mouse drag, grabbed by the card's corner (its middle holds the Move form)
            await Card(page, "Applied", "Dana Dragged").DragToAsync(Column(page, "Onsite interview"), new() { SourcePosition = new() { X = 4, Y = 4 } });

            await Expect(Card(page, "Onsite interview", "Dana Dragged")).ToBeVisibleAsync();
            await Expect(Column(page, "Onsite interview").GetByTestId("count")).ToHaveTextAsync("1");
            await Expect(Column(page, "Applied").GetByTestId("count")).ToHaveTextAsync("1");
            await Expect(page.GetByTestId("stage-summary")).ToContainTextAsync("Onsite interview: 1 active");
            await Expect(page.GetByLabel("Stage for Dana Dragged")).ToHaveValueAsync(await StageIdAsync(jobId, "Offer"));
            Assert.True(await page.EvaluateAsync<bool>("() => window.boardNotReloaded === true"));
            Assert.Equal("Onsite interview", await _app.WithDbAsync(db => db.Applications.Where(a => a.Candidate!.FirstName == "Dana").Select(a => a.Stage.Name).SingleAsync()));
            await BrowserFixture.SaveScreenshotAsync(page, "walkthrough-64-pipeline-drag");

            // someone rejects Eli meanwhile: the drag is refused by the same rule, and the board says why
            await _app.WithDbAsync(async db =>
            {
                var eli = await db.Applications.Include(a => a.Job).ThenInclude(j => j.Stages).Include(a => a.Stage).SingleAsync(a => a.Candidate!.FirstName == "Eli");
                eli.Reject("Skills mismatch", FixedActor.System, DateTime.UtcNow);
                return await db.SaveChangesAsync();
            });
            await Card(page, "Applied", "Eli Else").DragToAsync(Column(page, "Offer"), new() { SourcePosition = new() { X = 4, Y = 4 } });

            await Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("The application is rejected. Reopen it before moving it.");
            await Expect(Card(page, "Applied", "Eli Else")).ToBeVisibleAsync();
            await Expect(Column(page, "Offer").GetByTestId("count")).ToHaveTextAsync("0");
        });

    [Fact]
    public Task Recruiter_MovesCardByKeyboard_AndLoadsMoreCardsInPlace() =>
        browser.RunAsync("pipeline-keyboard", async page =>
        {
            var candidates = Enumerable.Range(1, 55).Select(i => ("Kim", $"Key{i:D2}", "Applied")).ToArray();
            var jobId = await _app.CreateJobWithCandidatesAsync("Keyboard Engineer", candidates);
            await page.SignInAsync(_app.BaseUrl, "recruiter@contoso.test");
            await page.GotoAsync($"{_app.BaseUrl}/Jobs/Pipeline/{jobId}");
            await Expect(Column(page, "Applied").GetByTestId("card")).ToHaveCountAsync(50);

            await page.GetByRole(AriaRole.Link, new() { Name = "More active cards in Applied" }).ClickAsync();
            await Expect(Column(page, "Applied").GetByTestId("card")).ToHaveCountAsync(55);
            await Expect(Column(page, "Applied").GetByTestId("more")).ToHaveCountAsync(0);

            // the 55th card, which came with "More": choose its stage and press Move with the keyboard
            var select = page.GetByLabel("Stage for Kim Key55");
            await select.FocusAsync();
            await select.SelectOptionAsync(new SelectOptionValue { Label = "Offer" });
            await page.Keyboard.PressAsync("Tab");
            await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Move Kim Key55" })).ToBeFocusedAsync();
            await page.Keyboard.PressAsync("Enter");

            await Expect(page.GetByTestId("status-message")).ToHaveTextAsync("Moved Kim Key55 to Offer.");
            await Expect(Card(page, "Offer", "Kim Key55")).ToBeVisibleAsync();
            await Expect(Column(page, "Offer").GetByTestId("count")).ToHaveTextAsync("1");
            await Expect(Column(page, "Applied").GetByTestId("count")).ToHaveTextAsync("54");
        });

    private Task<string> StageIdAsync(int jobId, string stage) =>
        _app.WithDbAsync(db => db.JobStages.Where(s => s.JobId == jobId && s.Name == stage).Select(s => s.Id.ToString()).SingleAsync());
}
