using System.Net;
using System.Text.RegularExpressions;

namespace LinkedIn.ContractTests;

public sealed partial class OAuthContractTests : ContractTestBase
{
    private static readonly Uri RedirectUri = new("http://127.0.0.1:5999/signin-linkedin");

    [Fact]
    public async Task RequestAppTokenAsync_ParentCredentials_ReturnsTwoLeggedToken()
    {
        var before = DateTimeOffset.UtcNow;

        var token = await Host.OAuth.RequestAppTokenAsync(Host.Parent);

        Assert.False(string.IsNullOrWhiteSpace(token.AccessToken));
        Assert.InRange(token.ExpiresAt, before.AddSeconds(1800 - 5), DateTimeOffset.UtcNow.AddSeconds(1800 + 5));
    }

    [Fact]
    public async Task RequestAppTokenAsync_ProvisionedChild_ReturnsTwoLeggedToken()
    {
        var (_, child) = await Host.ProvisionAsync();
        var before = DateTimeOffset.UtcNow;

        var token = await Host.OAuth.RequestAppTokenAsync(child);

        Assert.False(string.IsNullOrWhiteSpace(token.AccessToken));
        Assert.NotEqual((await Host.OAuth.RequestAppTokenAsync(Host.Parent)).AccessToken, token.AccessToken);
        Assert.InRange(token.ExpiresAt, before.AddSeconds(1800 - 5), DateTimeOffset.UtcNow.AddSeconds(1800 + 5));
    }

    [Fact]
    public async Task RequestAppTokenAsync_WrongSecret_ThrowsAuthExceptionInvalidClient()
    {
        var (_, child) = await Host.ProvisionAsync();

        var ex = await Assert.ThrowsAsync<LinkedInAuthException>(() => Host.OAuth.RequestAppTokenAsync(new LinkedInAppCredentials(child.ClientId, "not-the-secret")));

        Assert.Equal(HttpStatusCode.Unauthorized, ex.StatusCode);
        Assert.Equal("invalid_client", ex.ErrorCode);
    }

    [Fact]
    public async Task ExchangeCodeAsync_CodeFromContractPickerWithPkce_ReturnsMemberTokenForSelectedContract()
    {
        var (_, child) = await Host.ProvisionAsync();
        var (code, request) = await AuthorizeAsync(child, ContractHost.EmeaContract);

        var token = await Host.OAuth.ExchangeCodeAsync(child, code, RedirectUri, request.CodeVerifier);

        Assert.False(string.IsNullOrWhiteSpace(token.AccessToken));
        Assert.False(string.IsNullOrWhiteSpace(token.RefreshToken));
        Assert.Equal("r_liteprofile", token.Scope);
        Assert.True(token.ExpiresAt > DateTimeOffset.UtcNow.AddDays(59));
        Assert.True(token.RefreshTokenExpiresAt > DateTimeOffset.UtcNow.AddDays(364));

        var me = await MemberClient.GetMeAsync(token.AccessToken);
        Assert.Equal("aB3xYz", me.Id);
        Assert.Equal(ContractHost.AdminPerson, me.PersonUrn);
        Assert.Equal("Avery", me.LocalizedFirstName);
        Assert.Equal("Admin", me.LocalizedLastName);

        var contracts = await MemberClient.GetRecruiterContractsAsync(token.AccessToken);
        Assert.Equal(2, contracts.Count);
        var selected = Assert.Single(contracts, c => c.Selected);
        Assert.Equal(ContractHost.EmeaContract, selected.Id);
        Assert.Equal("urn:li:seat:9101", selected.Seat);
        Assert.True(selected.Admin);
        Assert.Equal(ContractHost.Org, selected.Organization);
        var global = Assert.Single(contracts, c => c.Id == ContractHost.GlobalContract);
        Assert.False(global.Selected);
        Assert.Equal("urn:li:seat:9001", global.Seat);
    }

    [Fact]
    public async Task RefreshTokenAsync_RefreshTokenFromCodeExchange_ReturnsNewWorkingAccessToken()
    {
        var (_, child) = await Host.ProvisionAsync();
        var (code, request) = await AuthorizeAsync(child, ContractHost.GlobalContract);
        var first = await Host.OAuth.ExchangeCodeAsync(child, code, RedirectUri, request.CodeVerifier);

        var refreshed = await Host.OAuth.RefreshTokenAsync(child, first.RefreshToken!);

        Assert.False(string.IsNullOrWhiteSpace(refreshed.AccessToken));
        Assert.NotEqual(first.AccessToken, refreshed.AccessToken);
        Assert.Equal(first.RefreshToken, refreshed.RefreshToken);
        Assert.True(refreshed.ExpiresAt > DateTimeOffset.UtcNow.AddDays(59));
        var me = await MemberClient.GetMeAsync(refreshed.AccessToken);
        Assert.Equal(ContractHost.AdminPerson, me.PersonUrn);
        var contracts = await MemberClient.GetRecruiterContractsAsync(refreshed.AccessToken);
        Assert.Equal(ContractHost.GlobalContract, Assert.Single(contracts, c => c.Selected).Id);
    }

