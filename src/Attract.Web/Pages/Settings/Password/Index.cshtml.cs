using System.ComponentModel.DataAnnotations;
using Attract.Core.Identity;
using Attract.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Attract.Web.Pages.Settings.Password;

/// <summary>
/// User settings → Password: a local account changes its own password. The new one must pass the password policy
/// (12 characters or more, not a common password); each refusal is shown on the page. Entra accounts have no local password.
/// </summary>
[Authorize]
public class IndexModel(IServiceProvider services, IConfiguration config, ILogger<IndexModel> logger) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    [TempData]
    public string? StatusMessage { get; set; }

    public bool UsesEntra => AuthSetup.IsEntraConfigured(config);

    public class InputModel
    {
        [Required, DataType(DataType.Password), Display(Name = "Current password")]
        public string CurrentPassword { get; set; } = "";

        [Required, DataType(DataType.Password), Display(Name = "New password")]
        public string NewPassword { get; set; } = "";

        [Required, DataType(DataType.Password), Display(Name = "Confirm the new password")]
        [Compare(nameof(NewPassword), ErrorMessage = "The new password and its confirmation do not match.")]
        public string ConfirmPassword { get; set; } = "";
    }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (UsesEntra)
        {
            return BadRequest();
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var signIn = services.GetRequiredService<SignInManager<AttractUser>>();
        var user = await signIn.UserManager.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }
        var result = await signIn.UserManager.ChangePasswordAsync(user, Input.CurrentPassword, Input.NewPassword);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                var key = error.Code == nameof(IdentityErrorDescriber.PasswordMismatch) ? $"{nameof(Input)}.{nameof(InputModel.CurrentPassword)}" : $"{nameof(Input)}.{nameof(InputModel.NewPassword)}";
                ModelState.AddModelError(key, error.Code == nameof(IdentityErrorDescriber.PasswordMismatch) ? "The current password is not correct." : error.Description);
            }
            return Page();
        }
        await signIn.RefreshSignInAsync(user);
        logger.LogInformation("User {UserId} changed their password", user.Id);
        StatusMessage = "Your password has been changed.";
        return RedirectToPage();
    }
}
