using System.ComponentModel.DataAnnotations;
using Attract.Core.Data;
using Attract.Core.Pools;
using Attract.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Attract.Web.Pages.Pools;

[Authorize(Policy = Policies.Recruiting)]
public class IndexModel(AttractDbContext db) : PageModel
{
    public record Row(int Id, string Name, string? Description, bool IsSystem, int Members);

    public class InputModel
    {
        [Required, StringLength(100)]
        public string Name { get; set; } = "";

        [StringLength(500)]
        public string? Description { get; set; }
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public IReadOnlyList<Row> Pools { get; private set; } = [];

    [TempData]
    public string? StatusMessage { get; set; }

    public async Task OnGetAsync() => Pools = await db.TalentPools.AsNoTracking().OrderByDescending(p => p.IsSystem).ThenBy(p => p.Name)
        .Select(p => new Row(p.Id, p.Name, p.Description, p.IsSystem, p.Members.Count)).ToListAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        if (ModelState.IsValid && await db.TalentPools.AnyAsync(p => p.Name == Input.Name.Trim()))
        {
            ModelState.AddModelError("Input.Name", "A pool with this name already exists.");
        }
        if (!ModelState.IsValid)
        {
            await OnGetAsync();
            return Page();
        }
        var pool = TalentPool.Create(Input.Name, Input.Description, User.ToViewer().UserId, db.UtcNow);
        db.TalentPools.Add(pool);
        await db.SaveChangesAsync();
        StatusMessage = $"Created pool '{pool.Name}'.";
        return RedirectToPage("./Details", new { id = pool.Id });
    }
}
