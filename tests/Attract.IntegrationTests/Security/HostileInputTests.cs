using System.Net;
using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Attract.Core.Data;
using Attract.IntegrationTests.Infrastructure;
using Attract.Web.Integrations.LinkedIn;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Attract.IntegrationTests.Security;

/// <summary>
/// Hostile text in every form and search box of the app: every POST handler's form (read from the page, as the admin
/// sees it) gets the payload in each of its free-text fields and string parameters, every GET handler in each text it
/// reads from the query string. Whatever is stored must come back encoded (the raw markup never reaches the HTML) or be
/// refused with a message; no case may end in a server error, and nothing may be stored longer than its column (which
/// SQLite would accept but SQL Server would reject with a 500).
/// </summary>
public sealed class HostileInputTests(ITestOutputHelper output) : IDisposable
{
    /// <summary>Each payload starts with a marker (filled in per case) that finds it in the database.</summary>
    private static readonly (string Name, string Text)[] Payloads =
    [
        ("script", "<script>alert(1)</script>"),
        ("attribute break-out", "\"><img src=x onerror=alert(1)>"),
        ("10,000 characters", new string('W', 10_000)),
        ("right-to-left override", "invoice\u202Etxt.exe"),
        ("zero-width joiners", "Zo\u00EB\u200D\u200B\u2060\uFEFFZ"),
        ("unpaired surrogate", "lone\uD800half"),
        ("NUL character", "nul\u0000byte"),
        ("emoji", "\U0001F469\U0001F3FD\u200D\U0001F4BB dev \U0001F680"),
    ];

    /// <summary>Fields whose format is validated (an email, a URL): hostile text there is always refused, and would hide the rest of the form.</summary>
    private static readonly HashSet<string> FormattedFields = ["Input.Emails", "Input.LinkedInProfileUrl"];

    private static readonly HashSet<string> PublicPages = ["/Account/Login", "/Account/Logout", "/Error", "/Status"];

    private readonly AttractFactory _factory = new AttractFactory().WithSetting(LinkedInBackgroundOptions.ConfigKey, "false");

    public void Dispose() => _factory.Dispose();

    /// <summary>What the cases saw.</summary>
    private sealed class Tally
    {
        public List<string> Failures { get; } = [];
        public HashSet<string> Forms { get; } = [];
        public int Cases { get; set; }
        public int Stored { get; set; }
        public int Refused { get; set; }
        public int ServerErrors { get; set; }
        public int Shown { get; set; }
    }

    [Fact]
    public async Task EveryForm_HostileInput_StoredEncodedOrRefused_NeverServerError()
    {
        var handlers = (await PageHandlers.EnumerateAsync(_factory)).Where(h => !PublicPages.Contains(h.Page)).ToList();
        var admin = await _factory.ClientForAsync(AtsData.Admin);
        var token = (await HtmlForms.ParseAsync(await admin.GetAsync("/Settings/LinkedIn"))).AntiforgeryToken();
        var tally = new Tally();
        var caseNumber = 0;
        foreach (var h in handlers)
        {
            foreach (var (name, text) in Payloads)
            {
                if (!await RunCaseAsync(admin, token, h, name, $"Hx{++caseNumber}q", text, tally))
                {
                    break; // nothing free-text to send to this handler
                }
            }
        }

        var tooLong = await OverlongValuesAsync();
        tally.Failures.AddRange(tooLong);
        output.WriteLine($"{tally.Forms.Count} forms and search boxes × {Payloads.Length} hostile inputs = {tally.Cases} cases: {tally.Stored} stored and shown encoded "
            + $"({tally.Shown} checked as visible text), {tally.Refused} refused with a message, {tally.Cases - tally.Stored - tally.Refused} searches; {tally.ServerErrors} server errors; "
            + $"{tooLong.Count} values longer than their column.");
        Assert.True(tally.Failures.Count == 0, string.Join("\n", tally.Failures.Take(40)));
        Assert.Equal(0, tally.ServerErrors);
        foreach (var form in new[] { "POST /Candidates/Create", "POST /Candidates/Edit", "POST /Jobs/Create", "POST /Jobs/Edit", "POST /Candidates/Details?handler=AddNote",
            "POST /Notes/Edit", "POST /Feedback/Create", "POST /Pools/Index", "POST /Pools/Details?handler=Rename", "POST /Applications/Details?handler=Reject",
            "POST /Prospects/Index?handler=Reject", "POST /Jobs/Stages?handler=Add", "POST /Jobs/Stages?handler=Rename", "GET /Candidates/Index" })
        {
            Assert.Contains(form, tally.Forms);
        }
    }

