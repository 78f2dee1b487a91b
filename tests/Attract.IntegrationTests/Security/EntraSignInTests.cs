using System.Net;
using System.Security.Claims;
using Attract.Core.Identity;
using Attract.Core.Jobs;
using Attract.IntegrationTests.Infrastructure;
using Attract.Web.Infrastructure;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
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

    private static AttractFactory EntraFactory() => new AttractFactory()
        .WithSetting("AzureAd:Instance", "https://login.microsoftonline.com/")
        .WithSetting("AzureAd:TenantId", "11111111-2222-3333-4444-555555555555")
        .WithSetting("AzureAd:ClientId", "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee")
        .WithSetting("AzureAd:Domain", "contoso.onmicrosoft.com");

    /// <summary>Runs Attract's OpenID Connect TokenValidated event, as the handler does after Entra returns an id token.</summary>
    private static async Task<ClaimsPrincipal> SignInFromEntraAsync(AttractFactory factory, string objectId, string name, string email, params string[] appRoles)
    {
        var identity = new ClaimsIdentity(
            [
                new Claim("oid", objectId),
                new Claim("tid", "11111111-2222-3333-4444-555555555555"),
                new Claim(ClaimTypes.NameIdentifier, "pairwise-sub-" + objectId),
                new Claim("name", name),
                new Claim("preferred_username", email),
                .. appRoles.Select(r => new Claim("roles", r)),
            ],
            "AuthenticationTypes.Federation", "name", "roles");
        var principal = new ClaimsPrincipal(identity);
        using var scope = factory.Services.CreateScope();
        var options = scope.ServiceProvider.GetRequiredService<IOptionsMonitor<OpenIdConnectOptions>>().Get(OpenIdConnectDefaults.AuthenticationScheme);
        var http = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        var scheme = new AuthenticationScheme(OpenIdConnectDefaults.AuthenticationScheme, null, typeof(OpenIdConnectHandler));
        var context = new TokenValidatedContext(http, scheme, options, principal, new AuthenticationProperties());
        await options.Events.TokenValidated(context);
        return context.Principal!;
    }

    [Fact]
    public async Task SettingsPage_EntraUser_ShowsProfileFromMicrosoftWithoutPasswordOrNameEdit()
    {
        using var factory = EntraFactory();
        var principal = await SignInFromEntraAsync(factory, "0b2a", "Erin Entra", "erin@contoso.com", "Attract.Recruiter");
        using var signedIn = factory.WithWebHostBuilder(b => b.ConfigureTestServices(s =>
        {
            s.AddSingleton(new SignedInPrincipal(principal));
            s.AddAuthentication().AddScheme<AuthenticationSchemeOptions, SignedInHandler>(SignedInHandler.Name, _ => { });
            s.PostConfigure<AuthenticationOptions>(o => o.DefaultAuthenticateScheme = SignedInHandler.Name);
        }));
        var client = signedIn.CreateClient(new() { AllowAutoRedirect = false });

        var response = await client.GetAsync("/Settings");
        var page = await HtmlForms.ParseAsync(response);
        var save = await client.PostAsync("/Settings?handler=Profile", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "Someone Else",
            ["__RequestVerificationToken"] = page.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value") ?? "",
        }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Erin Entra", page.QuerySelector("[data-testid=profile-name]")!.TextContent);
        Assert.Equal("erin@contoso.com", page.QuerySelector("[data-testid=profile-email]")!.TextContent);
        Assert.Null(page.QuerySelector("[data-testid=settings-password]"));
        Assert.Null(page.QuerySelector("input[name='Input.DisplayName']"));
        Assert.NotNull(page.QuerySelector("[data-testid=settings-notifications]"));
        Assert.Equal(HttpStatusCode.BadRequest, save.StatusCode);
        Assert.Equal("Erin Entra", await factory.WithDbAsync(db => db.Users.Where(u => u.Email == "erin@contoso.com").Select(u => u.DisplayName).SingleAsync()));
    }

    private sealed record SignedInPrincipal(ClaimsPrincipal Principal);

    /// <summary>Authenticates every request as the principal Attract's Entra sign-in produced (the cookie step, without a browser).</summary>
    private sealed class SignedInHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, Microsoft.Extensions.Logging.ILoggerFactory logger,
        System.Text.Encodings.Web.UrlEncoder encoder, SignedInPrincipal signedIn) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
    {
        public const string Name = "EntraSignedIn";

        protected override Task<AuthenticateResult> HandleAuthenticateAsync() =>
            Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(signedIn.Principal, Name)));
    }

    [Fact]
    public async Task TokenValidated_FirstSignIn_ProvisionsAttractUserWithRoles()
    {
        using var factory = EntraFactory();

        var principal = await SignInFromEntraAsync(factory, "0b1c", "Erin Entra", "erin@contoso.com", "Attract.Recruiter");

        var user = await factory.WithDbAsync(db => db.Users.SingleAsync(u => u.Email == "erin@contoso.com"));
        Assert.Equal(user.Id, principal.FindFirstValue(ClaimTypes.NameIdentifier));
        Assert.Equal("Erin Entra", user.DisplayName);
        Assert.Equal("Erin Entra", principal.FindFirstValue(AttractClaimsPrincipalFactory.DisplayNameClaim));
        Assert.True(principal.IsInRole(Roles.Recruiter));
        Assert.Equal([Roles.Recruiter], await RolesOfAsync(factory, user.Id));
        var login = await factory.WithDbAsync(db => db.UserLogins.SingleAsync(l => l.UserId == user.Id));
        Assert.Equal((EntraUserProvisioner.LoginProvider, "11111111-2222-3333-4444-555555555555.0b1c"), (login.LoginProvider, login.ProviderKey));
        // An Entra user is a real Attract user: it can sit on a hiring team.
        var jobId = await factory.CreateJobAsync(standardTeam: false);
        await factory.WithDbAsync(async db =>
        {
            (await db.Jobs.Include(j => j.Team).SingleAsync(j => j.Id == jobId)).AssignTeamMember(user.Id, TeamRole.Recruiter);
            return await db.SaveChangesAsync();
        });
        Assert.True(await factory.WithDbAsync(db => db.Set<JobTeamMember>().AnyAsync(t => t.JobId == jobId && t.UserId == user.Id)));
    }

    [Fact]
    public async Task TokenValidated_NextSignIn_SameUserWithNameAndRolesFromEntra()
    {
        using var factory = EntraFactory();
        var first = await SignInFromEntraAsync(factory, "0b1d", "Sam Before", "sam@contoso.com", "Attract.Recruiter", "Interviewer");

        var second = await SignInFromEntraAsync(factory, "0b1d", "Sam After", "sam@contoso.com", "HiringManager");

        var userId = first.FindFirstValue(ClaimTypes.NameIdentifier)!;
        Assert.Equal(userId, second.FindFirstValue(ClaimTypes.NameIdentifier));
        Assert.Equal(1, await factory.WithDbAsync(db => db.Users.CountAsync(u => u.Email == "sam@contoso.com")));
        Assert.Equal("Sam After", await factory.WithDbAsync(db => db.Users.Where(u => u.Id == userId).Select(u => u.DisplayName).SingleAsync()));
        Assert.Equal([Roles.HiringManager], await RolesOfAsync(factory, userId));
    }

    [Fact]
    public async Task TokenValidated_OtherObjectIdWithSameEmail_IsNotMergedIntoTheExistingUser()
    {
        using var factory = EntraFactory();
        var first = await SignInFromEntraAsync(factory, "0b1e", "Alex One", "alex@contoso.com", "Recruiter");

        var other = await SignInFromEntraAsync(factory, "0b1f", "Alex Two", "alex@contoso.com");

        Assert.NotEqual(first.FindFirstValue(ClaimTypes.NameIdentifier), other.FindFirstValue(ClaimTypes.NameIdentifier));
        Assert.Empty(await RolesOfAsync(factory, other.FindFirstValue(ClaimTypes.NameIdentifier)!));
    }

    private static Task<List<string>> RolesOfAsync(AttractFactory factory, string userId) => factory.WithDbAsync(db =>
        db.UserRoles.Where(ur => ur.UserId == userId).Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => r.Name!).OrderBy(n => n).ToListAsync());

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
