using Attract.BrowserTests.Infrastructure;
using Attract.Core.Pipeline;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Attract.BrowserTests.Ats;

[Collection(BrowserCollection.Name)]
public sealed class ProspectReviewTests(BrowserFixture browser) : IDisposable
{
    private readonly KestrelAttractFactory _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public Task HiringManager_FiltersPagesAndBulkAdvancesWithTheKeyboard() =>
        browser.RunAsync("hiring-manager-prospects-bulk", async page =>
        {
            await _app.CreateJobWithCandidatesAsync("Data Engineer", ("Otto", "Other", "Prospect"), ("Olga", "Other", "Prospect"));
            await _app.CreateJobWithCandidatesAsync("Platform Engineer",
                Enumerable.Range(1, 28).Select(i => ("Pat", $"Prospect{i:D2}", "Prospect")).ToArray());
            await page.SignInAsync(_app.BaseUrl, "hiring.manager@contoso.test");
            await page.GotoAsync(_app.BaseUrl + "/Prospects");
            await Expect(page.GetByTestId("prospect-count")).ToHaveTextAsync("30");

            await page.GetByLabel("Job", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "JOB-1002 Platform Engineer" });
            await page.GetByLabel("Sort", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Name" });
            await page.GetByRole(AriaRole.Button, new() { Name = "Apply filters" }).ClickAsync();
            await Expect(page.GetByTestId("prospect-count")).ToHaveTextAsync("28");
            await Expect(page.GetByTestId("prospect")).ToHaveCountAsync(25);
            await page.GetByRole(AriaRole.Link, new() { Name = "Next" }).ClickAsync();
            await Expect(page.GetByTestId("page")).ToHaveTextAsync("Page 2 of 2");
            await Expect(page.GetByTestId("prospect")).ToHaveCountAsync(3);

            // keyboard only: focus a row's checkbox, Space to select, then the button
            foreach (var name in new[] { "Pat Prospect26", "Pat Prospect28" })
            {
                await page.GetByLabel("Select " + name).FocusAsync();
                await page.Keyboard.PressAsync("Space");
            }
            await page.GetByRole(AriaRole.Button, new() { Name = "Advance selected" }).FocusAsync();
            await page.Keyboard.PressAsync("Enter");
            await Expect(page.GetByTestId("status-message")).ToHaveTextAsync("2 prospects advanced.");
            await Expect(page.GetByTestId("prospect-count")).ToHaveTextAsync("26");
            await Expect(page.GetByTestId("page")).ToHaveTextAsync("Page 2 of 2");
            await Expect(page.GetByTestId("prospect")).ToHaveCountAsync(1);
            await Expect(page.GetByTestId("prospects")).Not.ToContainTextAsync("Prospect26");
            await BrowserFixture.SaveScreenshotAsync(page, "walkthrough-65-prospect-review");

            await page.GetByLabel("Select all on this page").CheckAsync();
            await Expect(page.GetByLabel("Select Pat Prospect27")).ToBeCheckedAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Advance selected" }).ClickAsync();
            await Expect(page.GetByTestId("status-message")).ToHaveTextAsync("1 prospect advanced.");
            await Expect(page.GetByTestId("prospect-count")).ToHaveTextAsync("25");
            await Expect(page.GetByTestId("page")).ToHaveTextAsync("Page 1 of 1");

            var advanced = await _app.WithDbAsync(db => db.Applications
                .Where(a => a.Stage.Name == "Applied" && a.Status == ApplicationStatus.Active).Select(a => a.Candidate!.LastName).ToListAsync());
            Assert.Equal(["Prospect26", "Prospect27", "Prospect28"], advanced.Order());
        });
}
