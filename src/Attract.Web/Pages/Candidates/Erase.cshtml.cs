using Attract.Core.Candidates;
using Attract.Core.Data;
using Attract.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Attract.Web.Pages.Candidates;

/// <summary>GDPR erasure (admins only): removes personal data, keeps anonymous pipeline counts.</summary>
[Authorize(Policy = Policies.Admin)]
public class EraseModel(AttractDbContext db, ErasureSuppressionKeyring keyring) : PageModel
{
    public string Name { get; private set; } = "";

    [TempData]
    public string? StatusMessage { get; set; }

    public async Task<IActionResult> OnGetAsync(int id)
    {
        var name = await db.Candidates.Where(c => c.Id == id).Select(c => c.FirstName + " " + c.LastName).FirstOrDefaultAsync();
        if (name is null)
        {
            return NotFound();
        }
        Name = name;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id)
    {
        if (!await db.Candidates.AnyAsync(c => c.Id == id))
        {
            return NotFound();
        }
        await CandidateEraser.EraseAsync(db, id, await keyring.GetHasherAsync(HttpContext.RequestAborted));
        await db.SaveChangesAsync();
        StatusMessage = $"Candidate #{id} was erased. Their pipeline counts remain, without personal data.";
        return RedirectToPage("./Index");
    }
}
