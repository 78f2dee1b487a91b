using System.Globalization;
using Attract.Core.Access;
using Attract.Core.Common;
using Attract.Core.Data;
using Attract.Core.Jobs;
using Attract.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using static Attract.Web.Pages.Jobs.PipelineBoard;

namespace Attract.Web.Pages.Jobs;

/// <summary>
/// The pipeline board: one column per stage with its counts and its first page of cards (<see cref="PipelineBoard"/>);
/// "More" shows a column's next page (a GET link, or the Column handler's partial appended by script). Cards move by
/// their Move form, or by drag and drop posting the same handler.
/// </summary>
public class PipelineModel(AttractDbContext db, PipelineReads reads) : PageModel
{
    public record Column(JobStage Stage, StageCounts Counts, CardPage Active, CardPage? Rejected)
    {
        /// <summary>The column shows a later page (the no-script "More" link), not its first.</summary>
        public bool Continued { get; init; }
    }

    /// <summary>The model of the cards partial: one page of cards and the board it belongs to.</summary>
    public record CardList(PipelineModel Board, JobStage Stage, CardPage Page);

    public Job Job { get; private set; } = null!;

    public IReadOnlyList<Column> Columns { get; private set; } = [];

    public bool CanWork { get; private set; }

    public DateTime NowUtc { get; private set; }

    private (string Before, string After)? _applicationUrl;

    /// <summary>An application's page, from one URL generated per request instead of one per card.</summary>
    public string ApplicationUrl(int applicationId)
    {
        if (_applicationUrl is null)
        {
            var marker = int.MaxValue.ToString(CultureInfo.InvariantCulture);
            var url = Url.Page("/Applications/Details", new { id = int.MaxValue }) ?? throw new InvalidOperationException("No route to an application's page.");
            var at = url.IndexOf(marker, StringComparison.Ordinal);
            _applicationUrl = (url[..at], url[(at + marker.Length)..]);
        }
        return _applicationUrl.Value.Before + applicationId.ToString(CultureInfo.InvariantCulture) + _applicationUrl.Value.After;
    }

    [BindProperty(SupportsGet = true)]
    public bool ShowRejected { get; set; }

    [TempData]
    public string? StatusMessage { get; set; }

    /// <summary>
    /// The board; with <c>stageId</c> and <c>after</c> (the no-script "More" link) that column's active or rejected cards
    /// start after that key. The first screen comes from the shared read (<see cref="PipelineReads"/>), read afresh after the
    /// user's own move; a continued column is read live.
    /// </summary>
    public async Task<IActionResult> OnGetAsync(int id, int? stageId, string? after, bool rejected)
    {
        if (!await AuthorizeAsync(id))
        {
            return NotFound();
        }
        CardKey? key = null;
        if (after is not null)
        {
            if (CardKey.TryParse(after, out var parsed))
            {
                key = parsed;
            }
            else
            {
                ModelState.AddModelError("", "That page of the column is not valid; the column starts from its first cards.");
            }
        }
        var board = stageId is { } s && key is { } k
            ? await ReadAsync(db, id, ShowRejected, new PageRequest(s, rejected, k))
            : await reads.Boards.GetAsync((id, ShowRejected), () => ReadAsync(db, id, ShowRejected),
                fresh: StatusMessage is not null || TempData.ContainsKey("ErrorMessage"));
        if (board is null || (stageId is { } asked && !board.Job.Stages.Any(x => x.Id == asked)))
        {
            return NotFound();
        }
        Job = board.Job;
        Columns = Job.OrderedStages.Select(stage => new Column(stage, board.CountsOf(stage), board.PageOf(stage, false)!, board.PageOf(stage, true))
        { Continued = stage.Id == stageId && key is not null }).ToList();
        return Page();
    }

    /// <summary>The next page of one column's cards, as list items, for the board's script to append in place.</summary>
    public async Task<IActionResult> OnGetColumnAsync(int id, int stageId, string? after, bool rejected)
    {
        if (!await AuthorizeAsync(id) || await JobAsync(db, id) is not { } job
            || job.Stages.FirstOrDefault(s => s.Id == stageId) is not { } stage)
        {
            return NotFound();
        }
        Job = job;
        CardKey? key = null;
        if (after is not null)
        {
            if (!CardKey.TryParse(after, out var parsed))
            {
                return new ObjectResult(new ProblemDetails { Status = 400, Title = "Invalid page", Detail = "That page of the column is not valid." }) { StatusCode = 400 };
            }
            key = parsed;
        }
        return Partial("_PipelineCards", new CardList(this, stage, await PageAsync(db, id, stageId, rejected, key)));
    }

    /// <summary>Moves one application; posted by the card's Move form and by drag and drop (fetch, antiforgery header).</summary>
    public async Task<IActionResult> OnPostMoveAsync(int id, int applicationId, int stageId)
    {
        var application = await db.Applications.Include(a => a.Job).ThenInclude(j => j.Stages).Include(a => a.Job.Team)
            .Include(a => a.Stage).Include(a => a.Candidate)
            .VisibleTo(User.ToViewer()).FirstOrDefaultAsync(a => a.Id == applicationId && a.JobId == id);
        if (application is null)
        {
            return NotFound();
        }
        if (!User.ToViewer().CanWorkOn(application.Job))
        {
            return Forbid();
        }
        var ajax = Request.Headers.XRequestedWith == "fetch";
        string? refusal = null;
        try
        {
            var stage = application.Job.StageById(stageId);
            application.MoveTo(stage, db.Actor, db.UtcNow);
            await db.SaveChangesAsync();
            StatusMessage = $"Moved {application.Candidate?.FullName ?? "the application"} to {stage.Name}.";
        }
        catch (DomainException ex)
        {
            refusal = ex.Message;
        }
        catch (DbUpdateConcurrencyException)
        {
            refusal = "Someone else changed this application at the same time. Reload the board and try again.";
        }
        if (ajax)
        {
            StatusMessage = null;
            return refusal is null
                ? new OkResult()
                : new ObjectResult(new ProblemDetails { Status = 400, Title = "The move was refused", Detail = refusal, Instance = Request.Path }) { StatusCode = 400 };
        }
        if (refusal is not null)
        {
            TempData["ErrorMessage"] = refusal;
        }
        return RedirectToPage(new { id, ShowRejected });
    }

    /// <summary>Whether the viewer may see the job, from their team roles read live (admins see every job), and may work on it.</summary>
    private async Task<bool> AuthorizeAsync(int id)
    {
        var viewer = User.ToViewer();
        var roles = viewer.IsAdmin ? [] : await db.TeamRolesAsync(viewer, id);
        CanWork = viewer.CanWorkOn(roles);
        NowUtc = db.UtcNow;
        return viewer.IsAdmin || roles.Count > 0;
    }
}
