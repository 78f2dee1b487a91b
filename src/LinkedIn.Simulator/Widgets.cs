using System.Text;
using System.Text.Json.Nodes;
using static LinkedIn.Simulator.Html;

namespace LinkedIn.Simulator;

/// <summary>The JS SDK emulation (in.js) and the widget iframes (ATSIntegrationWidget, HcmWidget).</summary>
internal static class Widgets
{
    public const string InJs = """
        /* LinkedIn JS SDK (simulator). Parses the script tag body ("api_key: ...", "extensions: Name@url,...") like platform.linkedin.com/in.js. */
        (function () {
          var me = document.currentScript;
          if (!me) { var all = document.getElementsByTagName('script'); for (var i = 0; i < all.length; i++) { if ((all[i].src || '').indexOf('/xdoor/scripts/in.js') >= 0) { me = all[i]; } } }
          if (!me) { return; }
          var base = new URL(me.src, location.href).origin;
          var cfg = {};
          (me.textContent || me.innerHTML || '').split(/\r?\n/).forEach(function (line) {
            var i = line.indexOf(':');
            if (i > 0) { cfg[line.slice(0, i).trim().toLowerCase()] = line.slice(i + 1).trim(); }
          });
          var apiKey = cfg['api_key'] || '';
          var extensions = (cfg['extensions'] || '').split(',').map(function (x) { return x.split('@')[0].trim(); }).filter(Boolean);
          var widgets = {};
          var counter = 0;
          var IN = window.IN = window.IN || {};
          IN.ENV = { api_key: apiKey, extensions: extensions, base: base };
          function render(type, path, extra) {
            if (extensions.indexOf(type) < 0) { return; }
            var tags = document.querySelectorAll('script[type="IN/' + type + '"]');
            for (var i = 0; i < tags.length; i++) {
              var tag = tags[i];
              if (tag.getAttribute('data-li-rendered')) { continue; }
              tag.setAttribute('data-li-rendered', '1');
              var wid = 'li-widget-' + (++counter);
              widgets[wid] = tag;
              var q = 'api_key=' + encodeURIComponent(apiKey) + '&origin=' + encodeURIComponent(location.origin) + '&wid=' + encodeURIComponent(wid) + extra(tag);
              var frame = document.createElement('iframe');
              frame.src = base + path + '?' + q;
              frame.id = wid;
              frame.name = wid;
              frame.className = 'IN-widget IN-' + type;
              frame.title = type;
              frame.style.border = '0';
              frame.width = tag.getAttribute('data-width') || '500';
              frame.height = tag.getAttribute('data-height') || '520';
              tag.parentNode.insertBefore(frame, tag.nextSibling);
            }
          }
          function attr(tag, name, param) { var v = tag.getAttribute(name); return v == null ? '' : '&' + param + '=' + encodeURIComponent(v); }
          IN.parse = function () {
            render('ATSIntegrationWidget', '/xdoor/widgets/ats-integration', function (t) { return attr(t, 'data-supported-bundled-integration-types', 'types'); });
            render('HcmWidget', '/xdoor/widgets/hcm', function (t) {
              return attr(t, 'data-ats-candidate-id', 'candidate') + attr(t, 'data-integration-context', 'context') + attr(t, 'data-show-unlink-url', 'showUnlink') + attr(t, 'data-confirm-unlink', 'confirmUnlink') + attr(t, 'data-widget-type', 'widgetType');
            });
          };
          window.addEventListener('message', function (e) {
            if (e.origin !== base || !e.data || e.data.liSim !== 'widget') { return; }
            var tag = widgets[e.data.wid];
            if (!tag) { return; }
            var fnName = tag.getAttribute('data-on' + e.data.event);
            var fn = fnName ? window[fnName] : null;
            if (typeof fn === 'function') { fn(e.data.arg); }
          });
          if (document.readyState === 'loading') { document.addEventListener('DOMContentLoaded', IN.parse); } else { IN.parse(); }
        })();
        """;

