using Attract.Core.Data;
using Attract.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Attract.Web.Pages.Pools;

/// <summary>Adds one or many candidates to a pool (posted from the candidate list and profile).</summary>
[Authorize(Policy = Policies.Recruiting)]
public class AddModel(AttractDbContext db) : PageModel
{
    [TempData]
    public string? StatusMessage { get; set; }

    public IActionResult OnGet() => RedirectToPage("./Index");

    public async Task<IActionResult> OnPostAsync(int poolId, int[] candidateIds, bool returnToCandidate = false)
    {
        var pool = await db.TalentPools.Include(p => p.Members).FirstOrDefaultAsync(p => p.Id == poolId);
        if (pool is null)
        {
            return NotFound();
        }
        var ids = candidateIds.Distinct().ToList();
        var existing = await db.Candidates.Where(c => ids.Contains(c.Id)).Select(c => c.Id).ToListAsync();
        if (existing.Count != ids.Count)
        {
            return NotFound();
        }
        if (ids.Count == 0)
        {
            TempData["ErrorMessage"] = "Select at least one candidate.";
            return RedirectToPage("/Candidates/Index");
        }
        var added = pool.Add(ids, User.ToViewer().UserId, db.UtcNow);
        await db.SaveChangesAsync();
        StatusMessage = $"Added {added} candidate(s) to '{pool.Name}'" + (added < ids.Count ? $" ({ids.Count - added} already in it)." : ".");
        return returnToCandidate && ids.Count == 1
            ? RedirectToPage("/Candidates/Details", new { id = ids[0] })
            : RedirectToPage("./Details", new { id = poolId });
    }
}
