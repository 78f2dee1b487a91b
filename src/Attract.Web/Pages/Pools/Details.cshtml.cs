using System.ComponentModel.DataAnnotations;
using Attract.Core.Common;
using Attract.Core.Data;
using Attract.Core.Pools;
using Attract.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Attract.Web.Pages.Pools;

/// <summary>A pool's members; remove one or many, rename or delete the pool (not for system pools).</summary>
[Authorize(Policy = Policies.Recruiting)]
public class DetailsModel(AttractDbContext db) : PageModel
{
    public record Member(int CandidateId, string Name, string? Company, string Source, DateTime AddedAtUtc);

    public TalentPool Pool { get; private set; } = null!;

    public IReadOnlyList<Member> Members { get; private set; } = [];

    [BindProperty, Required, StringLength(100)]
    public string? Name { get; set; }

    [TempData]
    public string? StatusMessage { get; set; }

    public async Task<IActionResult> OnGetAsync(int id)
    {
        var pool = await db.TalentPools.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id);
        if (pool is null)
        {
            return NotFound();
        }
        Pool = pool;
        Name = pool.Name;
        Members = await db.TalentPoolMembers.AsNoTracking().Where(m => m.PoolId == id)
            .OrderBy(m => m.Candidate.LastName).ThenBy(m => m.Candidate.FirstName).Take(1000)
            .Select(m => new Member(m.CandidateId, m.Candidate.FirstName + " " + m.Candidate.LastName, m.Candidate.CurrentCompany, m.Candidate.Source, m.AddedAtUtc))
            .ToListAsync();
        return Page();
    }

    /// <summary>Removes the checked candidates, or only <paramref name="single"/> when a row's own button was used.</summary>
    public Task<IActionResult> OnPostRemoveAsync(int id, int[] candidateIds, int? single) =>
        ChangeAsync(id, pool => $"Removed {pool.Remove(single is { } one ? [one] : candidateIds)} candidate(s).", includeMembers: true);

    public Task<IActionResult> OnPostRenameAsync(int id) =>
        string.IsNullOrWhiteSpace(Name)
            ? Task.FromResult(Fail(id, "A pool needs a name."))
            : ChangeAsync(id, pool => { pool.Rename(Name); return $"Renamed to '{pool.Name}'."; });

    public async Task<IActionResult> OnPostDeleteAsync(int id)
    {
        var pool = await db.TalentPools.FirstOrDefaultAsync(p => p.Id == id);
        if (pool is null)
        {
            return NotFound();
        }
        try
        {
            pool.EnsureUserEditable();
        }
        catch (DomainException ex)
        {
            return Fail(id, ex.Message);
        }
        db.TalentPools.Remove(pool);
        await db.SaveChangesAsync();
        StatusMessage = $"Deleted pool '{pool.Name}'.";
        return RedirectToPage("./Index");
    }

    private async Task<IActionResult> ChangeAsync(int id, Func<TalentPool, string> change, bool includeMembers = false)
    {
        IQueryable<TalentPool> query = includeMembers ? db.TalentPools.Include(p => p.Members) : db.TalentPools;
        var pool = await query.FirstOrDefaultAsync(p => p.Id == id);
        if (pool is null)
        {
            return NotFound();
        }
        try
        {
            StatusMessage = change(pool);
            await db.SaveChangesAsync();
        }
        catch (DomainException ex)
        {
            return Fail(id, ex.Message);
        }
        catch (DbUpdateException)
        {
            return Fail(id, "Another pool already has that name, or someone changed this pool at the same time. Try again.");
        }
        return RedirectToPage(new { id });
    }

    private IActionResult Fail(int id, string message)
    {
        StatusMessage = null;
        TempData["ErrorMessage"] = message;
        return RedirectToPage(new { id });
    }
}
