using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.RegularExpressions;

namespace Attract.Soak;

/// <summary>
/// Connects Attract to LinkedIn without a browser, the way an admin does: signs in to Attract, presses "Connect", signs in
/// to (simulated) LinkedIn as its admin, allows the app, lets Attract provision its child application, then posts the
/// widget's integration request to Attract's own endpoint. Redirects are followed by hand so each hop is checked.
/// </summary>
public static partial class SoakConnect
{
    public const string Organization = "urn:li:organization:1001";
    public const string Contract = "urn:li:contract:7001";
    public const string AdminEmail = "admin@contoso.test";
    public const string DemoPassword = "Passw0rd!";
    public const string LinkedInAdmin = "admin@linkedin.test";

    [GeneratedRegex("""<input[^>]*name="__RequestVerificationToken"[^>]*value="([^"]+)"[^>]*>""")]
    private static partial Regex TokenRegex();

    [GeneratedRegex("""<input type="hidden" name="([^"]+)" value="([^"]*)"\s*/?>""")]
    private static partial Regex HiddenRegex();

    /// <summary>Runs the admin's connect flow on <paramref name="attract"/>; returns when Attract holds a child application.</summary>
    public static async Task ConnectAsync(string attract, string simulator, TextWriter log, CancellationToken ct)
    {
        using var handler = new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() };
        using var http = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(60) };

        await SignInAsync(http, attract, AdminEmail, ct);

        var adminToken = await TokenAsync(http, attract + "/Admin/LinkedIn", ct);
        var connect = await PostFormAsync(http, attract + "/Admin/LinkedIn?handler=Connect", new() { ["__RequestVerificationToken"] = adminToken }, ct);
        Expect(connect, HttpStatusCode.Redirect, "Connect");
        // LinkedIn's admin holds seats on two contracts: name the one to use, as its contract chooser would.
        var authorize = connect.Headers.Location!.ToString() + "&contract=" + Uri.EscapeDataString(Contract);

        var toLogin = await http.GetAsync(authorize, ct);
        Expect(toLogin, HttpStatusCode.Redirect, "LinkedIn authorization (signed out)");
        var returnUrl = ReturnUrl(toLogin.Headers.Location!);
        var liLogin = await PostFormAsync(http, simulator + "/login", new()
        {
            ["email"] = LinkedInAdmin,
            ["password"] = DemoPassword,
            ["returnUrl"] = returnUrl,
        }, ct);
        Expect(liLogin, HttpStatusCode.Redirect, "LinkedIn sign-in");
        var consent = await http.GetAsync(Absolute(simulator, liLogin.Headers.Location!), ct);
        Expect(consent, HttpStatusCode.OK, "LinkedIn consent screen");
        var fields = HiddenRegex().Matches(await consent.Content.ReadAsStringAsync(ct))
            .ToDictionary(m => m.Groups[1].Value, m => WebUtility.HtmlDecode(m.Groups[2].Value));
        fields["action"] = "allow";
        var allowed = await PostFormAsync(http, simulator + "/oauth/v2/authorization", fields, ct);
        Expect(allowed, HttpStatusCode.Redirect, "LinkedIn consent (allow)");
        var callback = await http.GetAsync(allowed.Headers.Location!, ct);
        Expect(callback, HttpStatusCode.Redirect, "Attract's OAuth callback");

        var page = await http.GetStringAsync(attract + "/Admin/LinkedIn", ct);
        if (!page.Contains("data-testid=\"child-app\"", StringComparison.Ordinal))
        {
            throw new InvalidOperationException("Attract did not provision its child application; the admin page says: " + StatusOf(page));
        }
        var token = TokenRegex().Match(page) is { Success: true } m ? m.Groups[1].Value
            : throw new InvalidOperationException("No antiforgery token on the admin page.");
        using var integrate = new HttpRequestMessage(HttpMethod.Post, attract + "/Admin/LinkedIn?handler=Integrate")
        {
            Content = JsonContent.Create(new object[]
            {
                new { integrationContext = Organization, integrationType = "IN_ATS_INDICATOR", tenantType = "RECRUITER", dataProvider = "ATS" },
                new { integrationContext = Organization, integrationType = "ONE_CLICK_EXPORT", tenantType = "RECRUITER", dataProvider = "ATS" },
                new { integrationContext = Organization, integrationType = "PROFILE_PLUGIN", tenantType = "RECRUITER", dataProvider = "ATS" },
                new { integrationContext = Contract, integrationType = "CSA_API", tenantType = "RECRUITER", dataProvider = "ATS" },
            }),
        };
        integrate.Headers.Add("RequestVerificationToken", token);
        var named = await http.SendAsync(integrate, ct);
        Expect(named, HttpStatusCode.OK, "the integration request");
        await log.WriteLineAsync("connected: signed in, allowed on LinkedIn, child application provisioned, integrations named");
    }

    /// <summary>LinkedIn's admin turns the integrations on (the simulator's control API; LinkedIn pushes the new status to Attract).</summary>
    public static async Task EnableAsync(HttpClient simulator, string childClientId, CancellationToken ct)
    {
        foreach (var (context, types) in new[]
        {
            (Organization, new[] { "IN_ATS_INDICATOR", "ONE_CLICK_EXPORT", "PROFILE_PLUGIN" }),
            (Contract, new[] { "CSA_API" }),
        })
        {
            (await simulator.PostAsJsonAsync("/_sim/integrations", new
            {
                clientId = childClientId,
                integrationContext = context,
                integrationTypes = types,
                status = "ENABLED",
                push = true,
            }, ct)).EnsureSuccessStatusCode();
        }
    }

    /// <summary>Signs <paramref name="email"/> (a demo account) in to Attract on <paramref name="http"/>, whose handler keeps cookies.</summary>
    public static async Task SignInAsync(HttpClient http, string attract, string email, CancellationToken ct)
    {
        var loginToken = await TokenAsync(http, attract + "/Account/Login", ct);
        var login = await PostFormAsync(http, attract + "/Account/Login", new()
        {
            ["Input.Email"] = email,
            ["Input.Password"] = DemoPassword,
            ["__RequestVerificationToken"] = loginToken,
        }, ct);
        Expect(login, HttpStatusCode.Redirect, "Attract sign-in as " + email);
    }

    /// <summary>GETs a page that must answer 200 and returns the antiforgery token of its (first) form.</summary>
    public static async Task<string> TokenAsync(HttpClient http, string url, CancellationToken ct)
    {
        var response = await http.GetAsync(url, ct);
        Expect(response, HttpStatusCode.OK, "GET " + url);
        var html = await response.Content.ReadAsStringAsync(ct);
        var m = TokenRegex().Match(html);
        return m.Success ? m.Groups[1].Value
            : throw new InvalidOperationException("No antiforgery token on " + url);
    }

    public static Task<HttpResponseMessage> PostFormAsync(HttpClient http, string url, Dictionary<string, string> form, CancellationToken ct) =>
        http.PostAsync(url, new FormUrlEncodedContent(form), ct);

    private static void Expect(HttpResponseMessage response, HttpStatusCode status, string step)
    {
        if (response.StatusCode != status)
        {
            throw new InvalidOperationException($"{step}: expected {(int)status}, got {(int)response.StatusCode} {response.Headers.Location}");
        }
    }

    private static string ReturnUrl(Uri location)
    {
        var query = location.IsAbsoluteUri ? location.Query : location.OriginalString[location.OriginalString.IndexOf('?', StringComparison.Ordinal)..];
        foreach (var pair in query.TrimStart('?').Split('&'))
        {
            var parts = pair.Split('=', 2);
            if (parts[0] == "returnUrl")
            {
                return Uri.UnescapeDataString(parts[1]);
            }
        }
        throw new InvalidOperationException("LinkedIn's sign-in redirect has no returnUrl: " + location);
    }

    private static string Absolute(string baseUrl, Uri location) => location.IsAbsoluteUri ? location.ToString() : baseUrl + location.OriginalString;

    private static string StatusOf(string page)
    {
        var i = page.IndexOf("data-testid=\"status-message\"", StringComparison.Ordinal);
        var text = i < 0 ? page[..Math.Min(page.Length, 300)] : page.Substring(i, Math.Min(400, page.Length - i));
        return new StringBuilder(Regex.Replace(text, "<[^>]+>", " ")).ToString();
    }
}
