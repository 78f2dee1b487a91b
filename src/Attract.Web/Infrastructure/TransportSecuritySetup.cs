using System.Net;
using Microsoft.AspNetCore.CookiePolicy;
using Microsoft.AspNetCore.HttpOverrides;

namespace Attract.Web.Infrastructure;

/// <summary>
/// HTTPS redirection and HSTS, forwarded headers from configured proxies only, and cookie flags. Outside Development and
/// Testing: HTTPS redirection and HSTS are on (<c>Security:HttpsRedirection</c>, <c>Security:Hsts:Enabled</c>) and every
/// cookie is <c>Secure</c> (<c>Security:RequireSecureCookies</c>); every cookie is <c>HttpOnly</c> everywhere.
/// <c>X-Forwarded-For</c>/<c>-Proto</c> are read only from <c>ForwardedHeaders:KnownProxies</c> and
/// <c>ForwardedHeaders:KnownNetworks</c>; with neither set they are ignored.
/// </summary>
public static class TransportSecuritySetup
{
    public static IServiceCollection AddAttractTransportSecurity(this IServiceCollection services, IConfiguration config, IHostEnvironment env)
    {
        var productionLike = !ProductionGuard.AllowsDevelopmentFeatures(env);
        var secureCookies = config.GetValue("Security:RequireSecureCookies", productionLike);
        services.Configure<CookiePolicyOptions>(o =>
        {
            o.Secure = secureCookies ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
            o.HttpOnly = HttpOnlyPolicy.Always;
            // Each cookie sets its own SameSite: Lax for sign-in (top-level returns from LinkedIn and Entra), Strict for antiforgery.
            o.MinimumSameSitePolicy = SameSiteMode.Unspecified;
        });
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "Attract.Antiforgery";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            // SameAsRequest here: with Always, antiforgery throws on plain-HTTP requests; the cookie policy above still
            // marks the cookie Secure when secure cookies are required.
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        services.AddHttpsRedirection(o => o.HttpsPort = config.GetValue<int?>("Security:HttpsPort") ?? 443);
        services.AddHsts(o =>
        {
            o.MaxAge = TimeSpan.FromDays(config.GetValue("Security:Hsts:MaxAgeDays", 365));
            o.IncludeSubDomains = config.GetValue("Security:Hsts:IncludeSubDomains", false);
        });
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            o.ForwardLimit = config.GetValue("ForwardedHeaders:ForwardLimit", 1);
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            foreach (var proxy in KnownProxies(config))
            {
                o.KnownProxies.Add(proxy);
            }
            foreach (var network in KnownNetworks(config))
            {
                o.KnownIPNetworks.Add(network);
            }
        });
        return services;
    }

    /// <summary>Forwarded headers (only from configured proxies), then HSTS and the redirect to HTTPS where they are on.</summary>
    public static WebApplication UseAttractForwardedHeaders(this WebApplication app)
    {
        // With no known proxy the middleware would trust every sender: only add it when proxies are configured.
        if (KnownProxies(app.Configuration).Any() || KnownNetworks(app.Configuration).Any())
        {
            app.UseForwardedHeaders();
        }
        return app;
    }

    public static WebApplication UseAttractHttps(this WebApplication app)
    {
        var productionLike = !ProductionGuard.AllowsDevelopmentFeatures(app.Environment);
        if (app.Configuration.GetValue("Security:Hsts:Enabled", productionLike))
        {
            app.UseHsts();
        }
        if (app.Configuration.GetValue("Security:HttpsRedirection", productionLike))
        {
            app.UseHttpsRedirection();
        }
        return app;
    }

    private static IEnumerable<IPAddress> KnownProxies(IConfiguration config) =>
        Values(config, "ForwardedHeaders:KnownProxies").Select(v => IPAddress.TryParse(v, out var ip)
            ? ip
            : throw new InvalidOperationException($"ForwardedHeaders:KnownProxies has '{v}', which is not an IP address."));

    private static IEnumerable<System.Net.IPNetwork> KnownNetworks(IConfiguration config) =>
        Values(config, "ForwardedHeaders:KnownNetworks").Select(v => System.Net.IPNetwork.TryParse(v, out var network)
            ? network
            : throw new InvalidOperationException($"ForwardedHeaders:KnownNetworks has '{v}', which is not a network in CIDR form (e.g. 10.0.0.0/8)."));

    /// <summary>An array (<c>Key:0</c>, <c>Key:1</c>) or one value separated by ';' or ','.</summary>
    private static IEnumerable<string> Values(IConfiguration config, string key)
    {
        var section = config.GetSection(key);
        var values = section.GetChildren().Select(c => c.Value).OfType<string>().ToList();
        if (section.Value is { } single)
        {
            values.Add(single);
        }
        return values.SelectMany(v => v.Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }
}
