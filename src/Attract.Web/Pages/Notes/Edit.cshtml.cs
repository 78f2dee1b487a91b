using System.ComponentModel.DataAnnotations;
using Attract.Core.Access;
using Attract.Core.Common;
using Attract.Core.Data;
using Attract.Core.Notes;
using Attract.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Attract.Web.Pages.Notes;

/// <summary>Edit or delete a note. Only its author may; anyone else gets 403 (or 404 when they can't see it).</summary>
public class EditModel(AttractDbContext db) : PageModel
{
    public class InputModel
    {
        [Required(ErrorMessage = "A note can't be empty."), StringLength(Note.MaxLength)]
        public string Body { get; set; } = "";

        public Guid Version { get; set; }
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public int CandidateId { get; private set; }

    [TempData]
    public string? StatusMessage { get; set; }

    public async Task<IActionResult> OnGetAsync(int id)
    {
        var (note, denied) = await FindAsync(id);
        if (denied is not null)
        {
            return denied;
        }
        Input = new InputModel { Body = note!.Body, Version = note.Version };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id)
    {
        var (note, denied) = await FindAsync(id);
        if (denied is not null)
        {
            return denied;
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        db.Entry(note!).Property(n => n.Version).OriginalValue = Input.Version;
        try
        {
            note!.Edit(User.ToViewer().UserId, Input.Body, db.UtcNow);
            await db.SaveChangesAsync();
        }
        catch (DomainException ex)
        {
            ModelState.AddModelError(string.Empty, ex.Message);
            return Page();
        }
        catch (DbUpdateConcurrencyException)
        {
            ModelState.AddModelError(string.Empty, Concurrency.Message);
            Input.Version = await db.Notes.Where(n => n.Id == id).Select(n => n.Version).FirstAsync();
            ModelState.Remove("Input.Version");
            return Page();
        }
        StatusMessage = "Note saved.";
        return Back(note);
    }

    public async Task<IActionResult> OnPostDeleteAsync(int id)
    {
        var (note, denied) = await FindAsync(id);
        if (denied is not null)
        {
            return denied;
        }
        db.Notes.Remove(note!);
        await db.SaveChangesAsync();
        StatusMessage = "Note deleted.";
        return Back(note!);
    }

    private IActionResult Back(Note note) => note.ApplicationId is { } appId
        ? RedirectToPage("/Applications/Details", new { id = appId })
        : RedirectToPage("/Candidates/Details", new { id = note.CandidateId, tab = "notes" });

    private async Task<(Note? Note, IActionResult? Denied)> FindAsync(int id)
    {
        var viewer = User.ToViewer();
        var note = await db.Notes.VisibleTo(viewer).FirstOrDefaultAsync(n => n.Id == id);
        if (note is null)
        {
            return (null, NotFound());
        }
        if (!note.IsAuthor(viewer.UserId))
        {
            return (null, Forbid());
        }
        CandidateId = note.CandidateId;
        return (note, null);
    }
}
