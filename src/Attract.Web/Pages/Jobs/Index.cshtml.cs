using Attract.Core.Access;
using Attract.Core.Data;
using Attract.Core.Jobs;
using Attract.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Attract.Web.Pages.Jobs;

public class IndexModel(AttractDbContext db, JobListCounts counts) : PageModel
{
    public record JobRow(int Id, string Code, string Title, string Department, string City, string Country, JobStatus Status, int Active, bool HasProspect);

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public JobStatus? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Department { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Mine { get; set; }

    public IReadOnlyList<JobRow> Jobs { get; private set; } = [];

    public IReadOnlyList<string> Departments { get; private set; } = [];

    public bool CanCreate { get; private set; }

    public async Task OnGetAsync()
    {
        var viewer = User.ToViewer();
        CanCreate = viewer.IsRecruiting;
        var visible = db.Jobs.AsNoTracking().VisibleTo(viewer);
        Departments = await visible.Select(j => j.Department).Distinct().OrderBy(d => d).ToListAsync();
        var query = visible;
        if (!string.IsNullOrWhiteSpace(Q))
        {
            var q = Q.Trim();
            query = query.Where(j => j.Title.Contains(q) || j.Code.Contains(q));
        }
        if (Status is { } status)
        {
            query = query.Where(j => j.Status == status);
        }
        if (!string.IsNullOrWhiteSpace(Department))
        {
            query = query.Where(j => j.Department == Department);
        }
        if (Mine)
        {
            query = query.Where(j => j.Team.Any(t => t.UserId == viewer.UserId));
        }
        var rows = await query.OrderBy(j => j.Status).ThenByDescending(j => j.Number)
            .Select(j => new JobRow(j.Id, j.Code, j.Title, j.Department, j.City, j.Country, j.Status, 0,
                j.Stages.Any(s => s.Kind == StageKind.Prospect)))
            .ToListAsync();
        var active = await counts.GetAsync(db);
        Jobs = rows.Select(j => j with { Active = active.GetValueOrDefault(j.Id) }).ToList();
    }
}
