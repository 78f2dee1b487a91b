using Attract.Web.Infrastructure;
using Attract.Web.Integrations.LinkedIn.Profile;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Attract.Web.Pages.Candidates.LinkedIn;

/// <summary>
/// The profile widget's callbacks (<c>data-onlink</c> / <c>data-onunlink</c>) post here with the antiforgery header;
/// answers JSON, or RFC 7807 problem details on bad input or a LinkedIn refusal.
/// </summary>
[Authorize(Policy = Policies.Recruiting)]
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(RateLimitSetup.LinkedInJsonPolicy)]
public class LinkModel(LinkedInProfileLinker linker) : PageModel
{
    public IActionResult OnGet(int id) => RedirectToPage("/Candidates/Details", new { id, tab = "linkedin" });

    public Task<IActionResult> OnPostLinkAsync(int id, [FromForm] string? personUrn) =>
        string.IsNullOrWhiteSpace(personUrn)
            ? Task.FromResult<IActionResult>(Problem(StatusCodes.Status400BadRequest, "personUrn is required."))
            : SetAsync(id, personUrn.Trim());

    public Task<IActionResult> OnPostUnlinkAsync(int id) => SetAsync(id, null);

    private async Task<IActionResult> SetAsync(int id, string? personUrn)
    {
        var outcome = await linker.SetAsync(id, User.ToViewer(), personUrn, HttpContext.RequestAborted);
        return outcome.Ok ? new JsonResult(new { personUrn = outcome.PersonUrn }) : Problem(outcome.Status, outcome.Error!);
    }

    private ObjectResult Problem(int status, string detail) => new(new ProblemDetails
    {
        Status = status,
        Title = status == StatusCodes.Status400BadRequest ? "Invalid LinkedIn member" : "The LinkedIn match was not saved",
        Detail = detail,
        Instance = Request.Path,
    })
    {
        StatusCode = status,
        ContentTypes = { "application/problem+json" },
    };
}
