using Attract.Core.Access;
using Attract.Core.Data;
using Attract.Core.Jobs;
using Attract.Core.Pipeline;

namespace Attract.Web.Pages.Prospects;

/// <summary>Prospects waiting for review: active applications in a Prospect stage of jobs the user works on.</summary>
public static class ProspectQueries
{
    public static IQueryable<JobApplication> WaitingProspects(this AttractDbContext db, Viewer viewer) =>
        db.Applications.VisibleTo(viewer)
            .Where(a => a.Status == ApplicationStatus.Active && a.Stage.Kind == StageKind.Prospect && a.CandidateId != null)
            .Where(a => viewer.IsAdmin || a.Job.Team.Any(t => t.UserId == viewer.UserId && t.Role != TeamRole.Interviewer));
}
