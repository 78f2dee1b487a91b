using Attract.Core.Access;
using Attract.Core.Common;
using Attract.Core.Data;
using Attract.Core.Jobs;
using Attract.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Attract.Web.Pages.Jobs;

public class DetailsModel(AttractDbContext db, PipelineReads reads) : PageModel
{
    public record StageRow(int Id, string Name, StageKind Kind, int Active, int Rejected);

    public record MemberRow(string UserId, string Name, string? Email, TeamRole Role);

    public record UserOption(string Id, string Label);

    public record ActivityRow(DateTime AtUtc, string Actor, string Description);

    public Job Job { get; private set; } = null!;

    public IReadOnlyList<StageRow> Stages { get; private set; } = [];

    public IReadOnlyList<MemberRow> Team { get; private set; } = [];

    public IReadOnlyList<UserOption> Users { get; private set; } = [];

    public IReadOnlyList<ActivityRow> Activity { get; private set; } = [];

    public ChartFigure Funnel { get; private set; } = null!;

    public bool CanManage { get; private set; }

    [TempData]
    public string? StatusMessage { get; set; }

    public async Task<IActionResult> OnGetAsync(int id)
    {
        var job = await db.FindVisibleJobAsync(User.ToViewer(), id);
        if (job is null)
        {
            return NotFound();
        }
        Job = job;
        CanManage = User.ToViewer().CanManage(job);
        // shared for a few seconds (PipelineReads); read afresh on the page after this user's own change
        var stats = await reads.Stats.GetAsync(id, () => JobStats.ReadAsync(db, id), fresh: StatusMessage is not null || TempData.ContainsKey("ErrorMessage"));
        var stages = job.OrderedStages.ToList();
        Stages = [.. stages.Select(s => new StageRow(s.Id, s.Name, s.Kind, stats.CountsOf(s).Active, stats.CountsOf(s).Rejected))];
        Funnel = StageFunnel.Chart(StageFunnel.Compute(stages, stats.Spans));
        Team = await db.JobTeamMembers.AsNoTracking().Where(t => t.JobId == id).OrderBy(t => t.Role).ThenBy(t => t.User.DisplayName)
            .Select(t => new MemberRow(t.UserId, t.User.DisplayName, t.User.Email, t.Role)).ToListAsync();
        Activity = await db.AuditEntries.AsNoTracking().Where(a => a.JobId == id && a.ApplicationId == null).OrderByDescending(a => a.Id).Take(20)
            .Select(a => new ActivityRow(a.AtUtc, a.ActorName, a.Description)).ToListAsync();
        if (CanManage)
        {
            Users = await db.Users.AsNoTracking().OrderBy(u => u.DisplayName)
                .Select(u => new UserOption(u.Id, u.DisplayName + " (" + u.Email + ")")).ToListAsync();
        }
        return Page();
    }

    public Task<IActionResult> OnPostActivateAsync(int id) => ChangeAsync(id, job => job.Activate(db.UtcNow), job => $"{job.Code} is active.");

    public Task<IActionResult> OnPostCloseAsync(int id) => ChangeAsync(id, job => job.Close(db.UtcNow), job => $"{job.Code} is closed.");

    public Task<IActionResult> OnPostAddMemberAsync(int id, string userId, TeamRole role) =>
        ChangeAsync(id, job =>
        {
            if (!db.Users.Any(u => u.Id == userId))
            {
                throw new DomainException("Choose a user to add to the hiring team.");
            }
            job.AssignTeamMember(userId, role);
        }, _ => "Hiring team updated.");

    public Task<IActionResult> OnPostRemoveMemberAsync(int id, string userId, TeamRole role) =>
        ChangeAsync(id, job => job.RemoveTeamMember(userId, role), _ => "Hiring team updated.");

    private async Task<IActionResult> ChangeAsync(int id, Action<Job> change, Func<Job, string> message)
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
        try
        {
            change(job);
            await db.SaveChangesAsync();
            StatusMessage = message(job);
        }
        catch (DomainException ex)
        {
            TempData["ErrorMessage"] = ex.Message;
        }
        catch (DbUpdateException)
        {
            TempData["ErrorMessage"] = Concurrency.Message;
        }
        return RedirectToPage(new { id });
    }

    public static string RoleLabel(TeamRole role) => role switch
    {
        TeamRole.HiringManager => "Hiring manager",
        _ => role.ToString(),
    };

    public static IEnumerable<TeamRole> TeamRoles => Enum.GetValues<TeamRole>();

}
