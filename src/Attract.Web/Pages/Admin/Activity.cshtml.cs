using Attract.Core.Data;
using Attract.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Attract.Web.Pages.Admin;

/// <summary>The whole activity log, newest first, paged by id (keyset) so it stays fast however long the log grows.</summary>
[Authorize(Policy = Policies.Admin)]
public class ActivityModel(AttractDbContext db) : PageModel
{
    public const int PageSize = 50;

    public record Row(long Id, DateTime AtUtc, string Actor, string EntityType, long EntityId, string Action, string Description, int? JobId, int? CandidateId, int? ApplicationId);

    [BindProperty(SupportsGet = true)]
    public string? Type { get; set; }

    [BindProperty(SupportsGet = true)]
    public long? Before { get; set; }

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var query = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(Type))
        {
            query = query.Where(a => a.EntityType == Type);
        }
        if (Before is { } before)
        {
            query = query.Where(a => a.Id < before);
        }
        Rows = await query.OrderByDescending(a => a.Id).Take(PageSize)
            .Select(a => new Row(a.Id, a.AtUtc, a.ActorName, a.EntityType, a.EntityId, a.Action, a.Description, a.JobId, a.CandidateId, a.ApplicationId))
            .ToListAsync();
    }
}
