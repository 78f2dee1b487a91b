using System.Security.Claims;
using Attract.Core.Data;
using Attract.Core.Identity;
using Attract.Web.Infrastructure.Passwords;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Identity.Web;

namespace Attract.Web.Infrastructure;

/// <summary>
/// Local ASP.NET Core Identity accounts by default; Entra ID through Microsoft.Identity.Web when
/// <c>AzureAd:ClientId</c> is configured. Every page needs a signed-in user unless it opts out.
/// </summary>
public static class AuthSetup
{
    public static bool IsEntraConfigured(IConfiguration config) => !string.IsNullOrWhiteSpace(config["AzureAd:ClientId"]);

    public static IServiceCollection AddAttractAuthentication(this IServiceCollection services, IConfiguration config, IHostEnvironment env)
    {
        var session = SessionLifetime.From(config);
        var secureCookies = config.GetValue("Security:RequireSecureCookies", !ProductionGuard.AllowsDevelopmentFeatures(env));
        if (IsEntraConfigured(config))
        {
            AddEntraSignIn(services, config, session, secureCookies);
        }
        else
        {
            AddLocalAccounts(services, config, session, secureCookies);
        }

        // Pages without their own policy need a signed-in user with an Attract role: a user without one gets 403
        // everywhere except the pages that opt in with a bare [Authorize] (their own settings) and sign-out.
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().RequireRole(Roles.All).Build())
            .AddPolicy(Policies.Admin, p => p.RequireRole(Roles.Admin))
            .AddPolicy(Policies.Recruiting, p => p.RequireRole(Roles.Admin, Roles.Recruiter))
            .AddPolicy(Policies.HiringTeam, p => p.RequireRole(Roles.Admin, Roles.Recruiter, Roles.HiringManager))
            .AddPolicy(Policies.AnyRole, p => p.RequireRole([.. Roles.All]));
        return services;
    }

    /// <summary>Entra ID sign-in (OpenID Connect) into the Attract cookie; users and their roles are provisioned on sign-in.</summary>
    private static void AddEntraSignIn(IServiceCollection services, IConfiguration config, SessionLifetime session, bool secureCookies)
    {
        services.AddIdentityCore<AttractUser>()
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<AttractDbContext>();
        services.AddScoped<EntraUserProvisioner>();
        services.AddAuthentication(o =>
            {
                o.DefaultScheme = CookieAuthenticationDefaults.AuthenticationScheme;
                o.DefaultAuthenticateScheme = CookieAuthenticationDefaults.AuthenticationScheme;
                o.DefaultSignInScheme = CookieAuthenticationDefaults.AuthenticationScheme;
                o.DefaultChallengeScheme = OpenIdConnectDefaults.AuthenticationScheme;
            })
            .AddMicrosoftIdentityWebApp(config.GetSection("AzureAd"));
        var groupRoles = config.GetSection("AzureAd:GroupRoles").Get<Dictionary<string, string>>() ?? [];
        services.Configure<OpenIdConnectOptions>(OpenIdConnectDefaults.AuthenticationScheme, o =>
        {
            var previous = o.Events.OnTokenValidated;
            o.Events.OnTokenValidated = async ctx =>
            {
                await previous(ctx);
                if (ctx.Principal?.Identity is ClaimsIdentity identity)
                {
                    EntraRoleMapper.AddAttractRoles(identity, groupRoles);
                    await ctx.HttpContext.RequestServices.GetRequiredService<EntraUserProvisioner>().ProvisionAsync(identity);
                }
            };
        });
        services.Configure<CookieAuthenticationOptions>(CookieAuthenticationDefaults.AuthenticationScheme, o =>
        {
            ConfigureSessionCookie(o, session, secureCookies);
        });
    }

    /// <summary>Local ASP.NET Core Identity accounts: password policy, lockout and the sign-in pages.</summary>
    private static void AddLocalAccounts(IServiceCollection services, IConfiguration config, SessionLifetime session, bool secureCookies)
    {
        services.AddIdentity<AttractUser, IdentityRole>(o =>
            {
                o.User.RequireUniqueEmail = true;
                o.SignIn.RequireConfirmedAccount = false;
                PasswordPolicy.Apply(o.Password, config);
                o.Lockout.AllowedForNewUsers = true;
                o.Lockout.MaxFailedAccessAttempts = config.GetValue("Auth:Lockout:MaxFailedAttempts", 5);
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(config.GetValue("Auth:Lockout:Minutes", 15));
            })
            .AddEntityFrameworkStores<AttractDbContext>()
            .AddDefaultTokenProviders()
            .AddPasswordValidator<CommonPasswordValidator>()
            .AddClaimsPrincipalFactory<AttractClaimsPrincipalFactory>();
        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/Account/Login";
            o.LogoutPath = "/Account/Logout";
            o.Cookie.Name = "Attract.Auth";
            ConfigureSessionCookie(o, session, secureCookies);
        });
    }

    /// <summary>The session cookie of both sign-in kinds: HttpOnly, SameSite=Lax, the session lifetime, 403 for a missing role.</summary>
    private static void ConfigureSessionCookie(CookieAuthenticationOptions o, SessionLifetime session, bool secureCookies)
    {
        o.Cookie.HttpOnly = true;
        o.Cookie.SameSite = SameSiteMode.Lax;
        o.Cookie.SecurePolicy = secureCookies ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
        session.Apply(o);
        o.Events.OnRedirectToAccessDenied = ctx =>
        {
            ctx.Response.StatusCode = StatusCodes.Status403Forbidden;
            return Task.CompletedTask;
        };
    }
}

