using Attract.Core.Candidates;
using Attract.Core.Data;
using Attract.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Attract.Web.Pages.Candidates;

/// <summary>New candidate. A known email or LinkedIn URL shows a warning with the existing records; "Create anyway" confirms.</summary>
[Authorize(Policy = Policies.Recruiting)]
public class CreateModel(AttractDbContext db) : PageModel
{
    [BindProperty]
    public CandidateInput Input { get; set; } = new();

    [BindProperty]
    public bool ConfirmDuplicate { get; set; }

    public IReadOnlyList<Duplicates.Match> PossibleDuplicates { get; private set; } = [];

    [TempData]
    public string? StatusMessage { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }
        if (!ConfirmDuplicate)
        {
            PossibleDuplicates = await Duplicates.FindAsync(db, Input.EmailList, Input.LinkedInProfileUrl);
            if (PossibleDuplicates.Count > 0)
            {
                return Page();
            }
        }
        var candidate = new Candidate { CreatedAtUtc = db.UtcNow, UpdatedAtUtc = db.UtcNow };
        Input.ApplyTo(candidate);
        db.Candidates.Add(candidate);
        await db.SaveChangesAsync();
        StatusMessage = $"Added {candidate.FullName}.";
        return RedirectToPage("./Details", new { id = candidate.Id });
    }
}
