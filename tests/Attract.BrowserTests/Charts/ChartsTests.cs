using System.Text.Json;
using Attract.BrowserTests.Infrastructure;
using Attract.Core.Common;
using Attract.Core.Feedback;
using Attract.Core.LinkedIn;
using Attract.Core.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Attract.BrowserTests.Charts;

/// <summary>
/// The three charts in a real browser over real data: Chart.js (served by Attract) draws each canvas with the same figures
/// as the table beside it, under the Content-Security-Policy, without a console error.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ChartsTests(BrowserFixture browser) : IDisposable
{
    private readonly KestrelAttractFactory _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public Task JobPage_StageMoves_FunnelDrawnFromTheFigures() =>
        browser.RunAsync("chart-funnel", async page =>
        {
            var errors = WatchErrors(page);
            var jobId = await _app.CreateJobWithCandidatesAsync("Chart Engineer",
                ("Pia", "Prospect", "Prospect"), ("Abe", "Applied", "Prospect"), ("Sam", "Screened", "Applied"), ("Oli", "Onsite", "Applied"));
            await MoveAsync(jobId, "Applied", "Abe");
            await MoveAsync(jobId, "Phone screen", "Sam", "Oli");
            await MoveAsync(jobId, "Onsite interview", "Oli");
            await page.SignInAsync(_app.BaseUrl, "recruiter@contoso.test");

            await page.GotoAsync($"{_app.BaseUrl}/Jobs/Details/{jobId}");

            var table = await AssertDrawnAsync(page, "funnel");
            Assert.Equal(["2", "3", "2", "1", "0", "0"], table.Select(r => r[1]));
            Assert.Equal(["–", "50.0%", "66.7%", "50.0%", "0.0%", "–"], table.Select(r => r[2]));
            Assert.Empty(errors);
            await BrowserFixture.SaveScreenshotAsync(page, "walkthrough-60-job-funnel");
        });

    [Fact]
    public Task SyncStatusPage_LastHour_ChartsDrawnFromTheFigures() =>
        browser.RunAsync("chart-sync", async page =>
        {
            var errors = WatchErrors(page);
            var minute = LinkedInUsage.MinuteOf(DateTime.UtcNow);
            await _app.WithDbAsync(async db =>
            {
                db.Add(new LinkedInUsage { MinuteUtc = minute.AddMinutes(-3), Requests = 2, Records = 40 });
                db.Add(new LinkedInSyncError { EntityType = TrackedTypes.Candidate, EntityId = 1, Message = "Refused", OccurredAtUtc = minute.AddMinutes(-3), Attempts = 1 });
                db.OutboxMessages.Add(new OutboxMessage { EntityType = TrackedTypes.Candidate, EntityId = 1, OccurredAtUtc = minute.AddMinutes(-90) });
                return await db.SaveChangesAsync();
            });
            await page.SignInAsync(_app.BaseUrl, "admin@contoso.test");

            await page.GotoAsync(_app.BaseUrl + "/Admin/LinkedIn/Sync");

            var records = await AssertDrawnAsync(page, "sync-records");
            Assert.Equal(60, records.Count);
            Assert.Contains(records, r => r[1] == "40" && r[2] == "1");
            var backlog = await AssertDrawnAsync(page, "sync-backlog");
            Assert.Equal(await page.GetByTestId("backlog").TextContentAsync(), backlog[^1][1]);
            Assert.Empty(errors);
            await BrowserFixture.SaveScreenshotAsync(page, "walkthrough-61-sync-charts");
        });

    [Fact]
    public Task HomePage_Interviewer_OpenWorkDrawnFromTheFigures() =>
        browser.RunAsync("chart-open-work", async page =>
        {
            var errors = WatchErrors(page);
            var jobId = await _app.CreateJobWithCandidatesAsync("Chart Analyst", ("Ida", "Due", "Applied"), ("Ivo", "Due", "Phone screen"), ("Ina", "Scored", "Phone screen"));
            await _app.WithDbAsync(async db =>
            {
                var application = await db.Applications.SingleAsync(a => a.JobId == jobId && a.Candidate!.FirstName == "Ina");
                var interviewer = await db.Users.Where(u => u.Email == "interviewer@contoso.test").Select(u => u.Id).SingleAsync();
                db.Scorecards.Add(Scorecard.Submit(application, new FixedActor(interviewer, "Ivy Interviewer"), InterviewType.PhoneScreen,
                    new Dictionary<string, int> { [Scorecard.DefaultAttributes[0]] = 3 }, Recommendation.Yes, "Clear thinker", DateTime.UtcNow));
                return await db.SaveChangesAsync();
            });
            await page.SignInAsync(_app.BaseUrl, "interviewer@contoso.test");

            await page.GotoAsync(_app.BaseUrl + "/");

            var table = await AssertDrawnAsync(page, "open-work");
            Assert.Equal([["Scorecards due from you", "2"]], table);
            await Expect(page.GetByTestId("scorecards-due")).ToHaveTextAsync("2");
            Assert.Empty(errors);
            await BrowserFixture.SaveScreenshotAsync(page, "walkthrough-62-home-open-work");
        });

    private Task MoveAsync(int jobId, string stage, params string[] firstNames) =>
        _app.WithDbAsync(async db =>
        {
            var job = await db.Jobs.Include(j => j.Stages).SingleAsync(j => j.Id == jobId);
            foreach (var application in await db.Applications.Include(a => a.Stage)
                .Where(a => a.JobId == jobId && firstNames.Contains(a.Candidate!.FirstName)).ToListAsync())
            {
                application.MoveTo(job.Stages.Single(s => s.Name == stage), FixedActor.System, DateTime.UtcNow);
            }
            return await db.SaveChangesAsync();
        });

    /// <summary>Console errors and uncaught exceptions of the page.</summary>
    private static List<string> WatchErrors(IPage page)
    {
        var errors = new List<string>();
        page.Console += (_, m) =>
        {
            if (m.Type == "error")
            {
                errors.Add(m.Text);
            }
        };
        page.PageError += (_, e) => errors.Add(e);
        return errors;
    }

    /// <summary>
    /// Checks that Chart.js drew the chart: the canvas has a size, <c>Chart.getChart</c> finds its chart, and the chart's labels
    /// and plotted series equal the table's first column and the columns of the same names. Returns the table's rows.
    /// </summary>
    private static async Task<List<string[]>> AssertDrawnAsync(IPage page, string id)
    {
        var canvas = page.Locator($"#chart-{id}");
        await page.WaitForFunctionAsync("id => window.Chart && !!Chart.getChart(document.getElementById(id))", "chart-" + id);
        var box = await canvas.BoundingBoxAsync();
        Assert.True(box is { Width: > 0, Height: > 0 }, $"chart {id} has no size");
        var drawn = JsonDocument.Parse(await canvas.EvaluateAsync<string>("""
            c => { const chart = Chart.getChart(c);
                   return JSON.stringify({ labels: chart.data.labels, datasets: chart.data.datasets.map(d => ({ label: d.label, data: d.data })) }); }
            """)).RootElement;
        var figure = page.GetByTestId("chart-" + id);
        var headers = await figure.Locator("thead th").AllTextContentsAsync();
        var rows = new List<string[]>();
        foreach (var row in await figure.Locator("tbody tr").AllAsync())
        {
            rows.Add([.. (await row.Locator("th, td").AllTextContentsAsync()).Select(t => t.Trim())]);
        }
        Assert.Equal(rows.Select(r => r[0]), drawn.GetProperty("labels").EnumerateArray().Select(l => l.GetString()));
        var datasets = drawn.GetProperty("datasets").EnumerateArray().ToList();
        Assert.NotEmpty(datasets);
        foreach (var dataset in datasets)
        {
            var column = headers.Select(h => h.Trim()).ToList().IndexOf(dataset.GetProperty("label").GetString()!);
            Assert.True(column > 0, $"no table column for {dataset.GetProperty("label")}");
            Assert.Equal(rows.Select(r => r[column]), dataset.GetProperty("data").EnumerateArray().Select(v => v.GetDouble().ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }
        return rows;
    }
}