    /// <summary>
    /// One handler with one payload (after <paramref name="marker"/>, which finds it in the database) on fresh data; false
    /// when the handler has no free-text field to send it in.
    /// </summary>
    private async Task<bool> RunCaseAsync(HttpClient admin, string token, PageHandler h, string name, string marker, string text, Tally tally)
    {
        var data = await MatrixFixture.CreateAsync(_factory);
        var payload = marker + text;
        var (url, fields, hostile) = await BuildAsync(admin, h, data, payload);
        if (hostile.Count == 0)
        {
            return false;
        }
        tally.Forms.Add(h.ToString());
        tally.Cases++;
        var response = h.IsPost
            ? await admin.PostAsync(url, FormBody(fields.Append(new("__RequestVerificationToken", token))))
            : await admin.GetAsync(url + (url.Contains('?') ? "&" : "?") + string.Join("&", fields.Select(f => Encode(f.Key) + "=" + Encode(f.Value))));
        var label = $"{h} [{name}] in {string.Join(", ", hostile)}";
        if ((int)response.StatusCode >= 500)
        {
            tally.ServerErrors++;
            tally.Failures.Add($"{label}: {(int)response.StatusCode}");
            return true;
        }
        var pages = new List<(string Url, string Html)> { (url, await response.Content.ReadAsStringAsync()) };
        if (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location is { } location)
        {
            var next = location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString;
            pages.Add((next, await admin.GetStringAsync(next)));
        }
        if (h.IsPost && Stored(marker))
        {
            tally.Stored++;
            pages.AddRange(await DisplayPagesAsync(admin, data));
            if (name is "script" or "attribute break-out" or "emoji")
            {
                CheckShownAsText(pages, marker, payload, label, tally);
            }
        }
        else if (h.IsPost)
        {
            tally.Refused++;
            if (!pages.Any(p => ShowsRefusal(p.Html)) && response.StatusCode != HttpStatusCode.BadRequest)
            {
                tally.Failures.Add($"{label}: neither stored nor refused with a message ({(int)response.StatusCode})");
            }
        }
        foreach (var (pageUrl, html) in pages)
        {
            if (Unsafe(html) is { } why)
            {
                tally.Failures.Add($"{label}: {pageUrl} {why}");
            }
        }
        return true;
    }

    /// <summary>A stored payload must appear somewhere as visible text, exactly as typed (encoded, not interpreted).</summary>
    private static void CheckShownAsText(List<(string Url, string Html)> pages, string marker, string payload, string label, Tally tally)
    {
        if (pages.Any(p => Parse(p.Html).Body!.TextContent.Contains(payload, StringComparison.Ordinal)))
        {
            tally.Shown++;
            return;
        }
        var shownAs = pages.Select(p => Parse(p.Html).Body!.TextContent).Select(t => t.IndexOf(marker, StringComparison.Ordinal) is var i and >= 0
            ? string.Join(" ", t.Substring(i, Math.Min(24, t.Length - i)).Select(c => ((int)c).ToString("X4", System.Globalization.CultureInfo.InvariantCulture))) : null).FirstOrDefault(t => t is not null);
        tally.Failures.Add($"{label}: stored but not shown anywhere as text (shown as: {shownAs ?? "nowhere"})");
    }

    /// <summary>The request for a handler with <paramref name="payload"/> in every free-text field; the names of those fields.</summary>
    private static async Task<(string Url, List<KeyValuePair<string, string>> Fields, List<string> Hostile)> BuildAsync(
        HttpClient admin, PageHandler h, MatrixFixture data, string payload)
    {
        var url = PageHandlers.Url(h, name => data.RouteValue(h.Page, name));
        var path = url.Split('?')[0];
        var fields = new List<KeyValuePair<string, string>>();
        var hostile = new List<string>();
        if (h.IsPost && (await admin.GetAsync(path)) is { StatusCode: HttpStatusCode.OK } page)
        {
            var document = await HtmlForms.ParseAsync(page);
            var form = PageHandlers.FormFor(document, h, path);
            foreach (var link in form is null ? PageHandlers.SamePageLinks(document, path) : [])
            {
                var tab = await HtmlForms.ParseAsync(await admin.GetAsync(link));
                if (PageHandlers.FormFor(tab, h, path) is { } found)
                {
                    (form, document) = (found, tab);
                    break;
                }
            }
            var text = TextFields(document);
            foreach (var field in form ?? [])
            {
                if (field.Key == "__RequestVerificationToken")
                {
                    continue;
                }
                // a Delete handler shares the edit form but reads none of its text
                var isText = text.Contains(field.Key) && !FormattedFields.Contains(field.Key) && h.Name != "Delete";
                fields.Add(new(field.Key, isText ? payload : field.Value.Length == 0 ? MatrixFixture.FieldDefault(field.Key) ?? "" : field.Value));
                if (isText)
                {
                    hostile.Add(field.Key);
                }
            }
        }
        foreach (var p in h.Parameters)
        {
            fields.RemoveAll(f => string.Equals(f.Key, p.Name, StringComparison.OrdinalIgnoreCase));
            if (p.Type == typeof(string) && h.Name != "Delete")
            {
                fields.Add(new(p.Name, payload));
                hostile.Add(p.Name);
            }
            else
            {
                fields.AddRange((data.ParameterValues(h.Page, p.Name) ?? []).Select(v => new KeyValuePair<string, string>(p.Name, v)));
            }
        }
        foreach (var q in h.QueryText)
        {
            fields.Add(new(q, payload));
            hostile.Add(q);
        }
        return (url, fields, hostile);
    }

