using System.ComponentModel.DataAnnotations;
using Attract.Core.Identity;
using Attract.Web.Infrastructure;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Attract.Web.Pages.Account;

[AllowAnonymous]
public class LoginModel(IServiceProvider services, IConfiguration config, ILogger<LoginModel> logger) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public string ReturnUrl { get; private set; } = "/";

    public bool UsesEntra => AuthSetup.IsEntraConfigured(config);

    public class InputModel
    {
        [Required, EmailAddress]
        public string Email { get; set; } = "";

        [Required, DataType(DataType.Password)]
        public string Password { get; set; } = "";

        [Display(Name = "Keep me signed in")]
        public bool RememberMe { get; set; }
    }

    public void OnGet(string? returnUrl = null) => ReturnUrl = SafeReturnUrl(returnUrl);

    public async Task<IActionResult> OnPostAsync(string? returnUrl = null)
    {
        ReturnUrl = SafeReturnUrl(returnUrl);
        if (UsesEntra)
        {
            return BadRequest();
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var signIn = services.GetRequiredService<SignInManager<AttractUser>>();
        var user = await signIn.UserManager.FindByEmailAsync(Input.Email);
        if (user is null)
        {
            // Same work as a wrong password: hash the attempt against a stand-in hash, so response time does not tell
            // whether the account exists.
            signIn.UserManager.PasswordHasher.VerifyHashedPassword(UnknownAccount, UnknownAccountHash(signIn.UserManager.PasswordHasher), Input.Password);
            logger.LogInformation("Sign-in failed: unknown account");
            ModelState.AddModelError(string.Empty, "Invalid email or password.");
            return Page();
        }
        var result = await signIn.PasswordSignInAsync(user, Input.Password, Input.RememberMe, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            logger.LogInformation("User {UserId} signed in", user.Id);
            return LocalRedirect(ReturnUrl);
        }
        if (result.IsLockedOut)
        {
            logger.LogWarning("User {UserId} is locked out", user.Id);
            var until = await signIn.UserManager.GetLockoutEndDateAsync(user);
            var minutes = until is null ? 15 : Math.Max(1, (int)Math.Ceiling((until.Value - DateTimeOffset.UtcNow).TotalMinutes));
            ModelState.AddModelError(string.Empty,
                $"This account is locked after too many failed sign-in attempts. Try again in {minutes} minute(s).");
            return Page();
        }
        logger.LogInformation("Sign-in failed for user {UserId}", user.Id);
        ModelState.AddModelError(string.Empty, "Invalid email or password.");
        return Page();
    }

    public IActionResult OnPostEntra(string? returnUrl = null) =>
        Challenge(new Microsoft.AspNetCore.Authentication.AuthenticationProperties { RedirectUri = SafeReturnUrl(returnUrl) },
            OpenIdConnectDefaults.AuthenticationScheme);

    private static readonly AttractUser UnknownAccount = new() { UserName = "unknown-account" };

    private static string? s_unknownAccountHash;

    private static string UnknownAccountHash(IPasswordHasher<AttractUser> hasher) =>
        s_unknownAccountHash ??= hasher.HashPassword(UnknownAccount, Guid.NewGuid().ToString("N"));

    private string SafeReturnUrl(string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl) && Url.IsLocalUrl(returnUrl) ? returnUrl : "/";
}
