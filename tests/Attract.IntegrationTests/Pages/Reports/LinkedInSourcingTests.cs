using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using Attract.Core.Data;
using Attract.IntegrationTests.Infrastructure;
using Attract.Web.Pages.Reports;
using Microsoft.EntityFrameworkCore;
using static Attract.IntegrationTests.Pages.Reports.SourcingData;

namespace Attract.IntegrationTests.Pages.Reports;

/// <summary>
/// The LinkedIn sourcing report over a known data set: exports by two seats (Riley's 9002, Avery's 9001) in January and
/// February 2026 on two jobs, some advanced, interviewed (by stage or by scorecard), hired or rejected, with InMail events
/// in both directions, plus exports the report must leave out (a re-export of someone already in the pipeline, an export
/// on 1 March, an export on a job the recruiter is not on).
/// </summary>
public abstract partial class LinkedInSourcingTests(DatabaseProvider provider) : IDisposable
{
    private const string Period = "from=2026-01-01&to=2026-02-28";
    private const string HostileTitle = "=HYPERLINK(\"http://evil.test\"),\"x\"";
    private readonly AttractFactory _factory = new(provider);

    public void Dispose() => _factory.Dispose();

    private static DateTime At(int month, int day, int hour = 0) => new(2026, month, day, hour, 0, 0, DateTimeKind.Utc);

    private sealed record Codes(int JobA, string A, int JobB, string B, int JobC, string C);

    private async Task<Codes> ArrangeAsync()
    {
        var jobA = await _factory.CreateJobAsync("Backend Engineer");
        var jobB = await _factory.CreateJobAsync(HostileTitle);
        var jobC = await _factory.CreateJobAsync("Hidden Role", standardTeam: false);
        // January, job A, Riley's seat: four exports
        var e1 = await _factory.ExportAsync(jobA, AtsData.Recruiter, RileySeat, "urn:li:person:m1", At(1, 5, 10),
            ("Applied", At(1, 7, 10)), ("Phone screen", At(1, 10)), ("Onsite interview", At(1, 12)), ("Offer", At(1, 15)), ("Hired", At(1, 20)));
        var e2 = await _factory.ExportAsync(jobA, AtsData.Recruiter, RileySeat, "urn:li:person:m2", At(1, 6, 10), ("Applied", At(1, 6, 22)));
        await _factory.RejectAsync(e2, At(1, 8));
        await _factory.ExportAsync(jobA, AtsData.Recruiter, RileySeat, "urn:li:person:m3", At(1, 8));
        var e4 = await _factory.ExportAsync(jobA, AtsData.Recruiter, RileySeat, "urn:li:person:m4", At(1, 9), ("Applied", At(1, 15)));
        await _factory.ScorecardAsync(e4, At(1, 16));
        await _factory.InMailAsync(RileySeat, "urn:li:person:m1", LinkedInSourcingReport.InMailSent, fromSeat: true, At(1, 1));
        await _factory.InMailAsync(RileySeat, "urn:li:person:m1", LinkedInSourcingReport.InMailAccepted, fromSeat: false, At(1, 2));
        await _factory.InMailAsync(RileySeat, "urn:li:person:m2", LinkedInSourcingReport.InMailSent, fromSeat: true, At(1, 1));
        await _factory.InMailAsync(RileySeat, "urn:li:person:m2", LinkedInSourcingReport.InMailReply, fromSeat: false, At(1, 3));
        await _factory.InMailAsync(RileySeat, "urn:li:person:m3", LinkedInSourcingReport.InMailSent, fromSeat: true, At(1, 1));
        await _factory.InMailAsync(RileySeat, "urn:li:person:m3", LinkedInSourcingReport.InMailReply, fromSeat: true, At(1, 4)); // the seat's follow-up: no answer
        await _factory.InMailAsync(AverySeat, "urn:li:person:m3", LinkedInSourcingReport.InMailAccepted, fromSeat: false, At(1, 4)); // another seat's conversation
        // January, job A, Avery's seat: one export, InMail declined
        await _factory.ExportAsync(jobA, AtsData.Admin, AverySeat, "urn:li:person:m5", At(1, 20), ("Phone screen", At(1, 21)));
        await _factory.InMailAsync(AverySeat, "urn:li:person:m5", LinkedInSourcingReport.InMailSent, fromSeat: true, At(1, 18));
        await _factory.InMailAsync(AverySeat, "urn:li:person:m5", LinkedInSourcingReport.InMailDeclined, fromSeat: false, At(1, 19));
        // February: job A by Riley (last hour of the period), job B by Avery
        await _factory.ExportAsync(jobA, AtsData.Recruiter, RileySeat, "urn:li:person:m6", new DateTime(2026, 2, 28, 23, 30, 0, DateTimeKind.Utc));
        await _factory.ExportAsync(jobB, AtsData.Admin, AverySeat, "urn:li:person:m7", At(2, 10), ("Applied", At(2, 12, 12)));
        // left out: a re-export of someone added by hand, an export after the period, an export on a job Riley is not on
        var manual = await _factory.AddApplicationAsync(await _factory.CreateCandidateAsync("Manny", "Manual"), jobA, "Prospect");
        await _factory.AlreadyInPipelineExportAsync(manual, RileySeat, At(1, 25));
        await _factory.ExportAsync(jobA, AtsData.Recruiter, RileySeat, "urn:li:person:m8", At(3, 1), ("Applied", At(3, 2)));
        await _factory.ExportAsync(jobC, AtsData.Admin, AverySeat, "urn:li:person:m9", At(1, 15), ("Applied", At(1, 16)));
        var codes = await _factory.WithDbAsync(db => db.Jobs.OrderBy(j => j.Id).Select(j => j.Code).ToListAsync());
        return new Codes(jobA, codes[0], jobB, codes[1], jobC, codes[2]);
    }

