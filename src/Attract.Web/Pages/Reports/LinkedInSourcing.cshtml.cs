using Attract.Core.Access;
using Attract.Core.Data;
using Attract.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Attract.Web.Pages.Reports;

/// <summary>
/// "Is LinkedIn Recruiter paying off?": the 1-Click Exports per job, recruiter seat and month, what became of them, and a
/// CSV download of the same figures. Recruiters see the jobs they are on, admins every job.
/// </summary>
[Authorize(Policy = Policies.Recruiting)]
public class LinkedInSourcingModel(AttractDbContext db) : PageModel
{
    public record JobOption(int Id, string Code, string Title);

    public DateOnly From { get; private set; }

    public DateOnly To { get; private set; }

    public int? JobId { get; private set; }

    public IReadOnlyList<JobOption> Jobs { get; private set; } = [];

    public IReadOnlyList<SourcingRow> Rows { get; private set; } = [];

    public SourcingFigures? Totals { get; private set; }

    public async Task<IActionResult> OnGetAsync(int? jobId, DateOnly? from, DateOnly? to, CancellationToken ct)
    {
        if (await FilterAsync(jobId, from, to, ct) is { } refused)
        {
            return refused;
        }
        if (ModelState.IsValid)
        {
            (Rows, Totals) = await RunAsync(ct);
        }
        return Page();
    }

    /// <summary>The same figures as a CSV file; with an invalid filter, the page with its messages.</summary>
    public async Task<IActionResult> OnGetCsvAsync(int? jobId, DateOnly? from, DateOnly? to, CancellationToken ct)
    {
        if (await FilterAsync(jobId, from, to, ct) is { } refused)
        {
            return refused;
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var (rows, totals) = await RunAsync(ct);
        var job = JobId is { } id ? "-" + Jobs.Single(j => j.Id == id).Code : "";
        return File(SourcingCsv.Write(rows, totals), "text/csv; charset=utf-8", $"linkedin-sourcing{job}-{From:yyyy-MM-dd}-to-{To:yyyy-MM-dd}.csv");
    }

    /// <summary>Reads the filter (default: this month and the eleven before it) and the viewer's jobs; 404 for a job the viewer may not see.</summary>
    private async Task<IActionResult?> FilterAsync(int? jobId, DateOnly? from, DateOnly? to, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(db.UtcNow);
        To = to ?? today;
        From = from ?? new DateOnly(To.Year, To.Month, 1).AddMonths(-11);
        JobId = jobId;
        Jobs = await db.Jobs.AsNoTracking().VisibleTo(User.ToViewer()).OrderBy(j => j.Number)
            .Select(j => new JobOption(j.Id, j.Code, j.Title)).ToListAsync(ct);
        if (jobId is { } id && !Jobs.Any(j => j.Id == id))
        {
            return NotFound();
        }
        if (ModelState.IsValid && From > To)
        {
            ModelState.AddModelError("from", "The start date must be on or before the end date.");
        }
        return null;
    }

    private Task<(IReadOnlyList<SourcingRow> Rows, SourcingFigures Totals)> RunAsync(CancellationToken ct) =>
        LinkedInSourcingReport.RunAsync(db, User.ToViewer(), From.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc),
            To.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc), JobId, ct);
}
