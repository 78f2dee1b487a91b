using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using static LinkedIn.Simulator.Html;

namespace LinkedIn.Simulator;

internal static class OAuthEndpoints
{
    public const long AccessTtl3L = 5_184_000;
    public const long RefreshTtl = 31_536_000;
    public const long AccessTtl2L = 1800;

    public static void Map(WebApplication app, Sim sim)
    {
        app.MapGet("/login", (HttpContext ctx, string? returnUrl, string? error) => LoginPage(returnUrl, error));
        app.MapPost("/login", async (HttpContext ctx) =>
        {
            var f = await ctx.Request.ReadFormAsync();
            var email = f["email"].ToString();
            var pw = f["password"].ToString();
            var ret = f["returnUrl"].ToString();
            var m = sim.World.FindByEmail(email);
            if (m is null || pw != World.Password)
            {
                return LoginPage(ret, "Wrong email or password.");
            }
            sim.SignIn(ctx, m);
            return Results.Redirect(Local(ret));
        });
        app.MapPost("/logout", (HttpContext ctx) =>
        {
            sim.SignOut(ctx);
            return Results.Redirect("/login");
        });
        app.MapGet("/logout", (HttpContext ctx) =>
        {
            sim.SignOut(ctx);
            return Results.Redirect("/login");
        });

        app.MapGet("/oauth/v2/authorization", (HttpContext ctx) => Authorize(ctx, sim, null));
        app.MapPost("/oauth/v2/authorization", async (HttpContext ctx) =>
        {
            var f = await ctx.Request.ReadFormAsync();
            return Authorize(ctx, sim, f);
        });
        app.MapPost("/oauth/v2/accessToken", (Delegate)((HttpContext ctx) => Token(ctx, sim)));

        app.MapGet("/v2/me", (HttpContext ctx) =>
        {
            var (c, err) = sim.Authenticate(ctx);
            if (c is null)
            {
                return err!;
            }
            if (!c.Token.ThreeLegged || sim.World.ById.GetValueOrDefault(c.Token.MemberId ?? "") is not { } m)
            {
                return RestLi.Forbidden("Not enough permissions to access: GET /me (a member (3-legged) token is required)");
            }
            return RestLi.Json(new JsonObject
            {
                ["id"] = m.Id,
                ["localizedFirstName"] = m.FirstName,
                ["localizedLastName"] = m.LastName,
                ["localizedHeadline"] = m.Headline,
            });
        });
        app.MapGet("/v2/recruiterContracts", (HttpContext ctx) =>
        {
            var (c, err) = sim.Authenticate(ctx);
            if (c is null)
            {
                return err!;
            }
            if (ctx.Request.Query["q"] != "viewer")
            {
                return RestLi.BadRequest("Unsupported finder; use q=viewer");
            }
            if (!c.Token.ThreeLegged || c.Token.MemberId is null)
            {
                return RestLi.Forbidden("A member (3-legged) token is required");
            }
            var (start, count, perr) = RestLi.Paging(ctx);
            if (perr is not null)
            {
                return perr;
            }
            var seats = sim.World.SeatsOf(c.Token.MemberId).ToList();
            var selected = c.Token.Contract ?? (seats.Count == 1 ? seats[0].Contract : null);
            var els = seats.Select(s => (JsonNode)new JsonObject
            {
                ["id"] = s.Contract,
                ["name"] = sim.World.ContractByUrn(s.Contract)!.Name,
                ["organization"] = World.Organization,
                ["seat"] = s.Urn,
                ["admin"] = s.Admin,
                ["selected"] = s.Contract == selected,
            });
            return RestLi.Json(RestLi.Collection(els, start, count));
        });
    }

    private static IResult LoginPage(string? returnUrl, string? error)
    {
        var body = $"""
            <h1>Sign in</h1>
            <p class="muted">Stay updated on your professional world. (Simulated LinkedIn: every account's password is <code>{E(World.Password)}</code>.)</p>
            {(error is null ? "" : $"<p class=\"err\" id=\"login-error\">{E(error)}</p>")}
            <form method="post" action="/login">
              {Hidden("returnUrl", returnUrl)}
              <p><label>Email<br><input type="email" name="email" id="email" autocomplete="username"></label></p>
              <p><label>Password<br><input type="password" name="password" id="password" autocomplete="current-password"></label></p>
              <p><button type="submit" id="sign-in">Sign in</button></p>
            </form>
            <p class="muted">Accounts: admin@linkedin.test, recruiter@linkedin.test, hiring.manager@linkedin.test, casey.colleague@linkedin.test, jordan.sourcer@linkedin.test; any member can sign in with their email.</p>
            """;
        return Page("Sign in", body, chrome: false);
    }

    public static bool RedirectAllowed(Sim sim, AppRec app, string redirectUri)
    {
        if (app.CallbackUrls.Contains(redirectUri, StringComparer.Ordinal))
        {
            return true;
        }
        if (sim.Options.AllowLoopbackRedirects && Uri.TryCreate(redirectUri, UriKind.Absolute, out var u) && u.Scheme == "http" && (u.Host == "localhost" || u.Host == "127.0.0.1"))
        {
            return true;
        }
        return false;
    }