    private const string WidgetJs = """
        var P = new URLSearchParams(location.search);
        function send(event, arg) { parent.postMessage({ liSim: 'widget', wid: P.get('wid'), event: event, arg: arg }, P.get('origin')); }
        async function post(path, body) {
          body.api_key = P.get('api_key'); body.origin = P.get('origin');
          var r = await fetch(path, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body), credentials: 'same-origin' });
          var data = null; try { data = await r.json(); } catch (e) { }
          return { ok: r.ok, data: data };
        }
        """;

    private static (AppRec? App, IResult? Error) Check(HttpContext ctx, Sim sim, string? apiKey, string? origin)
    {
        AppRec? app;
        lock (sim.Store.Gate)
        {
            app = apiKey is null ? null : sim.Store.Apps.Get(apiKey);
        }
        if (app is null || app.IsParent)
        {
            return (null, Widget("Error", "<p class=\"err\" id=\"widget-error\">Invalid api_key: the widget must be configured with an ATS (child) application's client id.</p>"));
        }
        var referer = ctx.Request.Headers.Referer.ToString();
        if (!string.IsNullOrEmpty(referer) && Uri.TryCreate(referer, UriKind.Absolute, out var r) && ctx.Request.Method == "GET")
        {
            var refOrigin = r.GetLeftPart(UriPartial.Authority);
            if (!string.Equals(refOrigin, origin, StringComparison.OrdinalIgnoreCase) && !string.Equals(refOrigin, $"{ctx.Request.Scheme}://{ctx.Request.Host}", StringComparison.OrdinalIgnoreCase))
            {
                return (null, Widget("Error", "<p class=\"err\" id=\"widget-error\">The embedding page's origin does not match.</p>"));
            }
        }
        if (string.IsNullOrEmpty(origin) || !app.JsSdkDomains.Any(d => string.Equals(d.TrimEnd('/'), origin, StringComparison.OrdinalIgnoreCase)))
        {
            return (null, Widget("Error", $"<p class=\"err\" id=\"widget-error\">This domain ({E(origin)}) is not authorized for this application. Add it to validJsSdkDomains.</p>"));
        }
        return (app, null);
    }

    private static string SignInPrompt(HttpContext ctx) =>
        $"""<h2>Recruiter System Connect</h2><p id="sign-in-prompt">Sign in to LinkedIn to continue.</p><p><a class="btn" id="widget-sign-in" href="/login?returnUrl={U(ctx.Request.Path + ctx.Request.QueryString)}">Sign in with LinkedIn</a></p>""";

