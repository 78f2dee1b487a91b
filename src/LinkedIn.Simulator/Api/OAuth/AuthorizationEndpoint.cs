using System.Text;
using static LinkedIn.Simulator.Screens.HtmlPage;

namespace LinkedIn.Simulator.Api.OAuth;

/// <summary>
/// <c>/oauth/v2/authorization</c>: the member's side of the 3-legged flow (PKCE S256 required) — sign in, choose a contract when the
/// member holds several seats, allow or cancel; then a redirect with the code (or the error) to the registered redirect_uri.
/// </summary>
internal static class AuthorizationEndpoint
{
    private static readonly string[] CarriedParameters = ["response_type", "client_id", "redirect_uri", "state", "scope", "code_challenge", "code_challenge_method"];

    public static void Map(WebApplication app, Simulation simulation)
    {
        app.MapGet("/oauth/v2/authorization", (HttpContext ctx) => Authorize(ctx, simulation, null));
        app.MapPost("/oauth/v2/authorization", (Delegate)(async (HttpContext ctx) => Authorize(ctx, simulation, await ctx.Request.ReadFormAsync())));
    }

    /// <summary>The parameters of an authorization request: the query string on GET, the form on POST.</summary>
    private sealed class AuthorizationRequest(HttpContext ctx, IFormCollection? form)
    {
        public IFormCollection? Form => form;

        public string? this[string name] =>
            form is not null ? (form.TryGetValue(name, out var posted) ? posted.ToString() : null) : ctx.Request.Query.TryGetValue(name, out var queried) ? queried.ToString() : null;

        public string Action => form?["action"].ToString() ?? "";

        /// <summary>The request's parameters as hidden inputs, so that the next form carries them on.</summary>
        public string HiddenInputs() => string.Concat(CarriedParameters.Select(name => Hidden(name, this[name])));
    }

    public static bool RedirectAllowed(Simulation simulation, AppRec app, string redirectUri)
    {
        if (app.CallbackUrls.Contains(redirectUri, StringComparer.Ordinal))
        {
            return true;
        }
        return simulation.Options.AllowLoopbackRedirects && Uri.TryCreate(redirectUri, UriKind.Absolute, out var uri) && uri.Scheme == "http" && (uri.Host == "localhost" || uri.Host == "127.0.0.1");
    }

    public static string WithQuery(string uri, params (string Key, string? Value)[] pairs)
    {
        var built = new StringBuilder(uri);
        var separator = uri.Contains('?') ? '&' : '?';
        foreach (var (key, value) in pairs)
        {
            if (value is null)
            {
                continue;
            }
            built.Append(separator).Append(key).Append('=').Append(Uri.EscapeDataString(value));
            separator = '&';
        }
        return built.ToString();
    }

    private static IResult Authorize(HttpContext ctx, Simulation simulation, IFormCollection? form)
    {
        var request = new AuthorizationRequest(ctx, form);
        var clientId = request["client_id"];
        var redirectUri = request["redirect_uri"];
        var state = request["state"];
        var app = clientId is null ? null : simulation.State.Read(store => store.Apps.Get(clientId));
        if (app is null)
        {
            return Error("Invalid request", "The client_id is not recognised (invalid_client).");
        }
        if (string.IsNullOrEmpty(redirectUri) || !RedirectAllowed(simulation, app, redirectUri))
        {
            return Error("Invalid request", "The redirect_uri does not match the registered value (invalid_redirect_uri).");
        }
        if (request["response_type"] != "code")
        {
            return Results.Redirect(WithQuery(redirectUri, ("error", "unsupported_response_type"), ("error_description", "response_type must be code"), ("state", state)));
        }
        var challenge = request["code_challenge"];
        if (string.IsNullOrEmpty(challenge) || request["code_challenge_method"] != "S256")
        {
            return Results.Redirect(WithQuery(redirectUri, ("error", "invalid_request"), ("error_description", "PKCE is required: code_challenge with code_challenge_method=S256"), ("state", state)));
        }
        if (simulation.CurrentMember(ctx) is not { } current)
        {
            return Results.Redirect("/login?returnUrl=" + U("/oauth/v2/authorization" + (form is null ? ctx.Request.QueryString.Value : "")));
        }
        return Consent(ctx, simulation, request, app, current.Member, redirectUri, challenge);
    }

    /// <summary>The member's part: choose a contract, then allow (a code) or cancel (an error) back to the partner.</summary>
    private static IResult Consent(HttpContext ctx, Simulation simulation, AuthorizationRequest request, AppRec app, Member member, string redirectUri, string challenge)
    {
        var seats = simulation.World.SeatsOf(member.Id).ToList();
        var contract = request["contract"];
        if (seats.Count > 1 && (contract is null || seats.All(s => s.Contract != contract)))
        {
            return ContractChooser(ctx, simulation, request, app, member, seats);
        }
        contract ??= seats.FirstOrDefault()?.Contract;
        if (request.Form is null || (request.Action != "allow" && request.Action != "cancel"))
        {
            return ConsentPage(ctx, simulation, request, app, member, contract);
        }
        if (request.Action == "cancel")
        {
            return Results.Redirect(WithQuery(redirectUri, ("error", "user_cancelled_authorize"), ("error_description", "The user cancelled the authorization"), ("state", request["state"])));
        }
        var code = new AuthCodeRec
        {
            Code = Simulation.NewId(20),
            ClientId = app.ClientId,
            RedirectUri = redirectUri,
            CodeChallenge = challenge,
            MemberId = member.Id,
            Contract = contract,
            Scope = request["scope"] ?? "r_liteprofile",
            ExpiresAt = simulation.NowMs + 30 * 60_000,
        };
        simulation.State.Write(store => store.AuthCodes.Put(code));
        return Results.Redirect(WithQuery(redirectUri, ("code", code.Code), ("state", request["state"])));
    }

    private static IResult ContractChooser(HttpContext ctx, Simulation simulation, AuthorizationRequest request, AppRec app, Member member, List<Seat> seats)
    {
        var options = string.Concat(seats.Select(s => $"<p><label><input type=\"radio\" name=\"contract\" value=\"{Attr(s.Contract)}\" id=\"contract-{Attr(s.Contract.Split(':')[^1])}\"> {E(simulation.World.ContractByUrn(s.Contract)!.Name)}</label></p>"));
        return Page("Choose a contract", $"""
            <h1>Choose a contract</h1><p>You hold seats on more than one Recruiter contract. Which one should <b>{E(app.Name)}</b> use?</p>
            <form method="get" action="/oauth/v2/authorization">{request.HiddenInputs()}{options}<button type="submit" id="continue">Continue</button></form>
            """, ctx, member);
    }

    private static IResult ConsentPage(HttpContext ctx, Simulation simulation, AuthorizationRequest request, AppRec app, Member member, string? contract) =>
        Page("Authorize", $"""
            <h1>{E(app.Name)} would like to:</h1>
            <ul><li>Use your name, headline and photo (r_liteprofile)</li></ul>
            <p class="muted">Signed in as {E(member.Name)}{(contract is null ? "" : " · contract " + E(simulation.World.ContractByUrn(contract)?.Name))}</p>
            <form method="post" action="/oauth/v2/authorization">{request.HiddenInputs()}{Hidden("contract", contract)}
            <button type="submit" name="action" value="allow" id="allow">Allow</button>
            <button type="submit" name="action" value="cancel" class="secondary" id="cancel">Cancel</button></form>
            """, ctx, member);
}
