using System.Net;
using Attract.Core.Identity;
using Attract.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Attract.IntegrationTests.Security;

/// <summary>
/// Attract in the Production environment (no demo data, no simulator), served as <c>https://attract.test</c>. Settings
/// that production requires are preset; a test removes or changes one to see start-up refuse it.
/// </summary>
public sealed class ProductionFactory : AttractFactory
{
    public const string Host = "attract.test";

    public ProductionFactory(string environment = "Production")
    {
        Environment = environment;
        Settings["Attract:SeedDemoData"] = "false";
        Settings["Attract:SeedDemoCompany"] = "false";
        Settings["LinkedIn:Simulator:Enabled"] = "false";
        Settings["AllowedHosts"] = Host;
        Settings["DataProtection:AllowUnencryptedKeys"] = "true";
        ClientOptions.BaseAddress = new Uri("https://" + Host);
        ClientOptions.AllowAutoRedirect = false;
    }

    public string Environment { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseEnvironment(Environment);
    }

    /// <summary>Starts the host; returns the start-up failure (message and inner messages) or null when it started.</summary>
    public string? StartupFailure()
    {
        try
        {
            CreateClient().Dispose();
            return null;
        }
        catch (Exception ex)
        {
            return ex.ToString();
        }
    }
}

/// <summary>Sets the connection's remote address from <c>X-Test-Peer</c>, as if the request came from that address.</summary>
public sealed class PeerAddressStartupFilter : IStartupFilter
{
    public const string Header = "X-Test-Peer";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((HttpContext http, RequestDelegate nextMiddleware) =>
        {
            if (IPAddress.TryParse(http.Request.Headers[Header], out var peer))
            {
                http.Connection.RemoteIpAddress = peer;
            }
            return nextMiddleware(http);
        });
        next(app);
    };

    public static void Register(IServiceCollection services) => services.AddTransient<IStartupFilter, PeerAddressStartupFilter>();
}

/// <summary>A TimeProvider whose clock moves only when told to.</summary>
public sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}

/// <summary>The real password hasher, counting how often a password is verified.</summary>
public sealed class CountingPasswordHasher : IPasswordHasher<AttractUser>
{
    private readonly PasswordHasher<AttractUser> _inner = new();
    private int _verifications;

    public int Verifications => _verifications;

    public string HashPassword(AttractUser user, string password) => _inner.HashPassword(user, password);

    public PasswordVerificationResult VerifyHashedPassword(AttractUser user, string hashedPassword, string providedPassword)
    {
        Interlocked.Increment(ref _verifications);
        return _inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
    }
}

public static class EdgeTestHelpers
{
    /// <summary>Creates a local account with a role directly (production has no demo accounts).</summary>
    public static async Task CreateUserAsync(this AttractFactory factory, string email, string password, string role)
    {
        using var scope = factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AttractUser>>();
        var user = new AttractUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = email };
        var created = await users.CreateAsync(user, password);
        Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Description)));
        Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
    }

    /// <summary>The Set-Cookie header that sets <paramref name="name"/> (a prefix for generated names), lower-cased.</summary>
    public static string SetCookie(this HttpResponseMessage response, string name) =>
        (response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [])
            .FirstOrDefault(c => c.StartsWith(name, StringComparison.Ordinal))?.ToLowerInvariant()
        ?? throw new Xunit.Sdk.XunitException($"No Set-Cookie for {name}; got: {string.Join(" | ", response.Headers.TryGetValues("Set-Cookie", out var all) ? all : [])}");

    public static HttpClient Client(this AttractFactory factory, string baseAddress = "http://localhost") =>
        factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri(baseAddress), AllowAutoRedirect = false });
}
