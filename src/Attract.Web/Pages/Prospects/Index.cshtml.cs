using Attract.Core.Access;
using Attract.Core.Common;
using Attract.Core.Data;
using Attract.Core.Pipeline;
using Attract.Web.Infrastructure;
using Attract.Web.Pages.Jobs;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Attract.Web.Pages.Prospects;

/// <summary>
/// Prospect review: the prospects of the user's jobs, filtered, sorted and paged by the query string; the selected ones
/// are advanced or rejected together, all or nothing, through the same entity rules as a single application.
/// </summary>
[Authorize(Policy = Policies.HiringTeam)]
public class IndexModel(AttractDbContext db, PipelineReads reads) : PageModel
{
    /// <summary>The most applications one bulk action takes (two pages of the largest size).</summary>
    public const int MaxSelection = 100;

    [BindProperty(SupportsGet = true, Name = "job")]
    public int? JobId { get; set; }

    [BindProperty(SupportsGet = true, Name = "source")]
    public ProspectSource Source { get; set; }

    [BindProperty(SupportsGet = true, Name = "age")]
    public int? WaitingDays { get; set; }

    [BindProperty(SupportsGet = true, Name = "sort")]
    public ProspectSort Sort { get; set; }

    [BindProperty(SupportsGet = true, Name = "size")]
    public int PageSize { get; set; } = ProspectQueries.PageSizes[0];

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public ProspectPage List { get; private set; } = new(0, 1, 1, []);

    public IReadOnlyList<ProspectJob> Jobs { get; private set; } = [];

    public IReadOnlySet<int> Selected { get; private set; } = new HashSet<int>();

    public DateTime NowUtc { get; private set; }

    [TempData]
    public string? StatusMessage { get; set; }

    /// <summary>The filters as route values, for the pager, the bulk form and the redirect after it.</summary>
    public Dictionary<string, string> Filters(int? page = null)
    {
        var values = new Dictionary<string, string> { ["source"] = Source.ToString(), ["sort"] = Sort.ToString(), ["size"] = PageSize.ToString(), ["p"] = (page ?? List.PageNumber).ToString() };
        if (JobId is { } job)
        {
            values["job"] = job.ToString();
        }
        if (WaitingDays is { } days)
        {
            values["age"] = days.ToString();
        }
        return values;
    }

    public Task<IActionResult> OnGetAsync() => ShowAsync();

    public Task<IActionResult> OnPostAdvanceAsync(int[] applicationIds, bool allOnPage, int[] pageIds) =>
        ApplyAsync(allOnPage ? pageIds : applicationIds, a => a.Advance(db.Actor, db.UtcNow), n => $"{Prospects(n)} advanced.");

    public Task<IActionResult> OnPostRejectAsync(int[] applicationIds, bool allOnPage, int[] pageIds, string? reason)
    {
        var selected = allOnPage ? pageIds : applicationIds;
        if (string.IsNullOrWhiteSpace(reason))
        {
            ModelState.AddModelError("reason", "Choose a reason for the rejection.");
            return ShowAsync(selected);
        }
        return ApplyAsync(selected, a => a.Reject(reason, db.Actor, db.UtcNow), n => $"{Prospects(n)} rejected: {reason.Trim()}.");
    }

    private static string Prospects(int n) => n == 1 ? "1 prospect" : $"{n} prospects";

    /// <summary>
    /// Loads the selection through the visibility rules (an id the user can't see: 404), refuses the whole selection when
    /// any of it may not be worked on or is no longer waiting, then changes all and saves once (one transaction).
    /// </summary>
    private async Task<IActionResult> ApplyAsync(int[] applicationIds, Action<JobApplication> change, Func<int, string> message)
    {
        var ids = applicationIds.Distinct().ToList();
        if (ids.Count == 0 || ids.Count > MaxSelection)
        {
            ModelState.AddModelError("", ids.Count == 0 ? "Select at least one prospect." : $"Select at most {MaxSelection} prospects at a time.");
            return await ShowAsync(applicationIds);
        }
        var viewer = User.ToViewer();
        var applications = await db.Applications.VisibleTo(viewer).Where(a => ids.Contains(a.Id))
            .Include(a => a.Job).ThenInclude(j => j.Stages).Include(a => a.Job.Team).Include(a => a.Stage).Include(a => a.Candidate)
            .ToListAsync();
        if (applications.Count != ids.Count)
        {
            return NotFound();
        }
        var refusal = Refusal(applications.Where(a => !viewer.CanWorkOn(a.Job)), "you may not review prospects of")
            ?? Refusal(applications.Where(a => !a.IsWaiting()), "no longer waiting for review in");
        if (refusal is null)
        {
            try
            {
                applications.ForEach(change);
                await db.SaveChangesAsync();
                StatusMessage = message(applications.Count);
                return RedirectToPage(Filters(PageNumber));
            }
            catch (DomainException ex)
            {
                refusal = ex.Message;
            }
            catch (DbUpdateConcurrencyException)
            {
                refusal = "Someone else changed one of the selected prospects at the same time.";
            }
        }
        ModelState.AddModelError("", refusal + " Nothing was changed.");
        db.ChangeTracker.Clear();
        return await ShowAsync(applicationIds);
    }

    private static string? Refusal(IEnumerable<JobApplication> refused, string why) =>
        refused.ToList() is { Count: > 0 } list
            ? string.Join("; ", list.GroupBy(a => a.Job.Code).Select(g => $"{string.Join(", ", g.Select(a => a.Candidate?.FullName ?? "an erased candidate"))}: {why} {g.Key}")) + "."
            : null;

    /// <summary>
    /// The list, from the shared read of the jobs the viewer works on (<see cref="PipelineReads"/>); read afresh after the
    /// user's own review (a status message) and when a post shows it again.
    /// </summary>
    private async Task<IActionResult> ShowAsync(int[]? selected = null)
    {
        var viewer = User.ToViewer();
        Source = Enum.IsDefined(Source) ? Source : ProspectSource.Any;
        Sort = Enum.IsDefined(Sort) ? Sort : ProspectSort.Oldest;
        WaitingDays = WaitingDays is { } days && ProspectQueries.WaitingDayChoices.Contains(days) ? days : null;
        PageSize = ProspectQueries.PageSizes.Contains(PageSize) ? PageSize : ProspectQueries.PageSizes[0];
        NowUtc = db.UtcNow;
        var filter = new ProspectFilter(JobId, Source, WaitingDays, Sort);
        var worked = viewer.IsAdmin ? "*" : string.Join(',', await db.WorkedJobIdsAsync(viewer));
        var read = await reads.Prospects.GetAsync(new ProspectListKey(worked, filter, PageNumber, PageSize),
            () => db.ReadListAsync(viewer, filter, PageNumber, PageSize, NowUtc), fresh: selected is not null || StatusMessage is not null);
        Jobs = read.Jobs;
        if (JobId is { } job && !Jobs.Any(j => j.Id == job && j.HasProspectStage))
        {
            return NotFound();
        }
        List = read.Page;
        PageNumber = List.PageNumber;
        Selected = (selected ?? []).ToHashSet();
        return Page();
    }
}
