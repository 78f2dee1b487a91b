using System.Security.Claims;
using Attract.Core.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Attract.Web.Pages;

public class IndexModel : PageModel
{
    public string DisplayName { get; private set; } = "";
    public IReadOnlyList<string> Roles { get; private set; } = [];

    public void OnGet()
    {
        DisplayName = User.FindFirstValue(Infrastructure.AttractClaimsPrincipalFactory.DisplayNameClaim) ?? User.FindFirstValue("name") ?? User.Identity?.Name ?? "";
        Roles = Core.Identity.Roles.All.Where(User.IsInRole).ToList();
    }
}
