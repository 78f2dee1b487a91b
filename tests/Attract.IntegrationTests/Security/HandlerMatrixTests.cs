using System.Net;
using Attract.IntegrationTests.Infrastructure;
using Attract.Web.Integrations.LinkedIn;
using Xunit.Abstractions;

namespace Attract.IntegrationTests.Security;

/// <summary>
/// The role × page × handler matrix. Every Razor page and every handler (<c>OnGet</c>, <c>OnPost</c>, each named
/// <c>OnPostX</c>) is read from the running app, and each is requested by each role (Admin, Recruiter, HiringManager,
/// Interviewer, and a signed-in user without a role) with the ids of a job that role is not on. What the access rules
/// deny must answer 403 or 404, show none of that job's data and leave every table unchanged; what they allow (admins
/// everywhere, recruiters on candidates and pools, everybody on their own settings and lists) must not be refused, which
/// also proves the ids and forms are real. A new page or handler is in the matrix by itself: it is denied to every role
/// but Admin until <see cref="Expect"/> says otherwise, and a handler parameter without a value in
/// <see cref="MatrixFixture.ParameterValues"/> fails the test.
/// </summary>
public sealed class HandlerMatrixTests(ITestOutputHelper output) : IDisposable
{
    private static readonly string[] Roles = [AtsData.Admin, AtsData.Recruiter, AtsData.Manager, AtsData.Interviewer, SecurityTestData.NoRole];

    /// <summary>Pages an anonymous visitor may open; the anonymous test covers them (sign-out is posted by <see cref="NoRoleAccessTests"/>).</summary>
    private static readonly HashSet<string> PublicPages = ["/Account/Login", "/Account/Logout", "/Error", "/Status"];

    /// <summary>A user's own settings: every signed-in user, with or without a role.</summary>
    private static readonly HashSet<string> OwnSettings = ["/Settings/Index", "/Settings/LinkedIn/Index", "/Settings/LinkedIn/Callback", "/Settings/Password/Index"];

    /// <summary>Lists filtered to what the viewer may see (checked for leaks instead).</summary>
    private static readonly HashSet<string> OwnLists = ["/Index", "/Jobs/Index", "/Candidates/Index"];

    /// <summary>Recruiters see every candidate and manage the company-wide pools; these pages are not about one job.</summary>
    private static readonly HashSet<string> RecruiterWide =
        ["/Candidates/Create", "/Candidates/Edit", "/Candidates/Merge", "/Candidates/LinkedIn/Link", "/Jobs/Create", "/Pools/Index", "/Pools/Details", "/Pools/Add"];

    private static readonly string[] Volatile = ["DataProtectionKeys"];

    private readonly AttractFactory _factory = new AttractFactory().WithSetting(LinkedInBackgroundOptions.ConfigKey, "false");

    public void Dispose() => _factory.Dispose();

    private enum Outcome
    {
        Denied,
        Allowed,
    }

    private static Outcome Expect(PageHandler h, string role)
    {
        if (role == AtsData.Admin || OwnSettings.Contains(h.Page))
        {
            return Outcome.Allowed;
        }
        if (role == SecurityTestData.NoRole)
        {
            return Outcome.Denied;
        }
        var get = h.Method == "GET";
        return (get && OwnLists.Contains(h.Page))
            || (role == AtsData.Recruiter && (RecruiterWide.Contains(h.Page) || (get && h.Page == "/Candidates/Details")))
            || (get && h.Page == "/Prospects/Index" && role is AtsData.Recruiter or AtsData.Manager)
            ? Outcome.Allowed
            : Outcome.Denied;
    }

    private sealed record Request(string Url, List<KeyValuePair<string, string>> Fields);

    /// <summary>What the matrix saw, cell by cell.</summary>
    private sealed class Tally
    {
        public List<string> Failures { get; } = [];
        public int Denied { get; set; }
        public int Allowed { get; set; }
        public int Unchanged { get; set; }
        public int ServerErrors { get; set; }
    }

    private sealed record Session(HttpClient Client, string Token);

