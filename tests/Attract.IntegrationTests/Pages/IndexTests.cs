using Attract.Core.Data;
using Attract.IntegrationTests.Infrastructure;
using Attract.IntegrationTests.Pages.Reports;

namespace Attract.IntegrationTests.Pages;

/// <summary>
/// The home page's open-work chart: prospects waiting for the hiring manager, scorecards due from the interviewer, over a job
/// with prospects (one rejected), applications in interview stages (one with the interviewer's scorecard, one rejected) and a
/// hire; none for a role without such work.
/// </summary>
public abstract class IndexTests(DatabaseProvider provider) : IDisposable
{
    private static readonly DateTime At = new(2026, 3, 2, 10, 0, 0, DateTimeKind.Utc);
    private readonly AttractFactory _factory = new(provider);

    public void Dispose() => _factory.Dispose();

    private async Task<int> ApplicationAsync(int jobId, string stage, string last) =>
        await _factory.AddApplicationAsync(await _factory.CreateCandidateAsync("Open", last), jobId, stage);

    private async Task ArrangeAsync()
    {
        var jobId = await _factory.CreateJobAsync();
        await ApplicationAsync(jobId, "Prospect", "Waiting1");
        await ApplicationAsync(jobId, "Prospect", "Waiting2");
        await _factory.RejectAsync(await ApplicationAsync(jobId, "Prospect", "Turned"), At);
        await ApplicationAsync(jobId, "Applied", "Due1");
        await ApplicationAsync(jobId, "Phone screen", "Due2");
        await _factory.ScorecardAsync(await ApplicationAsync(jobId, "Onsite interview", "Scored"), At);
        await _factory.RejectAsync(await ApplicationAsync(jobId, "Phone screen", "Rejected"), At);
        await ApplicationAsync(jobId, "Hired", "Hired");
        var otherJob = await _factory.CreateJobAsync("Not my job", standardTeam: false);
        await ApplicationAsync(otherJob, "Prospect", "Elsewhere1");
        await ApplicationAsync(otherJob, "Applied", "Elsewhere2");
    }

    [Theory]
    [InlineData(AtsData.Manager, "Prospects waiting for your review", "2", "waiting-prospects")]
    [InlineData(AtsData.Interviewer, "Scorecards due from you", "2", "scorecards-due")]
    public async Task OnGet_OpenWork_ChartsTheCountsShownAsText(string user, string work, string count, string textId)
    {
        await ArrangeAsync();
        var client = await _factory.SignedInClientAsync(user);

        var page = await client.GetDocumentAsync("/");

        Assert.Equal([[work, count]], page.ChartRows("open-work"));
        var (labels, datasets) = page.ChartData("open-work");
        Assert.Equal([work], labels);
        Assert.Equal(new double?[] { double.Parse(count, System.Globalization.CultureInfo.InvariantCulture) }, Assert.Single(datasets).Data);
        Assert.Equal(count, page.QuerySelector($"[data-testid={textId}]")!.TextContent.Trim());
    }

    [Fact]
    public async Task OnGet_RecruiterWithoutReviewOrInterviews_ShowsNoChartAndLoadsNoChartScript()
    {
        await ArrangeAsync();
        var client = await _factory.SignedInClientAsync(AtsData.Recruiter);

        var page = await client.GetDocumentAsync("/");

        Assert.Null(page.QuerySelector("figure[data-testid=chart-open-work]"));
        Assert.DoesNotContain(page.Scripts, s => s.Source?.Contains("chart", StringComparison.Ordinal) == true);
    }
}

public sealed class IndexSqliteTests() : IndexTests(DatabaseProvider.Sqlite);

public sealed class IndexPostgreSqlTests() : IndexTests(DatabaseProvider.PostgreSql);