    private static string WithQuery(string uri, params (string Key, string? Value)[] pairs)
    {
        var sb = new StringBuilder(uri);
        var sep = uri.Contains('?') ? '&' : '?';
        foreach (var (k, v) in pairs)
        {
            if (v is null)
            {
                continue;
            }
            sb.Append(sep).Append(k).Append('=').Append(Uri.EscapeDataString(v));
            sep = '&';
        }
        return sb.ToString();
    }

    private static IResult Authorize(HttpContext ctx, Sim sim, IFormCollection? form)
    {
        string? P(string k) => form is not null ? (form.TryGetValue(k, out var fv) ? fv.ToString() : null) : ctx.Request.Query.TryGetValue(k, out var v) ? v.ToString() : null;
        var clientId = P("client_id");
        var redirectUri = P("redirect_uri");
        var state = P("state");
        AppRec? app;
        lock (sim.Store.Gate)
        {
            app = clientId is null ? null : sim.Store.Apps.Get(clientId);
        }
        if (app is null)
        {
            return Error("Invalid request", "The client_id is not recognised (invalid_client).");
        }
        if (string.IsNullOrEmpty(redirectUri) || !RedirectAllowed(sim, app, redirectUri))
        {
            return Error("Invalid request", "The redirect_uri does not match the registered value (invalid_redirect_uri).");
        }
        if (P("response_type") != "code")
        {
            return Results.Redirect(WithQuery(redirectUri, ("error", "unsupported_response_type"), ("error_description", "response_type must be code"), ("state", state)));
        }
        var challenge = P("code_challenge");
        if (string.IsNullOrEmpty(challenge) || P("code_challenge_method") != "S256")
        {
            return Results.Redirect(WithQuery(redirectUri, ("error", "invalid_request"), ("error_description", "PKCE is required: code_challenge with code_challenge_method=S256"), ("state", state)));
        }
        var current = sim.CurrentMember(ctx);
        var selfUrl = "/oauth/v2/authorization" + (form is null ? ctx.Request.QueryString.Value : "");
        if (current is null)
        {
            return Results.Redirect("/login?returnUrl=" + U(selfUrl));
        }
        var member = current.Value.Member;
        var seats = sim.World.SeatsOf(member.Id).ToList();
        var contract = P("contract");
        var hidden = string.Concat(new[] { "response_type", "client_id", "redirect_uri", "state", "scope", "code_challenge", "code_challenge_method" }.Select(k => Hidden(k, P(k))));
        if (seats.Count > 1 && (contract is null || seats.All(s => s.Contract != contract)))
        {
            var options = string.Concat(seats.Select(s => $"<p><label><input type=\"radio\" name=\"contract\" value=\"{Attr(s.Contract)}\" id=\"contract-{Attr(s.Contract.Split(':')[^1])}\"> {E(sim.World.ContractByUrn(s.Contract)!.Name)}</label></p>"));
            return Page("Choose a contract", $"""
                <h1>Choose a contract</h1><p>You hold seats on more than one Recruiter contract. Which one should <b>{E(app.Name)}</b> use?</p>
                <form method="get" action="/oauth/v2/authorization">{hidden}{options}<button type="submit" id="continue">Continue</button></form>
                """, ctx, member);
        }
        contract ??= seats.FirstOrDefault()?.Contract;
        if (form is null || (form["action"] != "allow" && form["action"] != "cancel"))
        {
            return Page("Authorize", $"""
                <h1>{E(app.Name)} would like to:</h1>
                <ul><li>Use your name, headline and photo (r_liteprofile)</li></ul>
                <p class="muted">Signed in as {E(member.Name)}{(contract is null ? "" : " · contract " + E(sim.World.ContractByUrn(contract)?.Name))}</p>
                <form method="post" action="/oauth/v2/authorization">{hidden}{Hidden("contract", contract)}
                <button type="submit" name="action" value="allow" id="allow">Allow</button>
                <button type="submit" name="action" value="cancel" class="secondary" id="cancel">Cancel</button></form>
                """, ctx, member);
        }
        if (form["action"] == "cancel")
        {
            return Results.Redirect(WithQuery(redirectUri, ("error", "user_cancelled_authorize"), ("error_description", "The user cancelled the authorization"), ("state", state)));
        }
        var code = new AuthCodeRec
        {
            Code = Sim.NewId(20),
            ClientId = app.ClientId,
            RedirectUri = redirectUri,
            CodeChallenge = challenge,
            MemberId = member.Id,
            Contract = contract,
            Scope = P("scope") ?? "r_liteprofile",
            ExpiresAt = sim.NowMs + 30 * 60_000,
        };
        lock (sim.Store.Gate)
        {
            sim.Store.AuthCodes.Put(code);
        }
        return Results.Redirect(WithQuery(redirectUri, ("code", code.Code), ("state", state)));
    }

    private static IResult OAuthError(string error, string description, int status = 400) =>
        RestLi.Json(new JsonObject { ["error"] = error, ["error_description"] = description }, status);

