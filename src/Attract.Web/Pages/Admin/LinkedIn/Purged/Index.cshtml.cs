using Attract.Core.Candidates;
using Attract.Core.Common;
using Attract.Core.Data;
using Attract.Core.LinkedIn;
using Attract.Web.Infrastructure;
using Attract.Web.Integrations.LinkedIn.Pulls;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Attract.Web.Pages.Admin.LinkedIn.Purged;

/// <summary>
/// Members LinkedIn reported as purged after a 1-Click Export: the matching candidates are flagged here and the admin
/// may erase them (the ATS core's GDPR erasure; its outbox delete rows remove the candidate from LinkedIn too).
/// </summary>
[Authorize(Policy = Policies.Admin)]
public class IndexModel(AttractDbContext db, LinkedInPurgePoller poller, ErasureSuppressionKeyring keyring) : PageModel
{
    public record Row(int Id, string PersonUrn, DateTime PurgedAtUtc, int? CandidateId, string? CandidateName, DateTime? HandledAtUtc);

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public DateTime? LastPollAtUtc { get; private set; }

    [TempData]
    public string? StatusMessage { get; set; }

    public async Task OnGetAsync()
    {
        LastPollAtUtc = await db.Set<LinkedInConnection>().AsNoTracking().OrderBy(c => c.Id).Select(c => c.LastPurgePollAtUtc).FirstOrDefaultAsync();
        Rows = await db.Set<LinkedInPurgedExport>().AsNoTracking().OrderBy(p => p.HandledAtUtc != null).ThenByDescending(p => p.PurgedAtUtc)
            .Select(p => new Row(p.Id, p.PersonUrn, p.PurgedAtUtc, p.CandidateId,
                db.Candidates.Where(c => c.Id == p.CandidateId).Select(c => c.FirstName + " " + c.LastName).FirstOrDefault(), p.HandledAtUtc))
            .ToListAsync();
    }

    public async Task<IActionResult> OnPostCheckAsync()
    {
        StatusMessage = await poller.PollAsync(force: true, HttpContext.RequestAborted);
        return RedirectToPage();
    }

    /// <summary>Erases the flagged candidate and marks the purge handled, in one SaveChanges.</summary>
    public async Task<IActionResult> OnPostEraseAsync(int id)
    {
        var row = await db.Set<LinkedInPurgedExport>().FirstOrDefaultAsync(p => p.Id == id);
        if (row is null)
        {
            return NotFound();
        }
        if (row.HandledAtUtc is not null || row.CandidateId is not { } candidateId || !await db.Candidates.AnyAsync(c => c.Id == candidateId))
        {
            TempData["ErrorMessage"] = "This purged export has no candidate left to erase.";
            return RedirectToPage();
        }
        try
        {
            await CandidateEraser.EraseAsync(db, candidateId, await keyring.GetHasherAsync(HttpContext.RequestAborted), HttpContext.RequestAborted);
        }
        catch (DomainException ex)
        {
            TempData["ErrorMessage"] = ex.Message;
            return RedirectToPage();
        }
        // The erasure removes this row with the rest of the person's LinkedIn data, and the suppression entry keeps the
        // poller from recording them again.
        row.HandledAtUtc = db.UtcNow;
        await db.SaveChangesAsync();
        StatusMessage = $"Candidate #{candidateId} was erased; LinkedIn is told to delete them on the next sync.";
        return RedirectToPage();
    }
}