    public static void Map(WebApplication app, Sim sim, SimActions actions)
    {
        app.MapGet("/xdoor/scripts/in.js", () => Results.Text(InJs, "application/javascript; charset=utf-8"));

        app.MapGet("/xdoor/widgets/ats-integration", (HttpContext ctx, string? api_key, string? origin, string? types) =>
        {
            var (child, err) = Check(ctx, sim, api_key, origin);
            if (child is null)
            {
                return err!;
            }
            var cur = sim.CurrentMember(ctx);
            if (cur is null)
            {
                return Widget("Recruiter System Connect", SignInPrompt(ctx));
            }
            var member = cur.Value.Member;
            var adminSeats = sim.World.SeatsOf(member.Id).Where(s => s.Admin).ToList();
            if (adminSeats.Count == 0)
            {
                return Widget("Recruiter System Connect", $"<h2>Recruiter System Connect</h2><p class=\"err\" id=\"not-admin\">{E(member.Name)}, only a LinkedIn Recruiter admin can set up Recruiter System Connect.</p>");
            }
            var supported = (types ?? $"{SimActions.CompanyBundle},{SimActions.ContractBundle}").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            var sb = new StringBuilder($"<h2>Recruiter System Connect</h2><p class=\"muted\">Connect {E(child.Name)} with LinkedIn Recruiter. Signed in as {E(member.Name)}.</p><table>");
            lock (sim.Store.Gate)
            {
                if (supported.Contains(SimActions.CompanyBundle))
                {
                    sb.Append(Row(actions, child, "Company-level access", SimActions.CompanyBundle, World.Organization, "company"));
                }
                if (supported.Contains(SimActions.ContractBundle))
                {
                    foreach (var s in adminSeats)
                    {
                        var c = sim.World.ContractByUrn(s.Contract)!;
                        sb.Append(Row(actions, child, $"Contract-level access — {c.Name}", SimActions.ContractBundle, c.Urn, "contract-" + c.Urn.Split(':')[^1]));
                    }
                }
            }
            sb.Append("</table>");
            var script = WidgetJs + """
                document.querySelectorAll('button[data-action]').forEach(function (b) {
                  b.addEventListener('click', async function () {
                    b.disabled = true;
                    var r = await post('/xdoor/widgets/ats-integration/' + b.getAttribute('data-action'), { bundle: b.getAttribute('data-bundle'), context: b.getAttribute('data-context') });
                    if (r.ok && r.data) { send('integrate', r.data.integrations); }
                    setTimeout(function () { location.reload(); }, 150);
                  });
                });
                """;
            return Widget("Recruiter System Connect", sb.ToString(), script);
        });
        app.MapPost("/xdoor/widgets/ats-integration/{action}", async (HttpContext ctx, string action) =>
        {
            var (body, be) = await RestLi.ReadBody(ctx);
            if (body is null)
            {
                return be!;
            }
            var (child, _) = Check(ctx, sim, body.Str("api_key"), body.Str("origin"));
            if (child is null)
            {
                return RestLi.Forbidden("Invalid api_key or origin");
            }
            var cur = sim.CurrentMember(ctx);
            if (cur is null)
            {
                return RestLi.Error(401, "INVALID_ACCESS_TOKEN", "Sign in to LinkedIn");
            }
            var bundle = body.Str("bundle") ?? "";
            var context = body.Str("context") ?? "";
            var admin = sim.World.SeatsOf(cur.Value.Member.Id).Where(s => s.Admin).Select(s => s.Contract).ToList();
            var ok = bundle == SimActions.CompanyBundle ? context == World.Organization && admin.Count > 0 : bundle == SimActions.ContractBundle && admin.Contains(context);
            if (!ok || action is not ("request" or "notify"))
            {
                return RestLi.Forbidden("Only a Recruiter admin of this contract can request the integration");
            }
            var arr = actions.RequestBundle(child, bundle, context);
            return RestLi.Json(new JsonObject { ["integrations"] = arr });
        });

        app.MapGet("/xdoor/widgets/hcm", (HttpContext ctx, string? api_key, string? origin, string? candidate, string? context, string? search, string? q, string? selected) =>
        {
            var (child, err) = Check(ctx, sim, api_key, origin);
            if (child is null)
            {
                return err!;
            }
            context ??= World.Organization;
            if (!sim.IsEnabled(child.ClientId, context, "PROFILE_PLUGIN"))
            {
                return Widget("LinkedIn profile", "<p class=\"err\" id=\"widget-error\">The LinkedIn Profile widget (PROFILE_PLUGIN) is not enabled for this company.</p>");
            }
            var cur = sim.CurrentMember(ctx);
            if (cur is null)
            {
                return Widget("LinkedIn profile", SignInPrompt(ctx));
            }
            if (!sim.World.SeatsOf(cur.Value.Member.Id).Any(s => sim.World.ContractByUrn(s.Contract)?.Organization == context))
            {
                return Widget("LinkedIn profile", "<p class=\"err\" id=\"widget-error\">You need a LinkedIn Recruiter license of this company to see profiles.</p>");
            }
            var baseUrl = $"/xdoor/widgets/hcm?api_key={U(api_key)}&origin={U(origin)}&wid={U(ctx.Request.Query["wid"])}&candidate={U(candidate)}&context={U(context)}";
            var sb = new StringBuilder();
            Member? shown;
            string label;
            lock (sim.Store.Gate)
            {
                var key = RestLi.Canonical(new Dictionary<string, string> { ["atsCandidateId"] = candidate ?? "", ["dataProvider"] = "ATS", ["integrationContext"] = context });
                var rec = sim.Store.Entities.Get($"{child.ClientId}|{SyncEndpoints.Candidates.Name}|{key}");
                if (rec is null)
                {
                    return Widget("LinkedIn profile", $"<p class=\"muted\" id=\"not-synced\">Candidate {E(candidate)} has not been synced to LinkedIn yet.</p>");
                }
                if (search == "1")
                {
                    sb.Append($"""<h3>Find the right person</h3><form method="get" action="/xdoor/widgets/hcm">{Hidden("api_key", api_key)}{Hidden("origin", origin)}{Hidden("wid", ctx.Request.Query["wid"])}{Hidden("candidate", candidate)}{Hidden("context", context)}{Hidden("search", "1")}<input type="text" name="q" id="member-search" value="{Attr(q)}"> <button type="submit" id="member-search-button">Search</button></form><ul>""");
                    foreach (var m in sim.World.Search(q).Take(string.IsNullOrWhiteSpace(q) ? 0 : 20))
                    {
                        sb.Append($"<li class=\"search-result\"><a href=\"{Attr(baseUrl + "&selected=" + U(m.Id))}\" class=\"pick\" data-urn=\"{Attr(m.Urn)}\">{E(m.Name)}</a> <span class=\"muted\">{E(m.Headline)}</span></li>");
                    }
                    sb.Append("</ul>");
                    return Widget("LinkedIn profile", sb.ToString());
                }
                if (selected is not null && sim.World.ById.TryGetValue(selected, out var sel))
                {
                    shown = sel;
                    label = "Selected";
                }
                else if (rec.ManualMatchedMember is not null)
                {
                    shown = sim.World.FindByUrn(rec.ManualMatchedMember);
                    label = "Linked";
                }
                else
                {
                    shown = sim.AutoMatch(JsonExt.Obj(rec.Json));
                    label = "Suggested match";
                }
                if (shown is null)
                {
                    sb.Append("<p id=\"no-match\">No LinkedIn member matches this candidate.</p>");
                }
                else
                {
                    sb.Append($"""
                        <div class="card" id="matched-member" data-urn="{Attr(shown.Urn)}"><span class="muted" id="match-label">{E(label)}</span>
                        <h2 id="matched-name">{E(shown.Name)}</h2><p>{E(shown.Headline)}</p><p class="muted">{E(shown.City)}, {E(shown.Region)} · <a href="{Attr(shown.ProfileUrl)}" target="_blank">View profile</a></p>
                        """);
                    if (label != "Linked")
                    {
                        sb.Append($"<button type=\"button\" id=\"link\" data-urn=\"{Attr(shown.Urn)}\">Link</button> ");
                    }
                    else
                    {
                        sb.Append($"<button type=\"button\" class=\"secondary\" id=\"unlink\" data-urn=\"{Attr(shown.Urn)}\">Unlink</button> ");
                    }
                    var inmails = sim.Store.Events.All.Count(e => e.Prospect == shown.Urn && e.EventType == "INMAIL_SENT");
                    var notes = sim.Store.ProspectNotes.All.Count(n => n.MemberId == shown.Id && n.Active && n.Visibility == "PUBLIC");
                    sb.Append($"<p class=\"muted\" id=\"activity\">Recruiting activity: {inmails} InMail(s), {notes} note(s)</p></div>");
                }
                sb.Append($"<p><a href=\"{Attr(baseUrl + "&search=1")}\" id=\"not-right-person\">Not the right person?</a></p>");
            }
            var script = WidgetJs + """
                var l = document.getElementById('link'); if (l) { l.addEventListener('click', function () { send('link', l.getAttribute('data-urn')); l.textContent = 'Linked'; l.disabled = true; }); }
                var u = document.getElementById('unlink'); if (u) { u.addEventListener('click', function () { if (P.get('confirmUnlink') === 'true' && !confirm('Unlink this LinkedIn profile?')) { return; } send('unlink', u.getAttribute('data-urn')); u.textContent = 'Unlinked'; u.disabled = true; }); }
                """;
            return Widget("LinkedIn profile", sb.ToString(), script);
        });
    }

    private static string Row(SimActions actions, AppRec app, string label, string bundle, string context, string idPart)
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
        return $"<tr class=\"bundle\"><td><b>{E(label)}</b></td><td class=\"state\" id=\"state-{Attr(idPart)}\">{E(state)}</td><td>{control}</td></tr>";
    }
}