    [Fact]
    public async Task ExchangeCodeAsync_WrongCodeVerifier_ThrowsAuthExceptionInvalidGrant()
    {
        var (_, child) = await Host.ProvisionAsync();
        var (code, _) = await AuthorizeAsync(child, ContractHost.GlobalContract);

        var ex = await Assert.ThrowsAsync<LinkedInAuthException>(() => Host.OAuth.ExchangeCodeAsync(child, code, RedirectUri, Pkce.CreateCodeVerifier()));

        Assert.Equal(HttpStatusCode.BadRequest, ex.StatusCode);
        Assert.Equal("invalid_grant", ex.ErrorCode);
        Assert.DoesNotContain(child.ClientSecret, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RefreshTokenAsync_UnknownRefreshToken_ThrowsAuthExceptionInvalidGrant()
    {
        var (_, child) = await Host.ProvisionAsync();

        var ex = await Assert.ThrowsAsync<LinkedInAuthException>(() => Host.OAuth.RefreshTokenAsync(child, "AQX-not-a-refresh-token"));

        Assert.Equal("invalid_grant", ex.ErrorCode);
    }

    /// <summary>
    /// Drives LinkedIn's authorization screens like a browser (cookies, manual redirects): sign in as admin@linkedin.test,
    /// pick <paramref name="contract"/> on the contract picker (the admin holds seats on two contracts), allow on consent.
    /// </summary>
    private async Task<(string Code, LinkedInAuthorizationRequest Request)> AuthorizeAsync(LinkedInAppCredentials child, string contract)
    {
        var request = Host.OAuth.CreateAuthorizationRequest(child.ClientId, RedirectUri, ["r_liteprofile"]);
        Assert.StartsWith(Host.BaseAddress + "/oauth/v2/authorization?", request.Url.AbsoluteUri, StringComparison.Ordinal);
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer(), UseProxy = false })
        {
            BaseAddress = new Uri(Host.BaseAddress),
        };

        // 1. Not signed in → sign-in screen.
        using var start = await browser.GetAsync(request.Url);
        Assert.Equal(HttpStatusCode.Redirect, start.StatusCode);
        var loginUrl = start.Headers.Location!;
        Assert.StartsWith("/login", loginUrl.OriginalString, StringComparison.Ordinal);
        var loginPage = await browser.GetStringAsync(loginUrl);
        var loginFields = HiddenFields(loginPage);
        loginFields["email"] = ContractHost.AdminEmail;
        loginFields["password"] = ContractHost.Password;
        using var signedIn = await browser.PostAsync("/login", new FormUrlEncodedContent(loginFields));
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);

        // 2. Back to authorization → contract picker (two seats).
        var pickerPage = await browser.GetStringAsync(signedIn.Headers.Location!);
        Assert.Contains("Choose a contract", pickerPage, StringComparison.Ordinal);
        var offered = ContractOptionRegex().Matches(pickerPage).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).ToList();
        Assert.Equal([ContractHost.GlobalContract, ContractHost.EmeaContract], offered.Order());
        var pick = HiddenFields(pickerPage);
        pick["contract"] = contract;
        var pickQuery = string.Join('&', pick.Select(p => Uri.EscapeDataString(p.Key) + "=" + Uri.EscapeDataString(p.Value)));

        // 3. Consent → Allow.
        var consentPage = await browser.GetStringAsync("/oauth/v2/authorization?" + pickQuery);
        Assert.Contains("would like to", consentPage, StringComparison.Ordinal);
        var consent = HiddenFields(consentPage);
        Assert.Equal(contract, consent["contract"]);
        consent["action"] = "allow";
        using var allowed = await browser.PostAsync("/oauth/v2/authorization", new FormUrlEncodedContent(consent));
        Assert.Equal(HttpStatusCode.Redirect, allowed.StatusCode);

        // 4. Redirect back to the partner with code + state.
        var back = allowed.Headers.Location!;
        Assert.StartsWith(RedirectUri.AbsoluteUri + "?", back.AbsoluteUri, StringComparison.Ordinal);
        var query = back.Query.TrimStart('?').Split('&').Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => Uri.UnescapeDataString(p[1]));
        Assert.Equal(request.State, query["state"]);
        return (query["code"], request);
    }

    private static Dictionary<string, string> HiddenFields(string html) =>
        HiddenInputRegex().Matches(html).ToDictionary(m => WebUtility.HtmlDecode(m.Groups[1].Value), m => WebUtility.HtmlDecode(m.Groups[2].Value));

    [GeneratedRegex("<input type=\"hidden\" name=\"([^\"]*)\" value=\"([^\"]*)\">")]
    private static partial Regex HiddenInputRegex();

    [GeneratedRegex("<input type=\"radio\" name=\"contract\" value=\"([^\"]*)\"")]
    private static partial Regex ContractOptionRegex();
}
