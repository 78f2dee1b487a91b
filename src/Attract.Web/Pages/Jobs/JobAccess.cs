using Attract.Core.Access;
using Attract.Core.Data;
using Attract.Core.Jobs;
using Microsoft.EntityFrameworkCore;

namespace Attract.Web.Pages.Jobs;

/// <summary>Loads a job for a page through <see cref="AccessQueries"/>: null (→ 404) when it does not exist or is not visible.</summary>
public static class JobAccess
{
    public static Task<Job?> FindVisibleJobAsync(this AttractDbContext db, Viewer viewer, int id) =>
        db.Jobs.Include(j => j.Stages).Include(j => j.Team).VisibleTo(viewer).FirstOrDefaultAsync(j => j.Id == id);
}
