using LinkedIn.Simulator.Api.Sync;
using static LinkedIn.Simulator.Screens.HtmlPage;

namespace LinkedIn.Simulator.Screens.Widgets;

/// <summary>
/// <c>/xdoor/widgets/hcm</c>: the HcmWidget (profile plugin) iframe — the LinkedIn member a synced candidate matches, Link / Unlink
/// (data-onlink, data-onunlink), and "Not the right person?" search.
/// </summary>
internal static class HcmWidget
{
    private const string Title = "LinkedIn profile";

    private const string LinkScript = """
        var l = document.getElementById('link'); if (l) { l.addEventListener('click', function () { send('link', l.getAttribute('data-urn')); l.textContent = 'Linked'; l.disabled = true; }); }
        var u = document.getElementById('unlink'); if (u) { u.addEventListener('click', function () { if (P.get('confirmUnlink') === 'true' && !confirm('Unlink this LinkedIn profile?')) { return; } send('unlink', u.getAttribute('data-urn')); u.textContent = 'Unlinked'; u.disabled = true; }); }
        """;

    /// <summary>The widget's query: the candidate and context it shows, and the search state ("Not the right person?").</summary>
    private sealed record HcmQuery(string? ApiKey, string? Origin, string? Wid, string? Candidate, string Context, string? Search, string? Q, string? Selected)
    {
        public string BaseUrl => $"/xdoor/widgets/hcm?api_key={U(ApiKey)}&origin={U(Origin)}&wid={U(Wid)}&candidate={U(Candidate)}&context={U(Context)}";
    }

    public static void Map(WebApplication app, Simulation simulation) =>
        app.MapGet("/xdoor/widgets/hcm", (HttpContext ctx, string? api_key, string? origin, string? candidate, string? context, string? search, string? q, string? selected) =>
            Show(ctx, simulation, new HcmQuery(api_key, origin, ctx.Request.Query["wid"], candidate, context ?? SeededWorld.Organization, search, q, selected)));

    private static IResult Show(HttpContext ctx, Simulation simulation, HcmQuery query)
    {
        var (child, error) = WidgetFrame.Check(ctx, simulation, query.ApiKey, query.Origin);
        if (child is null)
        {
            return error!;
        }
        if (!simulation.IsEnabled(child.ClientId, query.Context, "PROFILE_PLUGIN"))
        {
            return Widget(Title, "<p class=\"err\" id=\"widget-error\">The LinkedIn Profile widget (PROFILE_PLUGIN) is not enabled for this company.</p>");
        }
        if (simulation.CurrentMember(ctx) is not (var viewer, _))
        {
            return Widget(Title, WidgetFrame.SignInPrompt(ctx));
        }
        if (!simulation.World.SeatsOf(viewer.Id).Any(s => simulation.World.ContractByUrn(s.Contract)?.Organization == query.Context))
        {
            return Widget(Title, "<p class=\"err\" id=\"widget-error\">You need a LinkedIn Recruiter license of this company to see profiles.</p>");
        }
        var key = RestLi.Canonical(new Dictionary<string, string> { ["atsCandidateId"] = query.Candidate ?? "", ["dataProvider"] = "ATS", ["integrationContext"] = query.Context });
        var candidate = simulation.State.Read(state => state.Entities.Get($"{child.ClientId}|{SyncResources.Candidates.Name}|{key}"));
        if (candidate is null)
        {
            return Widget(Title, $"<p class=\"muted\" id=\"not-synced\">Candidate {E(query.Candidate)} has not been synced to LinkedIn yet.</p>");
        }
        if (query.Search == "1")
        {
            return Widget(Title, SearchForm(simulation, query));
        }
        return Widget(Title, $"{MatchedMember(simulation, candidate, query)}<p><a href=\"{Attr(query.BaseUrl + "&search=1")}\" id=\"not-right-person\">Not the right person?</a></p>", WidgetFrame.Script + LinkScript);
    }

    private static string SearchForm(Simulation simulation, HcmQuery query)
    {
        var results = simulation.World.Search(query.Q).Take(string.IsNullOrWhiteSpace(query.Q) ? 0 : 20);
        var items = Each(results, m => $"<li class=\"search-result\"><a href=\"{Attr($"{query.BaseUrl}&selected={U(m.Id)}")}\" class=\"pick\" data-urn=\"{Attr(m.Urn)}\">{E(m.Name)}</a> <span class=\"muted\">{E(m.Headline)}</span></li>");
        return $"""<h3>Find the right person</h3><form method="get" action="/xdoor/widgets/hcm">{Hidden("api_key", query.ApiKey)}{Hidden("origin", query.Origin)}{Hidden("wid", query.Wid)}{Hidden("candidate", query.Candidate)}{Hidden("context", query.Context)}{Hidden("search", "1")}<input type="text" name="q" id="member-search" value="{Attr(query.Q)}"> <button type="submit" id="member-search-button">Search</button></form><ul>{items}</ul>""";
    }

    /// <summary>The member shown: the one picked in search, else the manual link, else the automatic match — with Link or Unlink.</summary>
    private static string MatchedMember(Simulation simulation, EntityRec candidate, HcmQuery query)
    {
        var (shown, label) = query.Selected is not null && simulation.World.ById.TryGetValue(query.Selected, out var selected) ? (selected, "Selected")
            : candidate.ManualMatchedMember is not null ? (simulation.World.FindByUrn(candidate.ManualMatchedMember), "Linked")
            : (simulation.AutoMatch(JsonExt.Obj(candidate.Json)), "Suggested match");
        if (shown is null)
        {
            return "<p id=\"no-match\">No LinkedIn member matches this candidate.</p>";
        }
        var button = label != "Linked"
            ? $"<button type=\"button\" id=\"link\" data-urn=\"{Attr(shown.Urn)}\">Link</button> "
            : $"<button type=\"button\" class=\"secondary\" id=\"unlink\" data-urn=\"{Attr(shown.Urn)}\">Unlink</button> ";
        var (inmails, notes) = simulation.State.Read(state => (
            state.Events.All.Count(e => e.Prospect == shown.Urn && e.EventType == "INMAIL_SENT"),
            state.ProspectNotes.All.Count(n => n.MemberId == shown.Id && n.Active && n.Visibility == "PUBLIC")));
        return $"""
            <div class="card" id="matched-member" data-urn="{Attr(shown.Urn)}"><span class="muted" id="match-label">{E(label)}</span>
            <h2 id="matched-name">{E(shown.Name)}</h2><p>{E(shown.Headline)}</p><p class="muted">{E(shown.City)}, {E(shown.Region)} · <a href="{Attr(shown.ProfileUrl)}" target="_blank">View profile</a></p>
            {button}<p class="muted" id="activity">Recruiting activity: {inmails} InMail(s), {notes} note(s)</p></div>
            """;
    }
}
