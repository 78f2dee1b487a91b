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

            // a real mouse drag, grabbed by the card's corner (away from its link and its Move button)
            await Card(page, "Applied", "Dana Dragged").DragToAsync(Column(page, "Onsite interview"), new() { SourcePosition = new() { X = 4, Y = 4 } });

            await Expect(Card(page, "Onsite interview", "Dana Dragged")).ToBeVisibleAsync();
            await Expect(Column(page, "Onsite interview").GetByTestId("count")).ToHaveTextAsync("1");
            await Expect(Column(page, "Applied").GetByTestId("count")).ToHaveTextAsync("1");
            await Expect(page.GetByTestId("stage-summary")).ToContainTextAsync("Onsite interview: 1 active");
            // its Move button now submits the Onsite interview column's Move form, whose target is the next stage
            await Expect(Card(page, "Onsite interview", "Dana Dragged").GetByRole(AriaRole.Button, new() { Name = "Move Dana Dragged" }))
                .ToHaveAttributeAsync("form", "move-" + await StageIdAsync(jobId, "Onsite interview"));
            await Expect(Column(page, "Onsite interview").GetByLabel("Onsite interview: Move to")).ToHaveValueAsync(await StageIdAsync(jobId, "Offer"));
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
            const int size = Attract.Web.Pages.Jobs.PipelineBoard.PageSize;
            var last = $"Kim Key{size + 5:D2}";
            var candidates = Enumerable.Range(1, size + 5).Select(i => ("Kim", $"Key{i:D2}", "Applied")).ToArray();
            var jobId = await _app.CreateJobWithCandidatesAsync("Keyboard Engineer", candidates);
            await page.SignInAsync(_app.BaseUrl, "recruiter@contoso.test");
            await page.GotoAsync($"{_app.BaseUrl}/Jobs/Pipeline/{jobId}");
            await Expect(Column(page, "Applied").GetByTestId("card")).ToHaveCountAsync(size);

            await page.GetByRole(AriaRole.Link, new() { Name = "More active cards in Applied" }).ClickAsync();
            await Expect(Column(page, "Applied").GetByTestId("card")).ToHaveCountAsync(size + 5);
            await Expect(Column(page, "Applied").GetByTestId("more")).ToHaveCountAsync(0);

            // choose the column's target stage, then press Move on the last card (which came with "More") by keyboard
            var select = Column(page, "Applied").GetByLabel("Applied: Move to");
            await select.FocusAsync();
            await select.SelectOptionAsync(new SelectOptionValue { Label = "Offer" });
            await page.Keyboard.PressAsync("Tab");
            await Expect(Card(page, "Applied", "Kim Key01").GetByRole(AriaRole.Link)).ToBeFocusedAsync();
            var move = page.GetByRole(AriaRole.Button, new() { Name = "Move " + last });
            await move.FocusAsync();
            await page.Keyboard.PressAsync("Enter");

            await Expect(page.GetByTestId("status-message")).ToHaveTextAsync($"Moved {last} to Offer.");
            await Expect(Card(page, "Offer", last)).ToBeVisibleAsync();
            await Expect(Column(page, "Offer").GetByTestId("count")).ToHaveTextAsync("1");
            await Expect(Column(page, "Applied").GetByTestId("count")).ToHaveTextAsync($"{size + 4}");
        });

    private Task<string> StageIdAsync(int jobId, string stage) =>
        _app.WithDbAsync(db => db.JobStages.Where(s => s.JobId == jobId && s.Name == stage).Select(s => s.Id.ToString()).SingleAsync());
}
