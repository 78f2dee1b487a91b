using static LinkedIn.Simulator.Screens.HtmlPage;

namespace LinkedIn.Simulator.Control;

/// <summary><c>/_sim</c> (accounts, partner instances, links) and <c>/_sim/requests/view</c> (the partner request log): the simulator's own pages.</summary>
internal static class ControlPages
{
    private const string Links = "<h2>Links</h2><ul><li><a href=\"/recruiter/search\">LinkedIn Recruiter</a></li><li><a href=\"/recruiter/admin/ats\">Admin Settings → ATS</a></li><li><a href=\"/messaging\">Member messaging</a></li><li><a href=\"/_sim/requests/view\">Request log</a></li><li><a href=\"/_sim/pushes\">Pushes (JSON)</a></li><li><a href=\"/_sim/faults\">Faults (JSON)</a></li></ul>";

    public static void Map(WebApplication app, Simulation simulation)
    {
        app.MapGet("/_sim", (HttpContext ctx) => Home(ctx, simulation));
        app.MapGet("/_sim/requests/view", (HttpContext ctx) => RequestLogPage(ctx, simulation));
    }

    private static IResult Home(HttpContext ctx, Simulation simulation)
    {
        var world = simulation.World;
        var accounts = Each(world.Seats, s => $"<tr><td>{E(world.ById[s.MemberId].Email)}</td><td>{E(s.Urn)}</td><td>{E(world.ContractByUrn(s.Contract)?.Name)}</td><td>{When(s.Admin, "yes")}</td></tr>");
        var partners = simulation.State.Read(state => Each(state.Apps.All.Where(a => !a.IsParent).OrderBy(a => a.Id), a => PartnerRow(state, a)));
        var body = $"""
            <h1>LinkedIn RSC simulator</h1><p class="muted">A local stand-in for LinkedIn Recruiter System Connect. Every account's password is <code>Passw0rd!</code>.</p><h2>Accounts</h2><table id="accounts"><tr><th>Email</th><th>Seat</th><th>Contract</th><th>Admin</th></tr>{accounts}</table><h2>Partner instances (child apps)</h2><table><tr><th>Name</th><th>Client id</th><th>URN</th><th>Integrations</th></tr>{partners}</table>{Links}
            """;
        return Page("Simulator", body, ctx, simulation.CurrentMember(ctx)?.Member);
    }

    private static string PartnerRow(StateStore state, AppRec app)
    {
        var integrations = state.Integrations.All.Where(i => i.ClientId == app.ClientId).Select(i => $"{i.Type}@{i.Context.Split(':')[^1]}: {i.Status}");
        return $"<tr><td>{E(app.Name)}</td><td><code>{E(app.ClientId)}</code></td><td>{E(app.Urn)}</td><td><small>{E(string.Join(", ", integrations))}</small></td></tr>";
    }

    private static IResult RequestLogPage(HttpContext ctx, Simulation simulation)
    {
        var rows = Each(simulation.RequestLog.Newest(300), r =>
            $"<tr><td>{E(DateTimeOffset.FromUnixTimeMilliseconds(r.At).ToString("HH:mm:ss.fff"))}</td><td>{E(r.Method)}</td><td><code>{E(r.Path)}</code></td><td>{E(r.ClientId)}</td><td>{r.Status}</td><td>{r.DurationMs}</td><td><small>{E(string.Join("; ", r.Headers.Select(h => $"{h.Key}: {h.Value}")))}</small></td></tr>");
        var body = $"""
            <h1>Partner request log</h1><p class="muted">Calls to /v2, /rest and /oauth/v2/accessToken (secrets redacted). JSON: <a href="/_sim/requests">/_sim/requests</a></p><table id="request-log"><tr><th>Time (UTC)</th><th>Method</th><th>Path</th><th>App</th><th>Status</th><th>ms</th><th>Headers</th></tr>{rows}</table>
            """;
        return Page("Request log", body, ctx, simulation.CurrentMember(ctx)?.Member);
    }
}
