using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Attract.Core.Data;
using Attract.Core.Identity;
using Attract.Web.Infrastructure;
using Attract.Web.Integrations.LinkedIn;
using Attract.Web.Pages.Settings.LinkedIn;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Attract.Web.Pages.Settings;

/// <summary>
/// User settings: every signed-in user's own page, with or without an Attract role. Their profile (a local account edits
/// its name), the password (local accounts, on <c>/Settings/Password</c>), notifications, and their LinkedIn connection.
/// </summary>
[Authorize]
public class IndexModel(AttractDbContext db, IServiceProvider services, IConfiguration config, LinkedInConnector connector,
    LinkedInCapabilities capabilities, ILogger<IndexModel> logger) : PageModel
{
    /// <summary>What the page shows of the user (read with AsNoTracking).</summary>
    public sealed record ProfileView(string DisplayName, string? Email);

    [BindProperty]
    public InputModel Input { get; set; } = new();

    [TempData]
    public string? StatusMessage { get; set; }

    /// <summary>Entra ID accounts: the name and password belong to the Microsoft account.</summary>
    public bool UsesEntra => AuthSetup.IsEntraConfigured(config);

    public ProfileView Profile { get; private set; } = new("", null);

    public LinkedInAccountView LinkedIn { get; private set; } = null!;

    public class InputModel
    {
        [Required(ErrorMessage = "Enter your name."), StringLength(100, ErrorMessage = "Your name can be at most 100 characters.")]
        [Display(Name = "Name")]
        public string DisplayName { get; set; } = "";
    }

    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return Challenge();
        }
        Input.DisplayName = Profile.DisplayName;
        return Page();
    }

    /// <summary>Saves the user's name (local accounts) and refreshes the sign-in so the top bar shows it.</summary>
    public async Task<IActionResult> OnPostProfileAsync(CancellationToken ct)
    {
        if (UsesEntra)
        {
            return BadRequest();
        }
        if (!ModelState.IsValid)
        {
            return await LoadAsync(ct) ? Page() : Challenge();
        }
        var signIn = services.GetRequiredService<SignInManager<AttractUser>>();
        var user = await signIn.UserManager.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }
        user.DisplayName = Input.DisplayName.Trim();
        var result = await signIn.UserManager.UpdateAsync(user);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(string.Empty, error.Description);
            }
            return await LoadAsync(ct) ? Page() : Challenge();
        }
        await signIn.RefreshSignInAsync(user);
        logger.LogInformation("User {UserId} changed their name", user.Id);
        StatusMessage = "Your profile has been saved.";
        return RedirectToPage();
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var profile = await db.Users.AsNoTracking()
            .Where(u => u.Id == UserId)
            .Select(u => new ProfileView(u.DisplayName, u.Email))
            .FirstOrDefaultAsync(ct);
        if (profile is null)
        {
            return false;
        }
        Profile = profile;
        LinkedIn = await LinkedInAccountView.LoadAsync(db, connector, capabilities, UserId, ct);
        return true;
    }
}
