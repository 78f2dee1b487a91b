using static LinkedIn.Simulator.Screens.HtmlPage;

namespace LinkedIn.Simulator.Screens;

/// <summary>
/// <c>/recruiter/admin/ats</c>: Admin Settings → ATS, where a Recruiter admin turns each partner's company-level and contract-level access
/// on or off (<c>/recruiter/admin/ats/toggle</c>).
/// </summary>
internal static class AdminAtsScreen
{
    public static void Map(WebApplication app, Simulation simulation, MemberActions actions)
    {
        app.MapGet("/recruiter/admin", () => Results.Redirect("/recruiter/admin/ats"));
        app.MapGet("/recruiter/admin/ats", (HttpContext ctx, string? msg) => Show(ctx, simulation, actions, msg));
        app.MapPost("/recruiter/admin/ats/toggle", (Delegate)((HttpContext ctx) => ToggleAsync(ctx, simulation, actions)));
    }

    private const string Heading = "<h1>Admin Settings</h1><div class=\"tabs\"><a href=\"#\" class=\"muted\">Product settings</a><a href=\"#\" class=\"muted\">Users</a><a href=\"/recruiter/admin/ats\" id=\"ats-tab\">ATS</a></div>";

    private static IResult Show(HttpContext ctx, Simulation simulation, MemberActions actions, string? message)
    {
        if (ScreenViewer.Current(ctx, simulation) is not { } viewer)
        {
            return ScreenViewer.ToLogin(ctx);
        }
        var adminSeats = simulation.World.SeatsOf(viewer.Member.Id).Where(s => s.Admin).ToList();
        if (adminSeats.Count == 0)
        {
            return Page("Admin Settings", $"{Heading}<p class=\"err\" id=\"not-admin\">You need to be a Recruiter admin to manage ATS integrations.</p>", ctx, viewer.Member);
        }
        var contexts = adminSeats.Select(s => s.Contract).Append(SeededWorld.Organization).ToHashSet();
        var partners = simulation.State.Read(state => state.Integrations.All.Where(i => contexts.Contains(i.Context) && i.Status != "NOT_REQUESTED").Select(i => i.ClientId).Distinct()
            .Select(id => state.Apps.Get(id)).OfType<AppRec>().OrderBy(a => a.Id).ToList());
        var body = $"""
            {Heading}{Message(message)}<p class="muted">Recruiter System Connect partners. Turning on access lets the ATS exchange data with LinkedIn Recruiter.</p>{When(partners.Count == 0, "<p id=\"no-partners\">No ATS partner has requested an integration yet. Use the ATS's integration widget to request one.</p>")}{Each(partners, p => Partner(simulation, actions, p, adminSeats))}
            """;
        return Page("Admin Settings – ATS", body, ctx, viewer.Member);
    }

    private static string Partner(Simulation simulation, MemberActions actions, AppRec app, List<Seat> adminSeats)
    {
        var contractRows = Each(adminSeats.Select(s => simulation.World.ContractByUrn(s.Contract)!), contract =>
            ToggleRow(actions, app, $"Contract-level access — {contract.Name}", MemberActions.ContractBundle, contract.Urn, "contract-" + contract.Urn.Split(':')[^1], "All Company-level features, plus Recruiter seats, InMail history, notes, stub profiles (CSA_API)"));
        var names = Each(Simulation.OrgTypes.Select(t => simulation.GetIntegration(app.ClientId, SeededWorld.Organization, t)).Where(i => !string.IsNullOrEmpty(i.Name)),
            i => $"<p class=\"muted integration-name\">{E(i.Type)}: {E(i.Name)}</p>");
        var companyRow = ToggleRow(actions, app, "Company-level access", MemberActions.CompanyBundle, SeededWorld.Organization, "company", "In-ATS indicator, 1-Click Export, Profile widget (also included in Contract-level access)");
        return $"<div class=\"card partner\" data-client=\"{Attr(app.ClientId)}\"><h2>{E(app.Name)}</h2><table>{companyRow}{contractRows}</table>{names}</div>";
    }

    private static string ToggleRow(MemberActions actions, AppRec app, string label, string bundle, string context, string idPart, string what)
    {
        var on = actions.BundleState(app.ClientId, bundle, context) == "Enabled";
        var state = actions.ShownState(app.ClientId, bundle, context);
        if (state == "Request")
        {
            state = "Not requested";
        }
        var can = actions.CanToggle(app.ClientId, bundle, context);
        var id = $"toggle-{idPart}-{app.ClientId}";
        return $"""
            <tr><td><b>{E(label)}</b><br><span class="muted">{E(what)}</span></td><td class="state" id="state-{Attr(idPart)}-{Attr(app.ClientId)}">{E(state)}</td>
            <td><form method="post" action="/recruiter/admin/ats/toggle">{Hidden("client", app.ClientId)}{Hidden("bundle", bundle)}{Hidden("context", context)}{Hidden("enable", on ? "false" : "true")}
            <button type="submit" id="{Attr(id)}" role="switch" aria-checked="{(on ? "true" : "false")}"{When(!can, " disabled")}>{(on ? "Turn off" : "Turn on")}</button></form></td></tr>
            """;
    }

    private static async Task<IResult> ToggleAsync(HttpContext ctx, Simulation simulation, MemberActions actions)
    {
        if (ScreenViewer.Current(ctx, simulation) is not { } viewer)
        {
            return ScreenViewer.ToLogin(ctx);
        }
        var form = await ctx.Request.ReadFormAsync();
        var bundle = form["bundle"].ToString();
        var context = form["context"].ToString();
        var adminOf = simulation.World.SeatsOf(viewer.Member.Id).Where(s => s.Admin).Select(s => s.Contract).ToList();
        if (adminOf.Count == 0 || (bundle == MemberActions.ContractBundle && !adminOf.Contains(context)) || (bundle == MemberActions.CompanyBundle && context != SeededWorld.Organization))
        {
            return Error("Forbidden", "Only a Recruiter admin of this contract can change ATS integrations.", 403);
        }
        var app = simulation.State.Read(state => state.Apps.Get(form["client"].ToString()));
        if (app is null)
        {
            return Error("Not found", "No such ATS", 404);
        }
        var refusal = actions.Toggle(app, bundle, context, form["enable"] == "true");
        return Results.Redirect($"/recruiter/admin/ats?msg={U(refusal ?? "Saved.")}");
    }
}
