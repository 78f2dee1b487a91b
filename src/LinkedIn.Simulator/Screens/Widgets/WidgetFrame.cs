using static LinkedIn.Simulator.Screens.HtmlPage;

namespace LinkedIn.Simulator.Screens.Widgets;

/// <summary>What every widget iframe shares: the api_key and origin check, the sign-in prompt, and the script that talks to the embedding page.</summary>
internal static class WidgetFrame
{
    /// <summary>The iframe side of the SDK: <c>send(event, arg)</c> to the embedding page and <c>post(path, body)</c> to the simulator.</summary>
    public const string Script = """
        var P = new URLSearchParams(location.search);
        function send(event, arg) { parent.postMessage({ liSim: 'widget', wid: P.get('wid'), event: event, arg: arg }, P.get('origin')); }
        async function post(path, body) {
          body.api_key = P.get('api_key'); body.origin = P.get('origin');
          var r = await fetch(path, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body), credentials: 'same-origin' });
          var data = null; try { data = await r.json(); } catch (e) { }
          return { ok: r.ok, data: data };
        }
        """;

    /// <summary>The child app the api_key names, provided the embedding origin is one of its validJsSdkDomains; otherwise an error frame.</summary>
    public static (AppRec? App, IResult? Error) Check(HttpContext ctx, Simulation simulation, string? apiKey, string? origin)
    {
        var app = apiKey is null ? null : simulation.State.Read(state => state.Apps.Get(apiKey));
        if (app is null || app.IsParent)
        {
            return (null, Widget("Error", "<p class=\"err\" id=\"widget-error\">Invalid api_key: the widget must be configured with an ATS (child) application's client id.</p>"));
        }
        var referer = ctx.Request.Headers.Referer.ToString();
        if (!string.IsNullOrEmpty(referer) && Uri.TryCreate(referer, UriKind.Absolute, out var refererUri) && ctx.Request.Method == "GET")
        {
            var refererOrigin = refererUri.GetLeftPart(UriPartial.Authority);
            if (!string.Equals(refererOrigin, origin, StringComparison.OrdinalIgnoreCase) && !string.Equals(refererOrigin, $"{ctx.Request.Scheme}://{ctx.Request.Host}", StringComparison.OrdinalIgnoreCase))
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

    public static string SignInPrompt(HttpContext ctx) =>
        $"""<h2>Recruiter System Connect</h2><p id="sign-in-prompt">Sign in to LinkedIn to continue.</p><p><a class="btn" id="widget-sign-in" href="/login?returnUrl={U(ctx.Request.Path + ctx.Request.QueryString)}">Sign in with LinkedIn</a></p>""";
}
