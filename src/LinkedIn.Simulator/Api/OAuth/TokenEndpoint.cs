using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace LinkedIn.Simulator.Api.OAuth;

/// <summary>
/// <c>/oauth/v2/accessToken</c>: client credentials (2-legged, 30 minutes), authorization code with PKCE and refresh token
/// (3-legged, 60 days; refresh tokens a year). Client authentication by form fields or HTTP Basic.
/// </summary>
internal static class TokenEndpoint
{
    public const long AccessTtl3L = 5_184_000;
    public const long RefreshTtl = 31_536_000;
    public const long AccessTtl2L = 1800;

    public static void Map(WebApplication app, Simulation simulation) =>
        app.MapPost("/oauth/v2/accessToken", (Delegate)((HttpContext ctx) => Token(ctx, simulation)));

    private static IResult OAuthError(string error, string description, int status = 400) =>
        RestLi.Json(new JsonObject { ["error"] = error, ["error_description"] = description }, status);

    private static async Task<IResult> Token(HttpContext ctx, Simulation simulation)
    {
        if (!ctx.Request.HasFormContentType)
        {
            return OAuthError("invalid_request", "Content-Type must be application/x-www-form-urlencoded");
        }
        var form = await ctx.Request.ReadFormAsync();
        var grant = form["grant_type"].ToString();
        var (clientId, secret, malformed) = ClientCredentials(ctx, form);
        if (malformed)
        {
            return OAuthError("invalid_client", "Malformed Basic authorization", 401);
        }
        if (string.IsNullOrEmpty(grant))
        {
            return OAuthError("invalid_request", "A required parameter \"grant_type\" is missing");
        }
        if (string.IsNullOrEmpty(clientId) || string.IsNullOrEmpty(secret))
        {
            return OAuthError("invalid_request", "A required parameter \"client_id\" or \"client_secret\" is missing");
        }
        return simulation.State.Write(state =>
        {
            var app = state.Apps.Get(clientId);
            if (app is null || !CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(app.ClientSecret), Encoding.UTF8.GetBytes(secret)))
            {
                return OAuthError("invalid_client", "Client authentication failed", 401);
            }
            ctx.Items["sim.clientId"] = app.ClientId;
            var now = simulation.NowMs;
            return grant switch
            {
                "client_credentials" => ClientCredentialsGrant(state, app, now),
                "authorization_code" => AuthorizationCodeGrant(state, app, form, now),
                "refresh_token" => RefreshTokenGrant(state, app, form, now),
                _ => OAuthError("unsupported_grant_type", $"Grant type '{grant}' is not supported"),
            };
        });
    }

    /// <summary>The client id and secret from the form, or else from an HTTP Basic header (malformed when its base64 is not).</summary>
    private static (string ClientId, string Secret, bool Malformed) ClientCredentials(HttpContext ctx, IFormCollection form)
    {
        var clientId = form["client_id"].ToString();
        var secret = form["client_secret"].ToString();
        var basic = ctx.Request.Headers.Authorization.ToString();
        if (!string.IsNullOrEmpty(clientId) || !basic.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            return (clientId, secret, false);
        }
        try
        {
            var raw = Encoding.UTF8.GetString(Convert.FromBase64String(basic[6..].Trim()));
            var colon = raw.IndexOf(':');
            return (Uri.UnescapeDataString(raw[..colon]), Uri.UnescapeDataString(raw[(colon + 1)..]), false);
        }
        catch (FormatException)
        {
            return (clientId, secret, true);
        }
    }

    private static IResult ClientCredentialsGrant(StateStore state, AppRec app, long now)
    {
        if (!app.AllowTwoLegged)
        {
            return OAuthError("access_denied", "This application is not allowed to create application tokens");
        }
        var token = new TokenRec { Token = "AQV" + Simulation.NewSecret() + Simulation.NewSecret(), ClientId = app.ClientId, ExpiresAt = now + AccessTtl2L * 1000 };
        state.Tokens.Put(token);
        return RestLi.Json(new JsonObject { ["access_token"] = token.Token, ["expires_in"] = AccessTtl2L });
    }

    private static IResult AuthorizationCodeGrant(StateStore state, AppRec app, IFormCollection form, long now)
    {
        var code = state.AuthCodes.Get(form["code"].ToString());
        if (code is null || code.Used || code.ExpiresAt <= now || code.ClientId != app.ClientId)
        {
            return OAuthError("invalid_grant", "The authorization code is invalid, expired or already used");
        }
        if (code.RedirectUri != form["redirect_uri"].ToString())
        {
            return OAuthError("invalid_grant", "The redirect_uri does not match the one used in the authorization request");
        }
        var verifier = form["code_verifier"].ToString();
        var expected = Base64Url(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));
        if (string.IsNullOrEmpty(verifier) || expected != code.CodeChallenge)
        {
            return OAuthError("invalid_grant", "The code_verifier does not match the code_challenge");
        }
        code.Used = true;
        state.AuthCodes.Put(code);
        var refresh = new TokenRec
        {
            Token = "AQX" + Simulation.NewSecret() + Simulation.NewSecret(),
            ClientId = app.ClientId,
            IsRefresh = true,
            ThreeLegged = true,
            MemberId = code.MemberId,
            Contract = code.Contract,
            Scope = code.Scope,
            ExpiresAt = now + RefreshTtl * 1000,
            RefreshExpiresAt = now + RefreshTtl * 1000,
        };
        state.Tokens.Put(refresh);
        return IssueThreeLegged(state, app, refresh, now);
    }

    private static IResult RefreshTokenGrant(StateStore state, AppRec app, IFormCollection form, long now)
    {
        var refresh = state.Tokens.Get(form["refresh_token"].ToString());
        if (refresh is null || !refresh.IsRefresh || refresh.ClientId != app.ClientId || refresh.ExpiresAt <= now)
        {
            return OAuthError("invalid_grant", "The refresh token is invalid or expired");
        }
        return IssueThreeLegged(state, app, refresh, now);
    }

    private static IResult IssueThreeLegged(StateStore state, AppRec app, TokenRec refresh, long now)
    {
        var token = new TokenRec
        {
            Token = "AQU" + Simulation.NewSecret() + Simulation.NewSecret(),
            ClientId = app.ClientId,
            ThreeLegged = true,
            MemberId = refresh.MemberId,
            Contract = refresh.Contract,
            Scope = refresh.Scope,
            ExpiresAt = now + AccessTtl3L * 1000,
        };
        state.Tokens.Put(token);
        return RestLi.Json(new JsonObject
        {
            ["access_token"] = token.Token,
            ["expires_in"] = AccessTtl3L,
            ["refresh_token"] = refresh.Token,
            ["refresh_token_expires_in"] = Math.Max(0, (refresh.ExpiresAt - now) / 1000),
            ["scope"] = refresh.Scope ?? "r_liteprofile",
        });
    }

    public static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
