using Attract.Core.Data;
using Attract.Core.Jobs;
using Attract.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Attract.Web.Pages.Jobs;

[Authorize(Policy = Policies.Recruiting)]
public class CreateModel(AttractDbContext db) : PageModel
{
    [BindProperty]
    public JobInput Input { get; set; } = new();

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
        Job job;
        for (var attempt = 1; ; attempt++)
        {
            var number = (await db.Jobs.MaxAsync(j => (int?)j.Number) ?? 1000) + 1;
            job = Job.Create(number, Input.Title, Input.Department, db.UtcNow);
            Input.ApplyTo(job);
            job.AssignTeamMember(User.ToViewer().UserId, TeamRole.Recruiter);
            db.Jobs.Add(job);
            try
            {
                await db.SaveChangesAsync();
                break;
            }
            catch (DbUpdateException) when (attempt < 3)
            {
                // Someone took the same Job ID at the same moment (unique index): take the next one.
                db.ChangeTracker.Clear();
            }
        }
        StatusMessage = $"Created {job.Code} as a draft. Activate it when it is ready.";
        return RedirectToPage("./Details", new { id = job.Id });
    }
}