    [Fact]
    public async Task EveryHandler_EveryRole_AnotherJobsIds_DeniedWithoutChangeUnlessTheRulesAllowIt()
    {
        var handlers = (await PageHandlers.EnumerateAsync(_factory)).Where(h => !PublicPages.Contains(h.Page)).ToList();
        var fixture = await MatrixFixture.CreateAsync(_factory);
        var sessions = new Dictionary<string, Session>();
        foreach (var role in Roles)
        {
            var client = await _factory.ClientForAsync(role);
            sessions[role] = new Session(client, await TokenAsync(client));
        }
        var tally = new Tally();
        foreach (var h in handlers)
        {
            var request = await BuildAsync(sessions[AtsData.Admin].Client, h, fixture);
            foreach (var role in Roles.Where(r => Expect(h, r) == Outcome.Denied))
            {
                await CheckDeniedAsync(h, role, sessions[role], request, fixture, tally);
            }
        }
        // What the rules allow: GETs on the same data (they change nothing either); each POST on a fresh copy of the data,
        // since it may really close the job, erase the candidate or delete the pool.
        foreach (var h in handlers)
        {
            foreach (var role in Roles.Where(r => Expect(h, r) == Outcome.Allowed))
            {
                var data = h.IsPost ? await MatrixFixture.CreateAsync(_factory) : fixture;
                var request = await BuildAsync(sessions[AtsData.Admin].Client, h, data);
                await CheckAllowedAsync(h, role, sessions[role], request, fixture, tally);
            }
        }

        var pages = handlers.Select(h => h.Page).Distinct().Count();
        var posts = handlers.Count(h => h.IsPost);
        output.WriteLine($"{pages} pages, {handlers.Count} handlers ({handlers.Count - posts} GET, {posts} POST) × {Roles.Length} roles = {handlers.Count * Roles.Length} cells: "
            + $"{tally.Denied} denied (status, no data shown, database unchanged), {tally.Allowed} allowed by the rules; {tally.Unchanged} unchanged-database checks; {tally.ServerErrors} server errors.");
        Assert.True(tally.Failures.Count == 0, string.Join("\n", tally.Failures));
        Assert.Equal(handlers.Count * Roles.Length, tally.Denied + tally.Allowed);
        Assert.Equal(0, tally.ServerErrors);
        // the named POST handlers the issue names are really in the matrix (enumeration works)
        Assert.Contains(handlers, h => h.Page == "/Jobs/Pipeline" && h.Name == "Move");
        Assert.Contains(handlers, h => h.Page == "/Candidates/Details" && h.Name == "AddNote");
        Assert.Contains(handlers, h => h.Page == "/Admin/Suppressions/Index" && h.Name == "Lift");
    }

    /// <summary>A denied cell: 403 (or 404 for a role that has some access), nothing of the other job shown, database unchanged.</summary>
    private async Task CheckDeniedAsync(PageHandler h, string role, Session session, Request request, MatrixFixture fixture, Tally tally)
    {
        var before = _factory.Snapshot(Volatile);
        var response = await SendAsync(session.Client, session.Token, h, request);
        var body = await response.Content.ReadAsStringAsync();
        var after = _factory.Snapshot(Volatile);
        tally.Denied++;
        tally.ServerErrors += (int)response.StatusCode >= 500 ? 1 : 0;
        var wanted = role == SecurityTestData.NoRole ? [HttpStatusCode.Forbidden] : new[] { HttpStatusCode.Forbidden, HttpStatusCode.NotFound };
        if (!wanted.Contains(response.StatusCode))
        {
            tally.Failures.Add($"{role}: {h} answered {(int)response.StatusCode}, expected {string.Join(" or ", wanted.Select(s => (int)s))}");
        }
        if (fixture.OtherJobText.FirstOrDefault(body.Contains) is { } leaked)
        {
            tally.Failures.Add($"{role}: {h} showed '{leaked}' of a job they are not on");
        }
        if (before != after)
        {
            tally.Failures.Add($"{role}: {h} changed the database:\n{SecurityTestData.Diff(before, after)}");
        }
        tally.Unchanged++;
    }

