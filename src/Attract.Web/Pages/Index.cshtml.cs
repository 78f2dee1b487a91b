using Attract.Core.Data;
using Attract.Core.Jobs;
using Attract.Core.Pipeline;
using Attract.Web.Infrastructure;
using Attract.Web.Pages.Prospects;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Attract.Web.Pages;

public class IndexModel(AttractDbContext db) : PageModel
{
    public record InterviewRow(int ApplicationId, string Candidate, string JobCode, string Stage, bool Submitted);

    public string DisplayName { get; private set; } = "";
    public IReadOnlyList<string> Roles { get; private set; } = [];
    public int WaitingProspects { get; private set; }
    public IReadOnlyList<InterviewRow> Interviews { get; private set; } = [];

    public async Task OnGetAsync()
    {
        DisplayName = User.DisplayName();
        Roles = Core.Identity.Roles.All.Where(User.IsInRole).ToList();
        var viewer = User.ToViewer();
        if (viewer.IsHiringManager)
        {
            WaitingProspects = await db.WaitingProspects(viewer).CountAsync();
        }
        if (viewer.IsInterviewer)
        {
            // Active applications past the Prospect stage (and not hired) on the jobs this user interviews for.
            Interviews = await db.Applications.AsNoTracking()
                .Where(a => a.Status == ApplicationStatus.Active && a.CandidateId != null
                    && a.Job.Team.Any(t => t.UserId == viewer.UserId && t.Role == TeamRole.Interviewer)
                    && a.Stage.Kind == StageKind.Standard)
                .OrderBy(a => a.Job.Code).ThenBy(a => a.Candidate!.LastName).Take(50)
                .Select(a => new InterviewRow(a.Id, a.Candidate!.FirstName + " " + a.Candidate.LastName, a.Job.Code, a.Stage.Name,
                    db.Scorecards.Any(s => s.ApplicationId == a.Id && s.InterviewerId == viewer.UserId)))
                .ToListAsync();
        }
    }
}