    /// <summary>A row's cells from Exports to Mean days, whitespace collapsed.</summary>
    private static readonly string[] FigureCells =
        ["exports", "advanced", "interviewed", "hired", "inmail-sent", "inmail-replied", "inmail-accepted", "median-days", "mean-days"];

    private static string[] Figures(IElement row) =>
        FigureCells.Select(id => Spaces().Replace(row.QuerySelector($"[data-testid={id}]")!.TextContent, " ").Trim()).ToArray();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [Fact]
    public async Task OnGet_KnownExports_ShowsEveryFigurePerJobSeatAndMonth()
    {
        var codes = await ArrangeAsync();
        var client = await _factory.SignedInClientAsync(AtsData.Recruiter);

        var page = await client.GetDocumentAsync("/Reports/LinkedInSourcing?" + Period);

        var rows = page.QuerySelectorAll("[data-testid=sourcing-row]").ToList();
        Assert.Equal(
            [("2026-01", codes.A, AverySeat, "Avery Admin"), ("2026-01", codes.A, RileySeat, "Riley Recruiter"), ("2026-02", codes.A, RileySeat, "Riley Recruiter"), ("2026-02", codes.B, AverySeat, "Avery Admin")],
            rows.Select(r => (r.GetAttribute("data-month"), r.GetAttribute("data-job"), r.GetAttribute("data-seat"), r.QuerySelector("[data-testid=recruiter]")!.TextContent)));
        Assert.Equal(["1", "1 (100.0%)", "1 (100.0%)", "0 (0.0%)", "1", "1", "0", "1.0", "1.0"], Figures(rows[0]));
        Assert.Equal(["4", "3 (75.0%)", "2 (50.0%)", "1 (25.0%)", "3", "2", "1", "2.0", "2.8"], Figures(rows[1]));
        Assert.Equal(["1", "0 (0.0%)", "0 (0.0%)", "0 (0.0%)", "0", "0", "0", "–", "–"], Figures(rows[2]));
        Assert.Equal(["1", "1 (100.0%)", "0 (0.0%)", "0 (0.0%)", "0", "0", "0", "2.5", "2.5"], Figures(rows[3]));
        Assert.Equal(["7", "5 (71.4%)", "3 (42.9%)", "1 (14.3%)", "4", "3", "1", "2.0", "2.4"], Figures(page.QuerySelector("[data-testid=totals]")!));
        Assert.Contains(HostileTitle, rows[3].TextContent);
        Assert.DoesNotContain("Hidden Role", page.Body!.TextContent);
    }

