using Attract.Core.Access;
using Attract.Core.Data;
using Attract.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Attract.Web.Pages.Candidates;

[Authorize(Policy = Policies.Recruiting)]
public class EditModel(AttractDbContext db) : PageModel
{
    [BindProperty]
    public CandidateInput Input { get; set; } = new();

    public IReadOnlyList<Duplicates.Match> PossibleDuplicates { get; private set; } = [];

    [TempData]
    public string? StatusMessage { get; set; }

    public async Task<IActionResult> OnGetAsync(int id)
    {
        var candidate = await db.Candidates.AsNoTracking().Include(c => c.Emails).VisibleTo(User.ToViewer()).FirstOrDefaultAsync(c => c.Id == id);
        if (candidate is null)
        {
            return NotFound();
        }
        Input = CandidateInput.From(candidate);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id)
    {
        var candidate = await db.Candidates.Include(c => c.Emails).VisibleTo(User.ToViewer()).FirstOrDefaultAsync(c => c.Id == id);
        if (candidate is null)
        {
            return NotFound();
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        PossibleDuplicates = await Duplicates.FindAsync(db, Input.EmailList, Input.LinkedInProfileUrl, exceptId: id);
        db.Entry(candidate).Property(c => c.Version).OriginalValue = Input.Version;
        Input.ApplyTo(candidate);
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateConcurrencyException)
        {
            ModelState.AddModelError(string.Empty, Concurrency.Message);
            Input.Version = await db.Candidates.Where(c => c.Id == id).Select(c => c.Version).FirstAsync();
            ModelState.Remove("Input.Version");
            return Page();
        }
        StatusMessage = PossibleDuplicates.Count > 0
            ? $"Saved. Another candidate shares this email or LinkedIn profile: {PossibleDuplicates[0].Name}. Consider merging."
            : $"Saved {candidate.FullName}.";
        return RedirectToPage("./Details", new { id });
    }
}
