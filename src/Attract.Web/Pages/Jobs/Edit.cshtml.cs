using Attract.Core.Access;
using Attract.Core.Data;
using Attract.Core.Jobs;
using Attract.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Attract.Web.Pages.Jobs;

public class EditModel(AttractDbContext db) : PageModel
{
    [BindProperty]
    public JobInput Input { get; set; } = new();

    public string Code { get; private set; } = "";

    [TempData]
    public string? StatusMessage { get; set; }

    public async Task<IActionResult> OnGetAsync(int id)
    {
        var (job, refusal) = await FindManageableAsync(id);
        if (job is null)
        {
            return refusal!;
        }
        Input = JobInput.From(job);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id)
    {
        var (job, refusal) = await FindManageableAsync(id);
        if (job is null)
        {
            return refusal!;
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        db.Entry(job).Property(j => j.Version).OriginalValue = Input.Version;
        Input.ApplyTo(job);
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateConcurrencyException)
        {
            ModelState.AddModelError(string.Empty, Concurrency.Message);
            Input.Version = (await db.Jobs.AsNoTracking().FirstAsync(j => j.Id == id)).Version;
            ModelState.Remove("Input.Version");
            return Page();
        }
        StatusMessage = $"Saved {job.Code}.";
        return RedirectToPage("./Details", new { id });
    }

    /// <summary>The job when the user may manage it; otherwise 404 (not visible) or 403 (visible, not theirs to manage).</summary>
    private async Task<(Job? Job, IActionResult? Refusal)> FindManageableAsync(int id)
    {
        var job = await db.Jobs.Include(j => j.Team).VisibleTo(User.ToViewer()).FirstOrDefaultAsync(j => j.Id == id);
        if (job is null)
        {
            return (null, NotFound());
        }
        if (!User.ToViewer().CanManage(job))
        {
            return (null, Forbid());
        }
        Code = job.Code;
        return (job, null);
    }
}