    [Fact]
    public async Task OnGetCsv_KnownExports_WritesEveryFigureQuotedAndGuardedAgainstFormulas()
    {
        var codes = await ArrangeAsync();
        var client = await _factory.SignedInClientAsync(AtsData.Recruiter);
        var link = (await client.GetDocumentAsync("/Reports/LinkedInSourcing?" + Period)).QuerySelector("[data-testid=csv-link]")!.GetAttribute("href")!;

        var response = await client.GetAsync(link);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("linkedin-sourcing-2026-01-01-to-2026-02-28.csv", response.Content.Headers.ContentDisposition!.FileNameStar);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        Assert.Equal(
            "Month,Job,Job title,Recruiter,Seat,Exports,Advanced past Prospect,Advanced %,Interviewed,Interviewed %,Hired,Hired %,InMail sent,InMail replied,InMail accepted,Median days to first advance,Mean days to first advance\r\n"
            + $"2026-01,{codes.A},Backend Engineer,Avery Admin,{AverySeat},1,1,100.0,1,100.0,0,0.0,1,1,0,1.00,1.00\r\n"
            + $"2026-01,{codes.A},Backend Engineer,Riley Recruiter,{RileySeat},4,3,75.0,2,50.0,1,25.0,3,2,1,2.00,2.83\r\n"
            + $"2026-02,{codes.A},Backend Engineer,Riley Recruiter,{RileySeat},1,0,0.0,0,0.0,0,0.0,0,0,0,,\r\n"
            + $"2026-02,{codes.B},\"'=HYPERLINK(\"\"http://evil.test\"\"),\"\"x\"\"\",Avery Admin,{AverySeat},1,1,100.0,0,0.0,0,0.0,0,0,0,2.50,2.50\r\n"
            + "Total,,,,,7,5,71.4,3,42.9,1,14.3,4,3,1,2.00,2.40\r\n",
            System.Text.Encoding.UTF8.GetString(bytes[3..]));
    }

    [Fact]
    public async Task OnGet_Admin_SeesExportsOfEveryJob()
    {
        var codes = await ArrangeAsync();
        var client = await _factory.SignedInClientAsync(AtsData.Admin);

        var page = await client.GetDocumentAsync("/Reports/LinkedInSourcing?" + Period);

        var hidden = Assert.Single(page.QuerySelectorAll("[data-testid=sourcing-row]"), r => r.GetAttribute("data-job") == codes.C);
        Assert.Equal(["1", "1 (100.0%)", "0 (0.0%)", "0 (0.0%)", "0", "0", "0", "1.0", "1.0"], Figures(hidden));
        Assert.Equal("8", page.QuerySelector("[data-testid=totals] [data-testid=exports]")!.TextContent);
    }