    private static async Task<IResult> Token(HttpContext ctx, Sim sim)
    {
        if (!ctx.Request.HasFormContentType)
        {
            return OAuthError("invalid_request", "Content-Type must be application/x-www-form-urlencoded");
        }
        var f = await ctx.Request.ReadFormAsync();
        var grant = f["grant_type"].ToString();
        var clientId = f["client_id"].ToString();
        var secret = f["client_secret"].ToString();
        var basic = ctx.Request.Headers.Authorization.ToString();
        if (string.IsNullOrEmpty(clientId) && basic.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                var raw = Encoding.UTF8.GetString(Convert.FromBase64String(basic[6..].Trim()));
                var i = raw.IndexOf(':');
                clientId = Uri.UnescapeDataString(raw[..i]);
                secret = Uri.UnescapeDataString(raw[(i + 1)..]);
            }
            catch (FormatException)
            {
                return OAuthError("invalid_client", "Malformed Basic authorization", 401);
            }
        }
        if (string.IsNullOrEmpty(grant))
        {
            return OAuthError("invalid_request", "A required parameter \"grant_type\" is missing");
        }
        if (string.IsNullOrEmpty(clientId) || string.IsNullOrEmpty(secret))
        {
            return OAuthError("invalid_request", "A required parameter \"client_id\" or \"client_secret\" is missing");
        }
        lock (sim.Store.Gate)
        {
            var app = sim.Store.Apps.Get(clientId);
            if (app is null || !CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(app.ClientSecret), Encoding.UTF8.GetBytes(secret)))
            {
                return OAuthError("invalid_client", "Client authentication failed", 401);
            }
            ctx.Items["sim.clientId"] = app.ClientId;
            var now = sim.NowMs;
            switch (grant)
            {
                case "client_credentials":
                    {
                        if (!app.AllowTwoLegged)
                        {
                            return OAuthError("access_denied", "This application is not allowed to create application tokens");
                        }
                        var t = new TokenRec { Token = "AQV" + Sim.NewSecret() + Sim.NewSecret(), ClientId = app.ClientId, ExpiresAt = now + AccessTtl2L * 1000 };
                        sim.Store.Tokens.Put(t);
                        return RestLi.Json(new JsonObject { ["access_token"] = t.Token, ["expires_in"] = AccessTtl2L });
                    }
                case "authorization_code":
                    {
                        var code = sim.Store.AuthCodes.Get(f["code"].ToString());
                        if (code is null || code.Used || code.ExpiresAt <= now || code.ClientId != app.ClientId)
                        {
                            return OAuthError("invalid_grant", "The authorization code is invalid, expired or already used");
                        }
                        if (code.RedirectUri != f["redirect_uri"].ToString())
                        {
                            return OAuthError("invalid_grant", "The redirect_uri does not match the one used in the authorization request");
                        }
                        var verifier = f["code_verifier"].ToString();
                        var expected = Base64Url(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));
                        if (string.IsNullOrEmpty(verifier) || expected != code.CodeChallenge)
                        {
                            return OAuthError("invalid_grant", "The code_verifier does not match the code_challenge");
                        }
                        code.Used = true;
                        sim.Store.AuthCodes.Put(code);
                        var refresh = new TokenRec
                        {
                            Token = "AQX" + Sim.NewSecret() + Sim.NewSecret(),
                            ClientId = app.ClientId,
                            IsRefresh = true,
                            ThreeLegged = true,
                            MemberId = code.MemberId,
                            Contract = code.Contract,
                            Scope = code.Scope,
                            ExpiresAt = now + RefreshTtl * 1000,
                            RefreshExpiresAt = now + RefreshTtl * 1000,
                        };
                        sim.Store.Tokens.Put(refresh);
                        return Issue3L(sim, app, refresh, now);
                    }
                case "refresh_token":
                    {
                        var refresh = sim.Store.Tokens.Get(f["refresh_token"].ToString());
                        if (refresh is null || !refresh.IsRefresh || refresh.ClientId != app.ClientId || refresh.ExpiresAt <= now)
                        {
                            return OAuthError("invalid_grant", "The refresh token is invalid or expired");
                        }
                        return Issue3L(sim, app, refresh, now);
                    }
                default:
                    return OAuthError("unsupported_grant_type", $"Grant type '{grant}' is not supported");
            }
        }
    }

    private static IResult Issue3L(Sim sim, AppRec app, TokenRec refresh, long now)
    {
        var t = new TokenRec
        {
            Token = "AQU" + Sim.NewSecret() + Sim.NewSecret(),
            ClientId = app.ClientId,
            ThreeLegged = true,
            MemberId = refresh.MemberId,
            Contract = refresh.Contract,
            Scope = refresh.Scope,
            ExpiresAt = now + AccessTtl3L * 1000,
        };
        sim.Store.Tokens.Put(t);
        return RestLi.Json(new JsonObject
        {
            ["access_token"] = t.Token,
            ["expires_in"] = AccessTtl3L,
            ["refresh_token"] = refresh.Token,
            ["refresh_token_expires_in"] = Math.Max(0, (refresh.ExpiresAt - now) / 1000),
            ["scope"] = refresh.Scope ?? "r_liteprofile",
        });
    }

    public static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