    /// <summary>Names of the free-text controls of a page: text-like inputs and text areas.</summary>
    private static HashSet<string> TextFields(IHtmlDocument document) =>
        document.QuerySelectorAll("textarea[name], input[name]")
            .Where(e => e is IHtmlTextAreaElement || (e is IHtmlInputElement i && i.Type is "text" or "search" or "email" or "url" or "tel"))
            .Select(e => e.GetAttribute("name")!).ToHashSet();

    private bool Stored(string marker) => _factory.ContainsText(marker);

    /// <summary>The pages that show the fixture's job, candidate, application, note and pool (every candidate tab too).</summary>
    private static async Task<List<(string, string)>> DisplayPagesAsync(HttpClient admin, MatrixFixture data)
    {
        var urls = new List<string>
        {
            $"/Jobs/Details/{data.OtherJob}", $"/Jobs/Pipeline/{data.OtherJob}?ShowRejected=true", $"/Jobs/Stages/{data.OtherJob}", $"/Jobs/Edit/{data.OtherJob}",
            $"/Applications/Details/{data.OtherApp}", $"/Notes/Edit/{data.OtherNote}", $"/Pools/Details/{data.Pool}", "/Pools", "/Jobs", "/Candidates", "/Prospects", "/Admin/Activity",
        };
        urls.AddRange(Attract.Web.Pages.Candidates.DetailsModel.Tabs.Select(t => $"/Candidates/Details/{data.OtherCandidate}?tab={t.Key}"));
        var pages = new List<(string, string)>();
        foreach (var url in urls)
        {
            var response = await admin.GetAsync(url);
            if (response.StatusCode == HttpStatusCode.OK)
            {
                pages.Add((url, await response.Content.ReadAsStringAsync()));
            }
        }
        return pages;
    }

    /// <summary>Why the HTML is unsafe (live markup from a payload), or null.</summary>
    private static string? Unsafe(string html)
    {
        if (html.Contains("<script>alert(1)", StringComparison.OrdinalIgnoreCase))
        {
            return "contains a raw <script> from the payload";
        }
        if (html.Contains("<img src=x", StringComparison.OrdinalIgnoreCase))
        {
            return "contains a raw <img> from the payload";
        }
        var document = Parse(html);
        if (document.QuerySelectorAll("script").Any(s => s.TextContent.Contains("alert(1)", StringComparison.Ordinal)))
        {
            return "runs a script from the payload";
        }
        if (document.All.Any(e => e.Attributes.Any(a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase) && a.Value.Contains("alert", StringComparison.Ordinal))))
        {
            return "has an event-handler attribute from the payload";
        }
        return null;
    }

    private static bool ShowsRefusal(string html)
    {
        var document = Parse(html);
        return document.QuerySelectorAll(".field-validation-error, .validation-summary-errors li, [data-testid=error-message], .text-danger")
            .Any(e => e.TextContent.Trim().Length > 0);
    }

    private static IHtmlDocument Parse(string html) => new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html);

    /// <summary>Every stored text longer than its column's maximum length in the EF model.</summary>
    private async Task<List<string>> OverlongValuesAsync()
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AttractDbContext>();
        using var connection = _factory.OpenDatabase();
        var found = new List<string>();
        foreach (var entity in db.Model.GetEntityTypes().Where(e => e.GetTableName() is not null && !e.IsOwned()))
        {
            foreach (var property in entity.GetProperties().Where(p => p.GetMaxLength() is not null && p.ClrType == typeof(string)))
            {
                var (table, column, max) = (entity.GetTableName()!, property.GetColumnName(), property.GetMaxLength()!.Value);
                using var command = connection.CreateCommand();
                command.CommandText = $"SELECT COUNT(*) FROM \"{table}\" WHERE length(\"{column}\") > $max";
                command.Parameters.AddWithValue("$max", max);
                if (Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) is var count and > 0)
                {
                    found.Add($"{table}.{column}: {count} value(s) longer than {max} characters");
                }
            }
        }
        return found;
    }

    /// <summary>URL-encodes text as browsers do, except that an unpaired surrogate is sent as its raw (invalid UTF-8) bytes.</summary>
    private static string Encode(string value)
    {
        var text = new StringBuilder();
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                text.Append(Uri.EscapeDataString(value.Substring(i++, 2)));
            }
            else if (char.IsSurrogate(c))
            {
                text.Append($"%{0xE0 | (c >> 12):X2}%{0x80 | ((c >> 6) & 0x3F):X2}%{0x80 | (c & 0x3F):X2}");
            }
            else
            {
                text.Append(Uri.EscapeDataString(c.ToString()));
            }
        }
        return text.ToString();
    }

    private static StringContent FormBody(IEnumerable<KeyValuePair<string, string>> fields) =>
        new(string.Join("&", fields.Select(f => Encode(f.Key) + "=" + Encode(f.Value))), Encoding.UTF8, "application/x-www-form-urlencoded");
}
