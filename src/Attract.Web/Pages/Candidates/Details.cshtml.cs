using System.ComponentModel.DataAnnotations;
using Attract.Core.Access;
using Attract.Core.Candidates;
using Attract.Core.Common;
using Attract.Core.Data;
using Attract.Core.Jobs;
using Attract.Core.Notes;
using Attract.Core.Pipeline;
using Attract.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Attract.Web.Pages.Candidates;

/// <summary>The candidate profile with its tabs; tab data is read by <see cref="CandidateTabs"/>.</summary>
public class DetailsModel(AttractDbContext db) : PageModel
{
    public static readonly IReadOnlyList<(string Key, string Label)> Tabs =
        [("overview", "Overview"), ("applications", "Applications"), ("feedback", "Interview feedback"), ("notes", "Notes"), ("linkedin", "LinkedIn"), ("activity", "Activity")];

    public Candidate Candidate { get; private set; } = null!;

    [BindProperty(SupportsGet = true)]
    public string? Tab { get; set; } = "overview";

    public CandidateTabs Data { get; private set; } = null!;

    public Viewer Viewer { get; private set; } = null!;

    [BindProperty, Required(ErrorMessage = "Write something first."), StringLength(Note.MaxLength), Display(Name = "Note")]
    public string? NoteBody { get; set; }

    [TempData]
    public string? StatusMessage { get; set; }

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }
        if (Tab is null || !Tabs.Any(t => t.Key == Tab) || (Tab == "notes" && !Viewer.CanReadNotes()) || (Tab == "activity" && !Viewer.CanReadNotes()))
        {
            Tab = "overview";
        }
        await Data.LoadAsync(Tab!);
        return Page();
    }

    /// <summary>Adds a note on the candidate, or on one of their applications when <paramref name="applicationId"/> is given.</summary>
    public async Task<IActionResult> OnPostAddNoteAsync(int id, int? applicationId)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }
        if (!Viewer.CanReadNotes())
        {
            return Forbid();
        }
        Tab = "notes";
        if (!ModelState.IsValid)
        {
            await Data.LoadAsync(Tab!);
            return Page();
        }
        var application = applicationId is { } appId
            ? await db.Applications.VisibleTo(Viewer).FirstOrDefaultAsync(a => a.Id == appId && a.CandidateId == id)
            : null;
        if (applicationId is not null && application is null)
        {
            return NotFound();
        }
        db.Notes.Add(Note.Write(Candidate, application, db.Actor, NoteBody!, db.UtcNow));
        await db.SaveChangesAsync();
        StatusMessage = "Note added.";
        return application is null
            ? RedirectToPage(new { id, tab = "notes" })
            : RedirectToPage("/Applications/Details", new { id = application.Id });
    }

    /// <summary>Adds the candidate to a job in the chosen stage (the stage identifies the job).</summary>
    public async Task<IActionResult> OnPostAddToJobAsync(int id, int stageId)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }
        var job = await db.Jobs.Include(j => j.Stages).Include(j => j.Team).VisibleTo(Viewer).FirstOrDefaultAsync(j => j.Stages.Any(s => s.Id == stageId));
        if (job is null)
        {
            return NotFound();
        }
        if (!Viewer.CanWorkOn(job))
        {
            return Forbid();
        }
        try
        {
            if (await db.Applications.AnyAsync(a => a.CandidateId == id && a.JobId == job.Id))
            {
                throw new DomainException($"{Candidate.FullName} is already in the pipeline of {job.Code}.");
            }
            var application = JobApplication.Create(Candidate, job, job.StageById(stageId), db.Actor, db.UtcNow);
            db.Applications.Add(application);
            await db.SaveChangesAsync();
            StatusMessage = $"Added {Candidate.FullName} to {job.Code} {job.Title} in {application.Stage.Name}.";
        }
        catch (DomainException ex)
        {
            TempData["ErrorMessage"] = ex.Message;
        }
        return RedirectToPage(new { id, tab = "applications" });
    }

    private async Task<bool> LoadAsync(int id)
    {
        Viewer = User.ToViewer();
        var candidate = await db.Candidates.Include(c => c.Emails).VisibleTo(Viewer).FirstOrDefaultAsync(c => c.Id == id);
        if (candidate is null)
        {
            return false;
        }
        Candidate = candidate;
        Data = new CandidateTabs(db, Viewer, id);
        return true;
    }

    public static string StageLabel(JobStage s) => s.Kind == StageKind.Prospect ? s.Name + " (prospect)" : s.Name;
}
