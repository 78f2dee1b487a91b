using Attract.Web.Infrastructure;
using Attract.Web.Integrations.LinkedIn.Profile;
using Microsoft.AspNetCore.Mvc;

namespace Attract.Web.Pages.Candidates.LinkedIn;

/// <summary>The candidate's LinkedIn tab (rendered by Candidates/Details): profile widget, InMail and notes history.</summary>
public sealed class LinkedInTabViewComponent(LinkedInTabReader reader) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(int candidateId)
    {
        var tab = await reader.ReadAsync(candidateId, HttpContext.User.ToViewer(), HttpContext.RequestAborted);
        return tab is null ? Content("") : View("~/Pages/Candidates/LinkedIn/_LinkedInTab.cshtml", tab);
    }
}
