using Attract.Core.Data;
using Attract.Core.Privacy;
using Attract.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Attract.Web.Pages.Admin.Suppressions;

/// <summary>
/// The erasure suppression list: one line per erased candidate (when, by whom, how many keyed hashes of which kind) and
/// "Lift", after which LinkedIn pulls and exports may bring the person in again. Shows no personal data: there is none.
/// </summary>
[Authorize(Policy = Policies.Admin)]
public class IndexModel(AttractDbContext db) : PageModel
{
    public record Row(Guid ErasureId, DateTime ErasedAtUtc, string ErasedBy, int Urns, int Emails, int ProfileUrls);

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    [TempData]
    public string? StatusMessage { get; set; }

    public async Task OnGetAsync()
    {
        var rows = await db.ErasureSuppressions.AsNoTracking()
            .GroupBy(s => s.ErasureId)
            .Select(g => new Row(g.Key, g.Min(s => s.ErasedAtUtc), g.Min(s => s.ErasedByName)!,
                g.Count(s => s.Kind == SuppressionKinds.PersonUrn), g.Count(s => s.Kind == SuppressionKinds.Email), g.Count(s => s.Kind == SuppressionKinds.ProfileUrl)))
            .ToListAsync();
        Rows = rows.OrderByDescending(r => r.ErasedAtUtc).ToList();
    }

    /// <summary>Lifts every hash of one erasure, and records who did it in the activity log.</summary>
    public async Task<IActionResult> OnPostLiftAsync(Guid erasureId)
    {
        var rows = await db.ErasureSuppressions.Where(s => s.ErasureId == erasureId).ToListAsync();
        if (rows.Count == 0)
        {
            return NotFound();
        }
        db.ErasureSuppressions.RemoveRange(rows);
        db.Audit("Suppression", rows[0].Id, "Lifted",
            $"Erasure suppression of {rows[0].ErasedAtUtc:yyyy-MM-dd HH:mm} UTC lifted; LinkedIn pulls and exports may import the person again.", default);
        await db.SaveChangesAsync();
        StatusMessage = "Suppression lifted. LinkedIn pulls and exports may bring this person in again.";
        return RedirectToPage();
    }
}
