using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace LinkedIn.Simulator.Tests;

public sealed class OAuthAndProvisioningTests : IAsyncLifetime
{
    private SimHost _sim = null!;

    public async Task InitializeAsync() => _sim = await SimHost.StartAsync();

    public async Task DisposeAsync() => await _sim.DisposeAsync();

    private static string B64Url(byte[] b) => Convert.ToBase64String(b).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static Dictionary<string, string> Query(string url)
    {
        var q = new Uri(url).Query.TrimStart('?');
        return q.Split('&', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => Uri.UnescapeDataString(p[1]));
    }

    [Fact]
    public async Task AccessToken_ClientCredentials_Returns1800SecondToken()
    {
        var r = await _sim.FormAsync("/oauth/v2/accessToken", new Dictionary<string, string> { ["grant_type"] = "client_credentials", ["client_id"] = "attract-dev-partner", ["client_secret"] = "attract-dev-partner-secret" });
        Assert.Equal(HttpStatusCode.OK, r.Status);
        Assert.Equal(1800, r.Json["expires_in"]!.GetValue<long>());
        Assert.False(string.IsNullOrEmpty(r.Json["access_token"]!.GetValue<string>()));
        Assert.Null(r.Json["refresh_token"]);
    }

    [Fact]
    public async Task AccessToken_WrongSecret_Returns401InvalidClient()
    {
        var r = await _sim.FormAsync("/oauth/v2/accessToken", new Dictionary<string, string> { ["grant_type"] = "client_credentials", ["client_id"] = "attract-dev-partner", ["client_secret"] = "nope" });
        Assert.Equal(HttpStatusCode.Unauthorized, r.Status);
        Assert.Equal("invalid_client", r.Json["error"]!.GetValue<string>());
    }

    [Fact]
    public async Task AccessToken_UnsupportedOrMissingGrant_Returns400OAuthError()
    {
        var r = await _sim.FormAsync("/oauth/v2/accessToken", new Dictionary<string, string> { ["grant_type"] = "password", ["client_id"] = "attract-dev-partner", ["client_secret"] = "attract-dev-partner-secret" });
        Assert.Equal(HttpStatusCode.BadRequest, r.Status);
        Assert.Equal("unsupported_grant_type", r.Json["error"]!.GetValue<string>());
        r = await _sim.FormAsync("/oauth/v2/accessToken", new Dictionary<string, string> { ["client_id"] = "attract-dev-partner" });
        Assert.Equal(HttpStatusCode.BadRequest, r.Status);
        Assert.Equal("invalid_request", r.Json["error"]!.GetValue<string>());
    }

    [Fact]
    public async Task ApiCall_WithoutOrWithBadToken_Returns401RestLiError()
    {
        var r = await _sim.GetAsync("/v2/provisionedApplications?q=credentialsByUniqueForeignId&uniqueForeignId=x", null);
        Assert.Equal(HttpStatusCode.Unauthorized, r.Status);
        Assert.Equal("INVALID_ACCESS_TOKEN", r.Json["code"]!.GetValue<string>());
        Assert.Equal(65600, r.Json["serviceErrorCode"]!.GetValue<int>());
        r = await _sim.GetAsync("/v2/provisionedApplications?q=credentialsByUniqueForeignId&uniqueForeignId=x", "garbage");
        Assert.Equal(HttpStatusCode.Unauthorized, r.Status);
    }

