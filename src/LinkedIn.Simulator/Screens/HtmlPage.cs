using System.Net;
using System.Text;

namespace LinkedIn.Simulator.Screens;

/// <summary>
/// The screens' small template helper: pages are raw string templates whose holes take encoded data (<see cref="E"/>, <see cref="Attr"/>,
/// <see cref="U"/>), lists come from <see cref="Each{T}"/>, optional parts from <see cref="When"/>, and <see cref="Page"/> wraps a body in
/// LinkedIn's chrome.
/// </summary>
internal static class HtmlPage
{
    public static string E(string? s) => WebUtility.HtmlEncode(s ?? "");

    public static string Attr(string? s) => WebUtility.HtmlEncode(s ?? "");

    public static string U(string? s) => Uri.EscapeDataString(s ?? "");

    /// <summary>The markup of every item, in order.</summary>
    public static string Each<T>(IEnumerable<T> items, Func<T, string> markup) => string.Concat(items.Select(markup));

    /// <summary><paramref name="markup"/> when <paramref name="condition"/> holds, nothing otherwise.</summary>
    public static string When(bool condition, string markup) => condition ? markup : "";

    /// <summary>The confirmation line a screen shows after an action (<c>#message</c>), or nothing.</summary>
    public static string Message(string? message) => message is null ? "" : $"<p class=\"ok\" id=\"message\">{E(message)}</p>";

    private const string Css = """
        body{font-family:-apple-system,Segoe UI,Roboto,Helvetica,Arial,sans-serif;margin:0;background:#f3f2ef;color:#191919}
        header{background:#0a66c2;color:#fff;padding:8px 16px;display:flex;gap:16px;align-items:center}
        header a{color:#fff;text-decoration:none;font-weight:600}
        header .brand{font-size:20px;font-weight:700;margin-right:16px}
        main{max-width:980px;margin:16px auto;background:#fff;border-radius:8px;padding:16px 24px;box-shadow:0 0 0 1px rgba(0,0,0,.08)}
        .card{border:1px solid #e0dfdc;border-radius:8px;padding:12px 16px;margin:12px 0}
        .muted{color:#666}.ok{color:#057642}.err{color:#b24020}
        button,.btn{background:#0a66c2;color:#fff;border:0;border-radius:16px;padding:6px 16px;font-weight:600;cursor:pointer;text-decoration:none;display:inline-block}
        button.secondary{background:#fff;color:#0a66c2;border:1px solid #0a66c2}
        button[disabled]{background:#ccc;cursor:default}
        input[type=text],input[type=email],input[type=password],textarea,select{padding:6px;border:1px solid #999;border-radius:4px;min-width:240px}
        table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #eee;padding:6px;text-align:left;vertical-align:top}
        .tabs a{margin-right:12px;font-weight:600}.tab{display:none}.tab.active{display:block}
        .tabbar button{margin-right:6px}
        .state{font-weight:700}
        """;

    public static IResult Page(string title, string body, HttpContext? ctx = null, Member? member = null, bool chrome = true)
    {
        var sb = new StringBuilder();
        sb.Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>").Append(E(title)).Append(" | LinkedIn (simulator)</title><style>").Append(Css).Append("</style></head><body>");
        if (chrome)
        {
            sb.Append("<header><span class=\"brand\">in Recruiter <small>(simulator)</small></span>");
            sb.Append("<a href=\"/recruiter/search\">People search</a><a href=\"/recruiter/projects\">Projects</a><a href=\"/recruiter/admin/ats\">Admin Settings</a><a href=\"/messaging\">Messaging</a><a href=\"/_sim/requests/view\">Request log</a>");
            if (member is not null)
            {
                sb.Append("<span style=\"margin-left:auto\">").Append(E(member.Name)).Append("</span><form method=\"post\" action=\"/logout\" style=\"margin:0\"><button class=\"secondary\" type=\"submit\">Sign out</button></form>");
            }
            sb.Append("</header>");
        }
        sb.Append("<main>").Append(body).Append("</main></body></html>");
        return Results.Content(sb.ToString(), "text/html; charset=utf-8");
    }

    /// <summary>A bare page for widget iframes.</summary>
    public static IResult Widget(string title, string body, string script = "")
    {
        var html = $$"""
            <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{{E(title)}}</title><style>{{Css}} body{background:#fff} main{margin:0;box-shadow:none;max-width:none}</style></head>
            <body><main>{{body}}</main><script>{{script}}</script></body></html>
            """;
        return Results.Content(html, "text/html; charset=utf-8");
    }

    public static IResult Error(string title, string message, int status = 400)
    {
        var html = $"<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>{E(title)}</title></head><body><h1>{E(title)}</h1><p class=\"err\">{E(message)}</p></body></html>";
        return Results.Content(html, "text/html; charset=utf-8", Encoding.UTF8, status);
    }

    public static string Hidden(string name, string? value) => $"<input type=\"hidden\" name=\"{Attr(name)}\" value=\"{Attr(value)}\">";

    public static string Local(string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl) && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//", StringComparison.Ordinal) && !returnUrl.StartsWith("/\\", StringComparison.Ordinal) ? returnUrl : "/recruiter/search";
}
