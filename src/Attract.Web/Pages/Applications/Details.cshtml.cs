using Attract.Core.Access;
using Attract.Core.Common;
using Attract.Core.Data;
using Attract.Core.Pipeline;
using Attract.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Attract.Web.Pages.Applications;

/// <summary>One application: its stage history, feedback, and the move / reject / reopen actions.</summary>
public class DetailsModel(AttractDbContext db) : PageModel
{
    public record MoveRow(StageMoveKind Kind, string? From, string To, string? Reason, string By, DateTime AtUtc);

    public record FeedbackRow(int Id, string Interviewer, string Type, string Recommendation, string Comments, DateTime AtUtc);

    public JobApplication Application { get; private set; } = null!;

    public IReadOnlyList<MoveRow> History { get; private set; } = [];

    public IReadOnlyList<FeedbackRow> Feedback { get; private set; } = [];

    public IReadOnlyList<Candidates.CandidateTabs.NoteRow> Notes { get; private set; } = [];

    public bool CanWork { get; private set; }

    public bool CanInterview { get; private set; }

    [TempData]
    public string? StatusMessage { get; set; }

    public async Task<IActionResult> OnGetAsync(int id)
    {
        var viewer = User.ToViewer();
        var application = await db.FindVisibleApplicationAsync(viewer, id);
        if (application is null)
        {
            return NotFound();
        }
        Application = application;
        CanWork = viewer.CanWorkOn(application.Job);
        CanInterview = viewer.CanInterviewFor(application.Job) && application.CandidateId is not null;
        History = await db.StageMoves.AsNoTracking().Where(m => m.ApplicationId == id).OrderBy(m => m.AtUtc).ThenBy(m => m.Id)
            .Select(m => new MoveRow(m.Kind, m.FromStageName, m.ToStageName, m.Reason, m.ByName, m.AtUtc)).ToListAsync();
        Feedback = (await db.Scorecards.AsNoTracking().VisibleTo(viewer).Where(s => s.ApplicationId == id).OrderBy(s => s.SubmittedAtUtc)
            .Select(s => new { s.Id, s.InterviewerName, s.InterviewType, s.Recommendation, s.Comments, s.SubmittedAtUtc }).ToListAsync())
            .Select(s => new FeedbackRow(s.Id, s.InterviewerName, s.InterviewType.ToString(), s.Recommendation.ToString(), s.Comments, s.SubmittedAtUtc)).ToList();
        if (viewer.CanReadNotes())
        {
            Notes = await db.Notes.AsNoTracking().VisibleTo(viewer).Where(n => n.ApplicationId == id).OrderByDescending(n => n.CreatedAtUtc)
                .Select(n => new Candidates.CandidateTabs.NoteRow(n.Id, n.AuthorId, n.AuthorName, n.Body, null, n.CreatedAtUtc, n.UpdatedAtUtc))
                .ToListAsync();
        }
        return Page();
    }

    public Task<IActionResult> OnPostMoveAsync(int id, int stageId) =>
        ChangeAsync(id, a => a.MoveTo(a.Job.StageById(stageId), db.Actor, db.UtcNow), a => $"Moved to {a.Stage.Name}.");

    public Task<IActionResult> OnPostRejectAsync(int id, string? reason) =>
        ChangeAsync(id, a => a.Reject(reason ?? "", db.Actor, db.UtcNow), _ => "Rejected.");

    public Task<IActionResult> OnPostReopenAsync(int id) =>
        ChangeAsync(id, a => a.Reopen(db.Actor, db.UtcNow), a => $"Reopened in {a.Stage.Name}.");

    private async Task<IActionResult> ChangeAsync(int id, Action<JobApplication> change, Func<JobApplication, string> message)
    {
        var viewer = User.ToViewer();
        var application = await db.FindVisibleApplicationAsync(viewer, id);
        if (application is null)
        {
            return NotFound();
        }
        if (!viewer.CanWorkOn(application.Job))
        {
            return Forbid();
        }
        try
        {
            change(application);
            await db.SaveChangesAsync();
            StatusMessage = message(application);
        }
        catch (DomainException ex)
        {
            TempData["ErrorMessage"] = ex.Message;
        }
        catch (DbUpdateConcurrencyException)
        {
            TempData["ErrorMessage"] = Concurrency.Message;
        }
        return RedirectToPage(new { id });
    }
}
