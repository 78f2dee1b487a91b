using Attract.Core.Candidates;
using Attract.Core.Common;
using Attract.Core.Data;
using Attract.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Attract.Web.Pages.Candidates;

/// <summary>Merge a duplicate into this candidate (the survivor). Suggests records sharing an email or LinkedIn URL.</summary>
[Authorize(Policy = Policies.Recruiting)]
public class MergeModel(AttractDbContext db) : PageModel
{
    public record Option(int Id, string Name, string? Email, string? Company, string Reason);

    public Candidate Survivor { get; private set; } = null!;

    public IReadOnlyList<Option> Options { get; private set; } = [];

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [TempData]
    public string? StatusMessage { get; set; }

    public async Task<IActionResult> OnGetAsync(int id)
    {
        var survivor = await db.Candidates.AsNoTracking().Include(c => c.Emails).FirstOrDefaultAsync(c => c.Id == id);
        if (survivor is null)
        {
            return NotFound();
        }
        Survivor = survivor;
        var suggested = await Duplicates.FindAsync(db, survivor.Emails.Select(e => e.Address), survivor.LinkedInProfileUrl, exceptId: id);
        var options = suggested.Select(d => new Option(d.Id, d.Name, null, d.Company, d.Reason)).ToList();
        var q = string.IsNullOrWhiteSpace(Q) ? survivor.FullName : Q.Trim();
        options.AddRange(await db.Candidates.AsNoTracking().Where(c => c.Id != id).Matching(db.CandidateSearchTerms, q)
            .InListOrder().Take(20)
            .Select(c => new Option(c.Id, c.FirstName + " " + c.LastName, c.Emails.Select(e => e.Address).FirstOrDefault(), c.CurrentCompany, "matches '" + q + "'"))
            .ToListAsync());
        Options = options.DistinctBy(o => o.Id).ToList();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, int? duplicateId)
    {
        if (!await db.Candidates.AnyAsync(c => c.Id == id))
        {
            return NotFound();
        }
        if (duplicateId is null)
        {
            TempData["ErrorMessage"] = "Choose the duplicate to merge into this candidate.";
            return RedirectToPage(new { id, Q });
        }
        if (!await db.Candidates.AnyAsync(c => c.Id == duplicateId))
        {
            return NotFound();
        }
        try
        {
            await CandidateMerger.MergeAsync(db, id, duplicateId.Value);
            await db.SaveChangesAsync();
        }
        catch (DomainException ex)
        {
            TempData["ErrorMessage"] = ex.Message;
            return RedirectToPage(new { id, Q });
        }
        StatusMessage = $"Merged candidate #{duplicateId} into this record. Its applications, notes, feedback, pools and history are here now.";
        return RedirectToPage("./Details", new { id });
    }
}
