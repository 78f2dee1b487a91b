using Attract.Core.Data;
using Attract.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Attract.Web.Pages.Admin;

[Authorize(Policy = Policies.Admin)]
public class IndexModel(AttractDbContext db, TimeProvider clock) : PageModel
{
    public record UserRow(string DisplayName, string? Email, IReadOnlyList<string> Roles, bool LockedOut);

    public IReadOnlyList<UserRow> Users { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var now = clock.GetUtcNow();
        var rows = await db.Users.AsNoTracking()
            .OrderBy(u => u.DisplayName)
            .Select(u => new
            {
                u.DisplayName,
                u.Email,
                u.LockoutEnd,
                Roles = db.UserRoles.Where(ur => ur.UserId == u.Id)
                    .Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => r.Name!).ToList(),
            })
            .ToListAsync();
        Users = rows.Select(r => new UserRow(r.DisplayName, r.Email, r.Roles, r.LockoutEnd > now)).ToList();
    }
}