    [Fact]
    public async Task OnGet_JobFilter_ShowsThatJobOnly()
    {
        var codes = await ArrangeAsync();
        var client = await _factory.SignedInClientAsync(AtsData.Recruiter);

        var page = await client.GetDocumentAsync($"/Reports/LinkedInSourcing?{Period}&jobId={codes.JobB}");
        var csv = await client.GetStringAsync($"/Reports/LinkedInSourcing?handler=Csv&{Period}&jobId={codes.JobB}");

        var row = Assert.Single(page.QuerySelectorAll("[data-testid=sourcing-row]"));
        Assert.Equal(codes.B, row.GetAttribute("data-job"));
        Assert.Equal(["1", "1 (100.0%)", "0 (0.0%)", "0 (0.0%)", "0", "0", "0", "2.5", "2.5"], Figures(page.QuerySelector("[data-testid=totals]")!));
        Assert.Equal(3, csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public async Task OnGet_NoFilter_DefaultsToTheLastTwelveMonths()
    {
        await ArrangeAsync();
        var client = await _factory.SignedInClientAsync(AtsData.Recruiter);

        var page = await client.GetDocumentAsync("/Reports/LinkedInSourcing");

        var to = DateOnly.FromDateTime(DateTime.UtcNow);
        Assert.Equal(to.ToString("yyyy-MM-dd"), page.QuerySelector("#to")!.GetAttribute("value"));
        Assert.Equal(new DateOnly(to.Year, to.Month, 1).AddMonths(-11).ToString("yyyy-MM-dd"), page.QuerySelector("#from")!.GetAttribute("value"));
        Assert.NotNull(page.QuerySelector("[data-testid=totals]"));
    }

    [Theory]
    [InlineData("from=2026-03-01&to=2026-02-01", "The start date must be on or before the end date.")]
    [InlineData("from=yesterday&to=2026-02-01", "is not valid")]
    public async Task OnGet_BadPeriod_ShowsMessageAndNoFigures(string query, string message)
    {
        await ArrangeAsync();
        var client = await _factory.SignedInClientAsync(AtsData.Recruiter);

        var page = await client.GetDocumentAsync("/Reports/LinkedInSourcing?" + query);
        var csv = await client.GetAsync("/Reports/LinkedInSourcing?handler=Csv&" + query);

        Assert.Contains(message, page.QuerySelector("[data-testid=error-message]")!.TextContent);
        Assert.Null(page.QuerySelector("[data-testid=sourcing]"));
        Assert.Equal("text/html", csv.Content.Headers.ContentType!.MediaType);
        Assert.Contains(message, await csv.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task OnGet_JobTheRecruiterIsNotOn_Returns404()
    {
        var codes = await ArrangeAsync();
        var client = await _factory.SignedInClientAsync(AtsData.Recruiter);

        var page = await client.GetAsync($"/Reports/LinkedInSourcing?{Period}&jobId={codes.JobC}");
        var csv = await client.GetAsync($"/Reports/LinkedInSourcing?handler=Csv&{Period}&jobId={codes.JobC}");

        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, csv.StatusCode);
        Assert.DoesNotContain("Hidden Role", await page.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData(AtsData.Manager)]
    [InlineData(AtsData.Interviewer)]
    public async Task OnGet_HiringManagerOrInterviewer_Returns403(string email)
    {
        var client = await _factory.SignedInClientAsync(email);

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/Reports/LinkedInSourcing")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/Reports/LinkedInSourcing?handler=Csv")).StatusCode);
        Assert.DoesNotContain("/Reports/LinkedInSourcing", await client.GetStringAsync("/"));
    }

    [Fact]
    public async Task OnGet_Anonymous_RedirectsToLogin()
    {
        var client = _factory.CreateClient(new() { AllowAutoRedirect = false });

        foreach (var url in new[] { "/Reports/LinkedInSourcing", "/Reports/LinkedInSourcing?handler=Csv" })
        {
            var response = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/Account/Login", response.Headers.Location!.AbsolutePath, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Layout_Recruiter_LinksToTheReport()
    {
        var client = await _factory.SignedInClientAsync(AtsData.Recruiter);

        var home = await client.GetDocumentAsync("/");

        Assert.NotNull(home.QuerySelector("nav a[href='/Reports/LinkedInSourcing']"));
    }
}

public sealed class LinkedInSourcingSqliteTests() : LinkedInSourcingTests(DatabaseProvider.Sqlite);

public sealed class LinkedInSourcingPostgreSqlTests() : LinkedInSourcingTests(DatabaseProvider.PostgreSql);
