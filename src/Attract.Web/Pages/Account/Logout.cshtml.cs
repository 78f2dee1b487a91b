using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Attract.Web.Pages.Account;

[AllowAnonymous]
public class LogoutModel(IAuthenticationSchemeProvider schemes) : PageModel
{
    public IActionResult OnGet() => Page();

    public async Task<IActionResult> OnPostAsync()
    {
        foreach (var scheme in new[] { IdentityConstants.ApplicationScheme, CookieAuthenticationDefaults.AuthenticationScheme })
        {
            if (await schemes.GetSchemeAsync(scheme) is not null)
            {
                await HttpContext.SignOutAsync(scheme);
            }
        }
        return RedirectToPage("/Account/Login");
    }
}
