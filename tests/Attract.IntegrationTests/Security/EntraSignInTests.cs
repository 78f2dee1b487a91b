using System.Net;
using System.Security.Claims;
using Attract.IntegrationTests.Infrastructure;
using Attract.Web.Infrastructure;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace Attract.IntegrationTests.Security;

public class EntraSignInTests
{
    private const string Authority = "https://login.microsoftonline.com/11111111-2222-3333-4444-555555555555/v2.0";

    [Fact]
    public async Task ProtectedPage_EntraConfigured_RedirectsToEntraAuthorize()
    {
        using var factory = new AttractFactory()
            .WithSetting("AzureAd:TenantId", "11111111-2222-3333-4444-555555555555")
            .WithSetting("AzureAd:ClientId", "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee")
            .WithSetting("AzureAd:Domain", "contoso.onmicrosoft.com");
        var configured = factory.WithWebHostBuilder(b => b.ConfigureTestServices(s =>
            s.PostConfigure<OpenIdConnectOptions>(OpenIdConnectDefaults.AuthenticationScheme, o =>
            {
                var cfg = new OpenIdConnectConfiguration
                {
                    Issuer = Authority,
                    AuthorizationEndpoint = "https://login.microsoftonline.com/11111111-2222-3333-4444-555555555555/oauth2/v2.0/authorize",
                    TokenEndpoint = "https://login.microsoftonline.com/11111111-2222-3333-4444-555555555555/oauth2/v2.0/token",
                };
                o.Configuration = cfg;
                o.ConfigurationManager = new StaticConfigurationManager<OpenIdConnectConfiguration>(cfg);
            })));
        var client = configured.CreateClient(new() { AllowAutoRedirect = false });

        var response = await client.GetAsync("/Admin");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!;
        Assert.Equal("login.microsoftonline.com", location.Host);
        Assert.EndsWith("/oauth2/v2.0/authorize", location.AbsolutePath, StringComparison.Ordinal);
        Assert.Contains("client_id=aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee", location.Query, StringComparison.Ordinal);
        Assert.Contains("redirect_uri=http%3A%2F%2Flocalhost%2Fsignin-oidc", location.Query, StringComparison.Ordinal);
    }

    [Fact]
    public void AddAttractRoles_AppRolesAndGroups_MapToAttractRoles()
    {
        var identity = new ClaimsIdentity([
            new Claim("roles", "Attract.Recruiter"),
            new Claim("roles", "hiringmanager"),
            new Claim("roles", "SomethingElse"),
            new Claim("groups", "group-admins"),
            new Claim("groups", "group-unknown"),
        ], "test", "name", "roles");

        EntraRoleMapper.AddAttractRoles(identity, new Dictionary<string, string> { ["group-admins"] = "Admin" });

        var principal = new ClaimsPrincipal(identity);
        Assert.True(principal.IsInRole("Recruiter"));
        Assert.True(principal.IsInRole("HiringManager"));
        Assert.True(principal.IsInRole("Admin"));
        Assert.False(principal.IsInRole("Interviewer"));
    }
}