/// <summary>
/// A session ends after <c>Auth:Session:IdleTimeout</c> without requests (sliding, default 30 minutes) and, however
/// active, <c>Auth:Session:AbsoluteLifetime</c> after sign-in (default 12 hours; OWASP ASVS V3.3.2). The sign-in time is
/// kept in the cookie's authentication properties (it survives sliding renewals and security-stamp refreshes) and
/// checked on every request in <c>OnValidatePrincipal</c>.
/// </summary>
public sealed record SessionLifetime(TimeSpan IdleTimeout, TimeSpan AbsoluteLifetime)
{
    public const string SignedInAtKey = ".attract.signedInAt";

    public static SessionLifetime From(IConfiguration config) => new(
        config.GetValue("Auth:Session:IdleTimeout", TimeSpan.FromMinutes(30)),
        config.GetValue("Auth:Session:AbsoluteLifetime", TimeSpan.FromHours(12)));

    public void Apply(CookieAuthenticationOptions o)
    {
        o.ExpireTimeSpan = IdleTimeout;
        o.SlidingExpiration = true;
        var signingIn = o.Events.OnSigningIn;
        o.Events.OnSigningIn = ctx =>
        {
            if (!ctx.Properties.Items.ContainsKey(SignedInAtKey))
            {
                ctx.Properties.Items[SignedInAtKey] = Now(ctx.Options).ToString("O", System.Globalization.CultureInfo.InvariantCulture);
            }
            return signingIn(ctx);
        };
        var validate = o.Events.OnValidatePrincipal;
        o.Events.OnValidatePrincipal = async ctx =>
        {
            if (!ctx.Properties.Items.TryGetValue(SignedInAtKey, out var value)
                || !DateTimeOffset.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.RoundtripKind, out var signedInAt)
                || Now(ctx.Options) - signedInAt >= AbsoluteLifetime)
            {
                ctx.RejectPrincipal();
                await ctx.HttpContext.SignOutAsync(ctx.Scheme.Name);
                return;
            }
            await validate(ctx);
        };
    }

    private static DateTimeOffset Now(CookieAuthenticationOptions o) => (o.TimeProvider ?? TimeProvider.System).GetUtcNow();
}

/// <summary>Named authorization policies used by pages (<c>[Authorize(Policy = Policies.Admin)]</c>).</summary>
public static class Policies
{
    public const string Admin = "Admin";
    public const string Recruiting = "Recruiting";
    public const string HiringTeam = "HiringTeam";
    public const string AnyRole = "AnyRole";
}

/// <summary>Maps Entra app roles (the <c>roles</c> claim) and group ids (<c>groups</c>) to Attract roles.</summary>
public static class EntraRoleMapper
{
    public static void AddAttractRoles(ClaimsIdentity identity, IReadOnlyDictionary<string, string> groupRoles)
    {
        var roles = new HashSet<string>(StringComparer.Ordinal);
        foreach (var claim in identity.FindAll("roles").Concat(identity.FindAll(ClaimTypes.Role)))
        {
            var value = claim.Value.StartsWith("Attract.", StringComparison.OrdinalIgnoreCase) ? claim.Value["Attract.".Length..] : claim.Value;
            if (Roles.Canonical(value) is { } role)
            {
                roles.Add(role);
            }
        }
        foreach (var group in identity.FindAll("groups"))
        {
            if (groupRoles.TryGetValue(group.Value, out var mapped) && Roles.Canonical(mapped) is { } role)
            {
                roles.Add(role);
            }
        }
        foreach (var role in roles)
        {
            if (!identity.HasClaim(identity.RoleClaimType, role))
            {
                identity.AddClaim(new Claim(identity.RoleClaimType, role));
            }
        }
    }
}
