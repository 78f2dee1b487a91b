using System.ComponentModel.DataAnnotations;
using Attract.Core.Access;
using Attract.Core.Common;
using Attract.Core.Data;
using Attract.Core.Jobs;
using Attract.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Attract.Web.Pages.Jobs;

/// <summary>Edits a job's hiring process: add, rename, reorder and remove stages (moving applications out first).</summary>
public class StagesModel(AttractDbContext db) : PageModel
{
    public record StageRow(int Id, string Name, StageKind Kind, int Applications);

    public Job Job { get; private set; } = null!;

    public IReadOnlyList<StageRow> Stages { get; private set; } = [];

    [BindProperty, Required, StringLength(100), Display(Name = "New stage")]
    public string? NewStage { get; set; }

    [BindProperty, Display(Name = "Prospect stage")]
    public bool NewIsProspect { get; set; }

    [TempData]
    public string? StatusMessage { get; set; }

    public async Task<IActionResult> OnGetAsync(int id) => await LoadAsync(id) ?? Page();

    public async Task<IActionResult> OnPostAddAsync(int id)
    {
        if (await LoadAsync(id) is { } denied)
        {
            return denied;
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        return await SaveAsync(id, () => Job.AddStage(NewStage!, NewIsProspect ? StageKind.Prospect : StageKind.Standard), $"Added stage '{NewStage}'.");
    }

    public Task<IActionResult> OnPostRenameAsync(int id, int stageId, string name) =>
        ChangeAsync(id, () => Job.RenameStage(stageId, name ?? ""), "Stage renamed.");

    public Task<IActionResult> OnPostMoveAsync(int id, int stageId, int offset) =>
        ChangeAsync(id, () => Job.MoveStage(stageId, offset), "Stages reordered.");

    public async Task<IActionResult> OnPostRemoveAsync(int id, int stageId, int? moveToStageId)
    {
        if (await LoadAsync(id) is { } denied)
        {
            return denied;
        }
        return await SaveAsync(id, async () =>
        {
            var applications = await db.Applications.Include(a => a.Job).Include(a => a.Stage)
                .Where(a => a.JobId == id && a.StageId == stageId).ToListAsync();
            if (applications.Count > 0 && moveToStageId is { } targetId && targetId != stageId)
            {
                var target = Job.StageById(targetId);
                foreach (var application in applications)
                {
                    application.Relocate(target, db.Actor, db.UtcNow);
                }
                applications.Clear();
            }
            Job.RemoveStage(stageId, applications.Count);
        }, "Stage removed.");
    }

    private Task<IActionResult> ChangeAsync(int id, Action change, string message) =>
        ChangeAsync(id, () => { change(); return Task.CompletedTask; }, message);

    private async Task<IActionResult> ChangeAsync(int id, Func<Task> change, string message) =>
        await LoadAsync(id) ?? await SaveAsync(id, change, message);

    private Task<IActionResult> SaveAsync(int id, Action change, string message) =>
        SaveAsync(id, () => { change(); return Task.CompletedTask; }, message);

    private async Task<IActionResult> SaveAsync(int id, Func<Task> change, string message)
    {
        try
        {
            await change();
            await db.SaveChangesAsync();
            StatusMessage = message;
            return RedirectToPage(new { id });
        }
        catch (DomainException ex)
        {
            ModelState.AddModelError(string.Empty, ex.Message);
        }
        catch (DbUpdateConcurrencyException)
        {
            ModelState.AddModelError(string.Empty, Concurrency.Message);
        }
        db.ChangeTracker.Clear();
        if (NewStage is null)
        {
            ModelState.Remove(nameof(NewStage));
        }
        await LoadAsync(id);
        return Page();
    }

    /// <summary>Loads the job and stage rows; returns a 404/403 result when the user may not edit it.</summary>
    private async Task<IActionResult?> LoadAsync(int id)
    {
        var job = await db.FindVisibleJobAsync(User.ToViewer(), id);
        if (job is null)
        {
            return NotFound();
        }
        if (!User.ToViewer().CanManage(job))
        {
            return Forbid();
        }
        Job = job;
        var counts = await db.Applications.AsNoTracking().Where(a => a.JobId == id).GroupBy(a => a.StageId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count);
        Stages = job.OrderedStages.Select(s => new StageRow(s.Id, s.Name, s.Kind, counts.GetValueOrDefault(s.Id))).ToList();
        return null;
    }
}
