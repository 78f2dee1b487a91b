using Attract.Core.Access;
using Attract.Core.Common;
using Attract.Core.Data;
using Attract.Core.Jobs;
using Attract.Core.Pipeline;
using Attract.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Attract.Web.Pages.Jobs;

/// <summary>The pipeline board: one column per stage with counts; cards move by buttons or drag and drop.</summary>
public class PipelineModel(AttractDbContext db) : PageModel
{
    public record Card(int ApplicationId, int? CandidateId, string Name, string? Title, string? Company, string Source, int StageId, ApplicationStatus Status, string? Reason);

    public record Column(int StageId, string Name, StageKind Kind, IReadOnlyList<Card> Cards, int? NextStageId)
    {
        public int ActiveCount => Cards.Count(c => c.Status == ApplicationStatus.Active);
    }

    public Job Job { get; private set; } = null!;

    public IReadOnlyList<Column> Columns { get; private set; } = [];

    public bool CanWork { get; private set; }

    [BindProperty(SupportsGet = true)]
    public bool ShowRejected { get; set; }

    [TempData]
    public string? StatusMessage { get; set; }

    public async Task<IActionResult> OnGetAsync(int id)
    {
        var job = await db.FindVisibleJobAsync(User.ToViewer(), id);
        if (job is null)
        {
            return NotFound();
        }
        Job = job;
        CanWork = User.ToViewer().CanWorkOn(job);
        var cards = await db.Applications.AsNoTracking().Where(a => a.JobId == id)
            .Where(a => ShowRejected || a.Status == ApplicationStatus.Active)
            .OrderBy(a => a.UpdatedAtUtc)
            .Select(a => new Card(a.Id, a.CandidateId,
                a.Candidate == null ? "Erased candidate" : a.Candidate.FirstName + " " + a.Candidate.LastName,
                a.Candidate == null ? null : a.Candidate.CurrentTitle, a.Candidate == null ? null : a.Candidate.CurrentCompany,
                a.Candidate == null ? "" : a.Candidate.Source, a.StageId, a.Status, a.RejectionReason))
            .ToListAsync();
        Columns = job.OrderedStages.Select(s => new Column(s.Id, s.Name, s.Kind,
            cards.Where(c => c.StageId == s.Id).ToList(), job.NextStage(s)?.Id)).ToList();
        return Page();
    }

    /// <summary>Moves one application; posted by the card buttons and by drag and drop (fetch, antiforgery header).</summary>
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
        try
        {
            var stage = application.Job.StageById(stageId);
            application.MoveTo(stage, db.Actor, db.UtcNow);
            await db.SaveChangesAsync();
            StatusMessage = $"Moved {application.Candidate?.FullName ?? "the application"} to {stage.Name}.";
        }
        catch (DomainException ex)
        {
            if (ajax)
            {
                return BadRequest(ex.Message);
            }
            TempData["ErrorMessage"] = ex.Message;
        }
        return ajax ? new OkResult() : RedirectToPage(new { id, ShowRejected });
    }
}
