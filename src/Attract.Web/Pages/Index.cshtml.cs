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
    public int ScorecardsDue { get; private set; }

    /// <summary>The user's open work as a chart: prospects waiting (hiring managers), scorecards due (interviewers); null for other roles.</summary>
    public ChartFigure? OpenWork { get; private set; }

    public async Task OnGetAsync()
    {
        DisplayName = User.DisplayName();
        Roles = Core.Identity.Roles.All.Where(User.IsInRole).ToList();
        var viewer = User.ToViewer();
        var work = new List<(string Label, int Count)>();
        if (viewer.IsHiringManager)
        {
            WaitingProspects = await db.WaitingProspects(viewer).CountAsync();
            work.Add(("Prospects waiting for your review", WaitingProspects));
        }
        if (viewer.IsInterviewer)
        {
            // Active applications past the Prospect stage (and not hired) on the jobs this user interviews for.
            var interviewing = db.Applications.AsNoTracking()
                .Where(a => a.Status == ApplicationStatus.Active && a.CandidateId != null
                    && a.Job.Team.Any(t => t.UserId == viewer.UserId && t.Role == TeamRole.Interviewer)
                    && a.Stage.Kind == StageKind.Standard);
            Interviews = await interviewing
                .OrderBy(a => a.Job.Code).ThenBy(a => a.Candidate!.LastName).Take(50)
                .Select(a => new InterviewRow(a.Id, a.Candidate!.FirstName + " " + a.Candidate.LastName, a.Job.Code, a.Stage.Name,
                    db.Scorecards.Any(s => s.ApplicationId == a.Id && s.InterviewerId == viewer.UserId)))
                .ToListAsync();
            ScorecardsDue = await interviewing.CountAsync(a => !db.Scorecards.Any(s => s.ApplicationId == a.Id && s.InterviewerId == viewer.UserId));
            work.Add(("Scorecards due from you", ScorecardsDue));
        }
        if (work.Count > 0)
        {
            OpenWork = new ChartFigure("open-work", ChartKind.HorizontalBar, "Your open work", "Work",
                [.. work.Select(w => w.Label)], [new ChartSeries("Open", [.. work.Select(w => (double?)w.Count)])])
            { Compact = true };
        }
    }
}
