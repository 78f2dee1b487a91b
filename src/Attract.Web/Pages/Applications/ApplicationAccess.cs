using Attract.Core.Access;
using Attract.Core.Data;
using Attract.Core.Pipeline;
using Microsoft.EntityFrameworkCore;

namespace Attract.Web.Pages.Applications;

/// <summary>Loads an application (with job, stages, team and candidate) through <see cref="AccessQueries"/>: null → 404.</summary>
public static class ApplicationAccess
{
    public static Task<JobApplication?> FindVisibleApplicationAsync(this AttractDbContext db, Viewer viewer, int id) =>
        db.Applications.Include(a => a.Job).ThenInclude(j => j.Stages).Include(a => a.Job.Team)
            .Include(a => a.Stage).Include(a => a.Candidate)
            .VisibleTo(viewer).FirstOrDefaultAsync(a => a.Id == id);
}