    private async Task<(string Code, string Verifier, Dictionary<string, string> Redirect)> AuthorizeAsync(string clientId, string email, string? contract = null)
    {
        var cookie = await _sim.SignInAsync(email);
        var verifier = B64Url(RandomNumberGenerator.GetBytes(32));
        var challenge = B64Url(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));
        var p = new Dictionary<string, string>
        {
            ["response_type"] = "code",
            ["client_id"] = clientId,
            ["redirect_uri"] = "http://localhost:5080/signin-linkedin",
            ["state"] = "st-123",
            ["scope"] = "r_liteprofile",
            ["code_challenge"] = challenge,
            ["code_challenge_method"] = "S256",
        };
        var qs = string.Join('&', p.Select(kv => kv.Key + "=" + Uri.EscapeDataString(kv.Value)));
        var page = await _sim.PageAsync("/oauth/v2/authorization?" + qs + (contract is null ? "" : "&contract=" + Uri.EscapeDataString(contract)), cookie);
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("Allow", page.Body);
        p["action"] = "allow";
        if (contract is not null)
        {
            p["contract"] = contract;
        }
        var r = await _sim.FormAsync("/oauth/v2/authorization", p, cookie);
        Assert.Equal(HttpStatusCode.Redirect, r.Status);
        var loc = r.Headers.Location!.ToString();
        Assert.StartsWith("http://localhost:5080/signin-linkedin?", loc);
        var q = Query(loc);
        return (q["code"], verifier, q);
    }

    private Task<SimHost.Resp> ExchangeCodeAsync(SimHost.Child child, string code, string verifier) =>
        _sim.FormAsync("/oauth/v2/accessToken", new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code",
            ["code"] = code,
            ["redirect_uri"] = "http://localhost:5080/signin-linkedin",
            ["client_id"] = child.ClientId,
            ["client_secret"] = child.Secret,
            ["code_verifier"] = verifier,
        });

    [Fact]
    public async Task Authorization_ThreeLeggedWithPkce_IssuesTokensMeAndContracts()
    {
        var child = await _sim.ProvisionAsync();
        var (code, verifier, redirect) = await AuthorizeAsync(child.ClientId, "recruiter@linkedin.test");
        Assert.Equal("st-123", redirect["state"]);
        var wrong = await ExchangeCodeAsync(child, code, "wrong-verifier");
        Assert.Equal(HttpStatusCode.BadRequest, wrong.Status);
        Assert.Equal("invalid_grant", wrong.Json["error"]!.GetValue<string>());
        var t = await ExchangeCodeAsync(child, code, verifier);
        Assert.Equal(HttpStatusCode.OK, t.Status);
        Assert.Equal(5184000, t.Json["expires_in"]!.GetValue<long>());
        Assert.Equal(31536000, t.Json["refresh_token_expires_in"]!.GetValue<long>());
        var access = t.Json["access_token"]!.GetValue<string>();
        var me = await _sim.SendAsync(HttpMethod.Get, "/v2/me", access, protocol: false);
        Assert.Equal(HttpStatusCode.OK, me.Status);
        Assert.Equal("rC7kLm", me.Json["id"]!.GetValue<string>());
        Assert.Equal("Riley", me.Json["localizedFirstName"]!.GetValue<string>());
        var contracts = await _sim.GetAsync("/v2/recruiterContracts?q=viewer", access);
        var el = Assert.Single(contracts.Json["elements"]!.AsArray());
        Assert.Equal("urn:li:contract:7001", el!["id"]!.GetValue<string>());
        Assert.True(el["selected"]!.GetValue<bool>());
        // code is single use
        var again = await ExchangeCodeAsync(child, code, verifier);
        Assert.Equal("invalid_grant", again.Json["error"]!.GetValue<string>());
        var refreshed = await _sim.FormAsync("/oauth/v2/accessToken", new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token",
            ["refresh_token"] = t.Json["refresh_token"]!.GetValue<string>(),
            ["client_id"] = child.ClientId,
            ["client_secret"] = child.Secret,
        });
        Assert.Equal(HttpStatusCode.OK, refreshed.Status);
        Assert.NotEqual(access, refreshed.Json["access_token"]!.GetValue<string>());
        // 2-legged token cannot call /v2/me
        var me2 = await _sim.SendAsync(HttpMethod.Get, "/v2/me", child.Token, protocol: false);
        Assert.Equal(HttpStatusCode.Forbidden, me2.Status);
    }

    [Fact]
    public async Task Authorization_MemberWithTwoContracts_ShowsContractPickerAndSelectsChoice()
    {
        var child = await _sim.ProvisionAsync();
        var cookie = await _sim.SignInAsync("admin@linkedin.test");
        var page = await _sim.PageAsync($"/oauth/v2/authorization?response_type=code&client_id={child.ClientId}&redirect_uri={Uri.EscapeDataString("http://localhost:5080/cb")}&state=s&code_challenge=abc&code_challenge_method=S256", cookie);
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("Choose a contract", page.Body);
        Assert.Contains("Contoso – EMEA", page.Body);
        var (code, verifier, _) = await AuthorizeAsync(child.ClientId, "admin@linkedin.test", "urn:li:contract:7002");
        var t = await ExchangeCodeAsync(child, code, verifier);
        var contracts = await _sim.GetAsync("/v2/recruiterContracts?q=viewer", t.Json["access_token"]!.GetValue<string>());
        var els = contracts.Json["elements"]!.AsArray();
        Assert.Equal(2, els.Count);
        Assert.True(els.Single(e => e!["id"]!.GetValue<string>() == "urn:li:contract:7002")!["selected"]!.GetValue<bool>());
        Assert.False(els.Single(e => e!["id"]!.GetValue<string>() == "urn:li:contract:7001")!["selected"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Authorization_UnregisteredRedirectOrMissingPkce_IsRejected()
    {
        var child = await _sim.ProvisionAsync();
        var bad = await _sim.PageAsync($"/oauth/v2/authorization?response_type=code&client_id={child.ClientId}&redirect_uri={Uri.EscapeDataString("https://evil.example/cb")}&state=s&code_challenge=abc&code_challenge_method=S256");
        Assert.Equal(HttpStatusCode.BadRequest, bad.Status);
        var registered = await _sim.PageAsync($"/oauth/v2/authorization?response_type=code&client_id={child.ClientId}&redirect_uri={Uri.EscapeDataString("https://attract.contoso.test/signin-linkedin")}&state=s&code_challenge=abc&code_challenge_method=S256");
        Assert.Equal(HttpStatusCode.Redirect, registered.Status);
        Assert.StartsWith("/login", registered.Headers.Location!.ToString());
        var noPkce = await _sim.PageAsync($"/oauth/v2/authorization?response_type=code&client_id={child.ClientId}&redirect_uri={Uri.EscapeDataString("http://localhost:5080/cb")}&state=s1");
        Assert.Equal(HttpStatusCode.Redirect, noPkce.Status);
        var q = Query(noPkce.Headers.Location!.ToString());
        Assert.Equal("invalid_request", q["error"]);
        Assert.Equal("s1", q["state"]);
        var plain = await _sim.PageAsync($"/oauth/v2/authorization?response_type=code&client_id={child.ClientId}&redirect_uri={Uri.EscapeDataString("http://localhost:5080/cb")}&state=s1&code_challenge=abc&code_challenge_method=plain");
        Assert.Equal("invalid_request", Query(plain.Headers.Location!.ToString())["error"]);
    }

    [Fact]
    public async Task Authorization_MemberCancels_RedirectsWithUserCancelledAndState()
    {
        var child = await _sim.ProvisionAsync();
        var cookie = await _sim.SignInAsync("recruiter@linkedin.test");
        var r = await _sim.FormAsync("/oauth/v2/authorization", new Dictionary<string, string>
        {
            ["response_type"] = "code",
            ["client_id"] = child.ClientId,
            ["redirect_uri"] = "http://localhost:5080/cb",
            ["state"] = "zz",
            ["code_challenge"] = "abc",
            ["code_challenge_method"] = "S256",
            ["action"] = "cancel",
        }, cookie);
        var q = Query(r.Headers.Location!.ToString());
        Assert.Equal("user_cancelled_authorize", q["error"]);
        Assert.Equal("zz", q["state"]);
    }

    [Fact]
    public async Task ProvisionedApplications_Create_Returns201WithKeyAndCredentials()
    {
        var parent = await _sim.PartnerTokenAsync();
        var r = await _sim.SendAsync(HttpMethod.Post, "/v2/provisionedApplications", parent, new JsonObject
        {
            ["uniqueForeignId"] = "tenant-create",
            ["name"] = "Attract - Contoso",
            ["description"] = "d",
            ["oauth2AuthorizedCallbackUrls"] = new JsonArray("https://a.test/cb"),
            ["validJsSdkDomains"] = new JsonArray("https://attract.contoso.test"),
        });
        Assert.Equal(HttpStatusCode.Created, r.Status);
        var key = r.Json["key"]!.GetValue<string>();
        Assert.StartsWith("urn:li:developerApplication:", key);
        Assert.Equal(key, r.Headers.GetValues("X-RestLi-Id").Single());
        Assert.Equal("tenant-create", r.Json["uniqueForeignId"]!.GetValue<string>());
        Assert.NotNull(r.Json["credentials"]!["clientSecret"]);
        var childToken = await _sim.TokenAsync(r.Json["credentials"]!["clientId"]!.GetValue<string>(), r.Json["credentials"]!["clientSecret"]!.GetValue<string>());
        Assert.False(string.IsNullOrEmpty(childToken));
    }

    [Fact]
    public async Task ProvisionedApplications_DuplicateUniqueForeignId_Returns409()
    {
        await _sim.ProvisionAsync("tenant-dup");
        var parent = await _sim.PartnerTokenAsync();
        var r = await _sim.SendAsync(HttpMethod.Post, "/v2/provisionedApplications", parent, new JsonObject { ["uniqueForeignId"] = "tenant-dup", ["name"] = "Other" });
        Assert.Equal(HttpStatusCode.Conflict, r.Status);
        Assert.Equal("DUPLICATE", r.Json["code"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("{\"uniqueForeignId\":\"t1\",\"name\":\"My LinkedIn ATS\"}")]
    [InlineData("{\"uniqueForeignId\":\"t2\",\"name\":\"123456789012345678901234567890123456789012345678901\"}")]
    [InlineData("{\"uniqueForeignId\":\"t3\"}")]
    [InlineData("{\"name\":\"No id\"}")]
    [InlineData("{\"uniqueForeignId\":\"t4\",\"name\":\"ok\",\"validJsSdkDomains\":[\"https://attract.test/\"]}")]
    [InlineData("{\"uniqueForeignId\":\"t5\",\"name\":\"ok\",\"validJsSdkDomains\":[\"https://attract.test/path\"]}")]
    public async Task ProvisionedApplications_InvalidBody_Returns400(string body)
    {
        var parent = await _sim.PartnerTokenAsync();
        var r = await _sim.SendAsync(HttpMethod.Post, "/v2/provisionedApplications", parent, body);
        Assert.Equal(HttpStatusCode.BadRequest, r.Status);
        Assert.Equal(400, r.Json["status"]!.GetValue<int>());
    }

    [Fact]
    public async Task ProvisionedApplications_ChildToken_Returns403()
    {
        var child = await _sim.ProvisionAsync();
        var r = await _sim.SendAsync(HttpMethod.Post, "/v2/provisionedApplications", child.Token, new JsonObject { ["uniqueForeignId"] = "x", ["name"] = "y" });
        Assert.Equal(HttpStatusCode.Forbidden, r.Status);
        Assert.Equal("ACCESS_DENIED", r.Json["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task ProvisionedApplications_PartialUpdate_ChangesOnlyPatchedFields()
    {
        var child = await _sim.ProvisionAsync("tenant-upd");
        var parent = await _sim.PartnerTokenAsync();
        var path = "/v2/provisionedApplications/" + Uri.EscapeDataString(child.Urn);
        var r = await _sim.SendAsync(HttpMethod.Post, path, parent, new JsonObject { ["patch"] = new JsonObject { ["$set"] = new JsonObject { ["validJsSdkDomains"] = new JsonArray("https://new.contoso.test", "http://localhost:5080") } } }, "partial_update");
        Assert.Equal(HttpStatusCode.NoContent, r.Status);
        var found = await _sim.GetAsync("/v2/provisionedApplications?q=credentialsByUniqueForeignId&uniqueForeignId=tenant-upd", parent);
        var app = Assert.Single(found.Json["elements"]!.AsArray())!;
        Assert.Equal(2, app["validJsSdkDomains"]!.AsArray().Count);
        Assert.Equal("Attract - Contoso", app["name"]!.GetValue<string>());
        Assert.Equal(child.ClientId, app["credentials"]!["clientId"]!.GetValue<string>());
        var bad = await _sim.SendAsync(HttpMethod.Post, path, parent, new JsonObject { ["patch"] = new JsonObject { ["$set"] = new JsonObject { ["name"] = "LinkedIn thing" } } }, "partial_update");
        Assert.Equal(HttpStatusCode.BadRequest, bad.Status);
        var missing = await _sim.SendAsync(HttpMethod.Post, "/v2/provisionedApplications/" + Uri.EscapeDataString("urn:li:developerApplication:999999"), parent, new JsonObject { ["patch"] = new JsonObject { ["$set"] = new JsonObject { ["name"] = "x" } } }, "partial_update");
        Assert.Equal(HttpStatusCode.NotFound, missing.Status);
    }

    [Fact]
    public async Task ProvisionedApplications_FinderUnknownId_ReturnsEmptyCollection()
    {
        var parent = await _sim.PartnerTokenAsync();
        var r = await _sim.GetAsync("/v2/provisionedApplications?q=credentialsByUniqueForeignId&uniqueForeignId=nobody", parent);
        Assert.Equal(HttpStatusCode.OK, r.Status);
        Assert.Empty(r.Json["elements"]!.AsArray());
        Assert.Equal(0, r.Json["paging"]!["total"]!.GetValue<int>());
    }
}
