using Attract.Core.Access;
using Attract.Core.Data;
using Attract.Core.Jobs;
using Microsoft.EntityFrameworkCore;

namespace Attract.Web.Pages.Jobs;

/// <summary>
/// Loads a job for a page through <see cref="AccessQueries"/>: null (→ 404) when it does not exist or is not visible.
/// Untracked for a page that only reads it (no change-tracking snapshot of the job, its stages and its team).
/// </summary>
public static class JobAccess
{
    public static Task<Job?> FindVisibleJobAsync(this AttractDbContext db, Viewer viewer, int id, bool tracked = true)
    {
        var jobs = db.Jobs.Include(j => j.Stages).Include(j => j.Team).VisibleTo(viewer);
        return (tracked ? jobs : jobs.AsNoTracking()).FirstOrDefaultAsync(j => j.Id == id);
    }
}
