using Attract.Core.Access;
using Attract.Core.Common;
using Attract.Core.Data;
using Attract.Core.Jobs;
using Attract.Core.Pipeline;
using Attract.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Attract.Web.Pages.Prospects;

/// <summary>Prospect review: hiring managers advance or reject prospects of their jobs, one at a time or in bulk.</summary>
[Authorize(Policy = Policies.HiringTeam)]
public class IndexModel(AttractDbContext db) : PageModel
{
    public record Row(int ApplicationId, int CandidateId, string Name, string? Title, string? Company, string Source, string? Summary, string JobCode, string JobTitle, string? NextStage);

    public record JobRow(int Id, string Code, string Title);

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public IReadOnlyList<JobRow> JobsWithoutProspectStage { get; private set; } = [];

    [TempData]
    public string? StatusMessage { get; set; }

    public async Task OnGetAsync()
    {
        var viewer = User.ToViewer();
        var rows = await db.WaitingProspects(viewer).AsNoTracking()
            .OrderBy(a => a.Job.Code).ThenBy(a => a.CreatedAtUtc).Take(500)
            .Select(a => new
            {
                a.Id,
                CandidateId = a.CandidateId!.Value,
                a.Candidate!.FirstName,
                a.Candidate.LastName,
                a.Candidate.CurrentTitle,
                a.Candidate.CurrentCompany,
                a.Candidate.Source,
                a.Candidate.Summary,
                a.Job.Code,
                a.Job.Title,
                Next = a.Job.Stages.Where(s => s.Order > a.Stage.Order).OrderBy(s => s.Order).Select(s => s.Name).FirstOrDefault(),
            })
            .ToListAsync();
        Rows = rows.Select(r => new Row(r.Id, r.CandidateId, $"{r.FirstName} {r.LastName}", r.CurrentTitle, r.CurrentCompany, r.Source, r.Summary, r.Code, r.Title, r.Next)).ToList();
        JobsWithoutProspectStage = await db.Jobs.AsNoTracking().VisibleTo(viewer)
            .Where(j => j.Status == JobStatus.Active && !j.Stages.Any(s => s.Kind == StageKind.Prospect))
            .Where(j => viewer.IsAdmin || j.Team.Any(t => t.UserId == viewer.UserId && t.Role != TeamRole.Interviewer))
            .OrderBy(j => j.Code).Select(j => new JobRow(j.Id, j.Code, j.Title)).ToListAsync();
    }

    public Task<IActionResult> OnPostAdvanceAsync(int[] applicationIds) =>
        ApplyAsync(applicationIds, a => a.Advance(db.Actor, db.UtcNow), n => $"Advanced {n} prospect(s).");

    public Task<IActionResult> OnPostRejectAsync(int[] applicationIds, string? reason) =>
        string.IsNullOrWhiteSpace(reason)
            ? Fail("Choose a reason for the rejection.")
            : ApplyAsync(applicationIds, a => a.Reject(reason, db.Actor, db.UtcNow), n => $"Rejected {n} prospect(s).");

    private async Task<IActionResult> ApplyAsync(int[] applicationIds, Action<JobApplication> action, Func<int, string> message)
    {
        if (applicationIds.Length == 0)
        {
            return await Fail("Select at least one prospect.");
        }
        var ids = applicationIds.Distinct().ToList();
        var applications = await db.WaitingProspects(User.ToViewer())
            .Include(a => a.Job).ThenInclude(j => j.Stages).Include(a => a.Stage)
            .Where(a => ids.Contains(a.Id)).ToListAsync();
        if (applications.Count != ids.Count)
        {
            return NotFound();
        }
        try
        {
            applications.ForEach(action);
            await db.SaveChangesAsync();
        }
        catch (DomainException ex)
        {
            return await Fail(ex.Message);
        }
        StatusMessage = message(applications.Count);
        return RedirectToPage();
    }

    private Task<IActionResult> Fail(string message)
    {
        TempData["ErrorMessage"] = message;
        return Task.FromResult<IActionResult>(RedirectToPage());
    }
}