    /// <summary>An allowed cell: not refused, no server error; a GET changes nothing and shows only what the role may see.</summary>
    private async Task CheckAllowedAsync(PageHandler h, string role, Session session, Request request, MatrixFixture fixture, Tally tally)
    {
        var before = h.IsPost ? "" : _factory.Snapshot(Volatile);
        var response = await SendAsync(session.Client, session.Token, h, request);
        var body = await response.Content.ReadAsStringAsync();
        tally.Allowed++;
        tally.ServerErrors += (int)response.StatusCode >= 500 ? 1 : 0;
        // a 400 counts as refused unless the handler itself answered it (problem details about its JSON input):
        // antiforgery and binding failures are 400 pages too
        var handlerBadRequest = response.StatusCode == HttpStatusCode.BadRequest && response.Content.Headers.ContentType?.MediaType?.Contains("json") == true;
        if (response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound || (response.StatusCode == HttpStatusCode.BadRequest && !handlerBadRequest)
            || (int)response.StatusCode >= 500)
        {
            tally.Failures.Add($"{role}: {h} is allowed by the access rules but answered {(int)response.StatusCode}");
        }
        if (h.IsPost)
        {
            return;
        }
        if (_factory.Snapshot(Volatile) is var after && after != before)
        {
            tally.Failures.Add($"{role}: GET {h} changed the database:\n{SecurityTestData.Diff(before, after)}");
        }
        tally.Unchanged++;
        var hidden = role switch
        {
            AtsData.Admin => [],
            AtsData.Recruiter => [fixture.OtherJobTitle, fixture.OtherJobText[3], fixture.OtherJobText[4]],
            _ => fixture.OtherJobText,
        };
        if (hidden.FirstOrDefault(body.Contains) is { } leaked)
        {
            tally.Failures.Add($"{role}: {h} showed '{leaked}' of a job they are not on");
        }
    }

    /// <summary>The antiforgery token of the client's session (every page's layout has the sign-out form).</summary>
    private static async Task<string> TokenAsync(HttpClient client)
    {
        var response = await client.GetAsync("/Settings/LinkedIn");
        return (await HtmlForms.ParseAsync(response)).AntiforgeryToken();
    }

    /// <summary>
    /// The request for a handler: its URL with the fixture's ids, and for a POST the fields of the page's own form for it
    /// (as the admin sees it, current concurrency tokens included), with every handler parameter set from the fixture.
    /// </summary>
    private static async Task<Request> BuildAsync(HttpClient admin, PageHandler h, MatrixFixture data)
    {
        var url = PageHandlers.Url(h, name => data.RouteValue(h.Page, name));
        var path = url.Split('?')[0];
        var fields = h.IsPost ? await HarvestAsync(admin, h, path) ?? [] : [];
        fields.RemoveAll(f => f.Key == "__RequestVerificationToken");
        for (var i = 0; i < fields.Count; i++)
        {
            if (fields[i].Value.Length == 0 && MatrixFixture.FieldDefault(fields[i].Key) is { } value)
            {
                fields[i] = new(fields[i].Key, value);
            }
        }
        foreach (var p in h.Parameters)
        {
            var values = data.ParameterValues(h.Page, p.Name)
                ?? throw new Xunit.Sdk.XunitException($"{h}: no value for its parameter '{p.Name}'; add one to MatrixFixture.ParameterValues.");
            fields.RemoveAll(f => string.Equals(f.Key, p.Name, StringComparison.OrdinalIgnoreCase));
            fields.AddRange(values.Select(v => new KeyValuePair<string, string>(p.Name, v)));
        }
        if (!h.IsPost && fields.Count > 0)
        {
            url += (url.Contains('?') ? "&" : "?") + string.Join("&", fields.Select(f => $"{Uri.EscapeDataString(f.Key)}={Uri.EscapeDataString(f.Value)}"));
            fields = [];
        }
        return new Request(url, fields);
    }

    private static async Task<List<KeyValuePair<string, string>>?> HarvestAsync(HttpClient admin, PageHandler h, string path)
    {
        var response = await admin.GetAsync(path);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            return null;
        }
        var page = await HtmlForms.ParseAsync(response);
        if (PageHandlers.FormFor(page, h, path) is { } fields)
        {
            return fields;
        }
        foreach (var link in PageHandlers.SamePageLinks(page, path))
        {
            var tab = await admin.GetAsync(link);
            if (tab.StatusCode == HttpStatusCode.OK && PageHandlers.FormFor(await HtmlForms.ParseAsync(tab), h, path) is { } tabFields)
            {
                return tabFields;
            }
        }
        return null;
    }

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, string token, PageHandler h, Request request) =>
        h.IsPost
            ? client.PostAsync(request.Url, new FormUrlEncodedContent(request.Fields.Append(new("__RequestVerificationToken", token))))
            : client.GetAsync(request.Url);
}
