using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Attract.Web.Pages;

/// <summary>Friendly page for error status codes; the original status code is kept.</summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
public class StatusModel : PageModel
{
    public string Title { get; private set; } = "";
    public string Message { get; private set; } = "";

    public void OnGet(int code) => Describe(code);

    public void OnPost(int code) => Describe(code);

    private void Describe(int code) => (Title, Message) = code switch
    {
        403 => ("Access denied", "Your role does not allow this page or action."),
        404 => ("Not found", "There is nothing here. It may have been removed."),
        400 => ("Bad request", "The request could not be understood. Reload the page and try again."),
        429 => ("Too many requests", "Too many attempts in a short time. Wait a minute, then try again."),
        _ => ($"Error {code}", "Something went wrong."),
    };
}
