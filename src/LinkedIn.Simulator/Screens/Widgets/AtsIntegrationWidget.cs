using System.Text.Json.Nodes;
using static LinkedIn.Simulator.Screens.HtmlPage;

namespace LinkedIn.Simulator.Screens.Widgets;

/// <summary>
/// <c>/xdoor/widgets/ats-integration</c>: the ATSIntegrationWidget iframe where a Recruiter admin requests the company or contract bundle
/// (<c>…/request</c>, <c>…/notify</c>); the requestIds go back to the partner page through data-onintegrate.
/// </summary>
internal static class AtsIntegrationWidget
{
    private const string Title = "Recruiter System Connect";

    private const string ButtonsScript = """
        document.querySelectorAll('button[data-action]').forEach(function (b) {
          b.addEventListener('click', async function () {
            b.disabled = true;
            var r = await post('/xdoor/widgets/ats-integration/' + b.getAttribute('data-action'), { bundle: b.getAttribute('data-bundle'), context: b.getAttribute('data-context') });
            if (r.ok && r.data) { send('integrate', r.data.integrations); }
            setTimeout(function () { location.reload(); }, 150);
          });
        });
        """;

    public static void Map(WebApplication app, Simulation simulation, MemberActions actions)
    {
        app.MapGet("/xdoor/widgets/ats-integration", (HttpContext ctx, string? api_key, string? origin, string? types) => Show(ctx, simulation, actions, api_key, origin, types));
        app.MapPost("/xdoor/widgets/ats-integration/{action}", (HttpContext ctx, string action) => RequestAsync(ctx, simulation, actions, action));
    }

    private static IResult Show(HttpContext ctx, Simulation simulation, MemberActions actions, string? apiKey, string? origin, string? types)
    {
        var (child, error) = WidgetFrame.Check(ctx, simulation, apiKey, origin);
        if (child is null)
        {
            return error!;
        }
        if (simulation.CurrentMember(ctx) is not (var member, _))
        {
            return Widget(Title, WidgetFrame.SignInPrompt(ctx));
        }
        var adminSeats = simulation.World.SeatsOf(member.Id).Where(s => s.Admin).ToList();
        if (adminSeats.Count == 0)
        {
            return Widget(Title, $"<h2>Recruiter System Connect</h2><p class=\"err\" id=\"not-admin\">{E(member.Name)}, only a LinkedIn Recruiter admin can set up Recruiter System Connect.</p>");
        }
        var supported = (types ?? $"{MemberActions.CompanyBundle},{MemberActions.ContractBundle}").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var companyRow = When(supported.Contains(MemberActions.CompanyBundle), Row(actions, child, "Company-level access", MemberActions.CompanyBundle, SeededWorld.Organization, "company"));
        var contractRows = When(supported.Contains(MemberActions.ContractBundle), Each(adminSeats.Select(s => simulation.World.ContractByUrn(s.Contract)!), contract =>
            Row(actions, child, $"Contract-level access — {contract.Name}", MemberActions.ContractBundle, contract.Urn, "contract-" + contract.Urn.Split(':')[^1])));
        var body = $"<h2>Recruiter System Connect</h2><p class=\"muted\">Connect {E(child.Name)} with LinkedIn Recruiter. Signed in as {E(member.Name)}.</p><table>{companyRow}{contractRows}</table>";
        return Widget(Title, body, WidgetFrame.Script + ButtonsScript);
    }

    private static string Row(MemberActions actions, AppRec app, string label, string bundle, string context, string idPart)
    {
        var state = actions.BundleState(app.ClientId, bundle, context);
        var control = state switch
        {
            "Request" => $"<button type=\"button\" id=\"request-{Attr(idPart)}\" data-action=\"request\" data-bundle=\"{Attr(bundle)}\" data-context=\"{Attr(context)}\">Request</button>",
            "Notify partner" => $"<button type=\"button\" id=\"notify-{Attr(idPart)}\" data-action=\"notify\" data-bundle=\"{Attr(bundle)}\" data-context=\"{Attr(context)}\">Notify partner</button>",
            "Requested" => "<button type=\"button\" disabled>Requested</button>",
            "Partner ready" => "<span class=\"muted\">Turn it on in Recruiter: Admin Settings → ATS</span>",
            _ => "",
        };
        return $"<tr class=\"bundle\"><td><b>{E(label)}</b></td><td class=\"state\" id=\"state-{Attr(idPart)}\">{E(actions.ShownState(app.ClientId, bundle, context))}</td><td>{control}</td></tr>";
    }

    /// <summary>The admin's Request or Notify partner click: marks the bundle REQUESTED and answers the integrations for data-onintegrate.</summary>
    private static async Task<IResult> RequestAsync(HttpContext ctx, Simulation simulation, MemberActions actions, string action)
    {
        var (body, bodyError) = await RestLi.ReadBody(ctx);
        if (body is null)
        {
            return bodyError!;
        }
        var (child, _) = WidgetFrame.Check(ctx, simulation, body.Str("api_key"), body.Str("origin"));
        if (child is null)
        {
            return RestLi.Forbidden("Invalid api_key or origin");
        }
        if (simulation.CurrentMember(ctx) is not (var member, _))
        {
            return RestLi.Error(401, "INVALID_ACCESS_TOKEN", "Sign in to LinkedIn");
        }
        var bundle = body.Str("bundle") ?? "";
        var context = body.Str("context") ?? "";
        var adminOf = simulation.World.SeatsOf(member.Id).Where(s => s.Admin).Select(s => s.Contract).ToList();
        var allowed = bundle == MemberActions.CompanyBundle ? context == SeededWorld.Organization && adminOf.Count > 0 : bundle == MemberActions.ContractBundle && adminOf.Contains(context);
        if (!allowed || action is not ("request" or "notify"))
        {
            return RestLi.Forbidden("Only a Recruiter admin of this contract can request the integration");
        }
        return RestLi.Json(new JsonObject { ["integrations"] = actions.RequestBundle(child, bundle, context) });
    }
}
