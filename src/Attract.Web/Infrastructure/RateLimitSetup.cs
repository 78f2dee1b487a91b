using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace Attract.Web.Infrastructure;

/// <summary>
/// Throttling with ASP.NET Core's rate limiter; a refusal is 429 with <c>Retry-After</c>. Limits come from
/// <c>RateLimits:{Name}:PermitLimit</c> and <c>RateLimits:{Name}:Window</c> (fixed windows):
/// <list type="bullet">
/// <item><c>SignIn</c>: sign-in posts per client address (password spraying across many accounts from one address);</item>
/// <item><c>SignInPerAccount</c>: sign-in posts per account name, whatever the address (spraying one account from many);</item>
/// <item><c>Push</c> and <c>PushChallenge</c>: LinkedIn pushes and challenges per tenant;</item>
/// <item><c>LinkedInJson</c>: posts from the LinkedIn tab and widget callbacks per signed-in user.</item>
/// </list>
/// </summary>
public static class RateLimitSetup
{
    public const string PushPolicy = "linkedin-push";
    public const string LinkedInJsonPolicy = "linkedin-json";
    public const string SignInPath = "/Account/Login";
    public const string AccountField = "Input.Email";

    public static IServiceCollection AddAttractRateLimits(this IServiceCollection services, IConfiguration config)
    {
        var signIn = FixedWindow.From(config, "SignIn", 20, TimeSpan.FromMinutes(1));
        var signInPerAccount = FixedWindow.From(config, "SignInPerAccount", 10, TimeSpan.FromMinutes(5));
        var push = FixedWindow.From(config, "Push", 300, TimeSpan.FromMinutes(1));
        var challenge = FixedWindow.From(config, "PushChallenge", 10, TimeSpan.FromMinutes(1));
        var linkedInJson = FixedWindow.From(config, "LinkedInJson", 60, TimeSpan.FromMinutes(1));
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            // Both sign-in limits apply to the same request: one limiter per key, chained.
            o.GlobalLimiter = PartitionedRateLimiter.CreateChained(
                PartitionedRateLimiter.Create<HttpContext, string>(http =>
                    IsSignIn(http) ? signIn.Partition("address:" + ClientAddress(http)) : NoLimit),
                PartitionedRateLimiter.Create<HttpContext, string>(http =>
                    IsSignIn(http) && AccountName(http) is { } account ? signInPerAccount.Partition("account:" + account) : NoLimit));
            o.AddPolicy(PushPolicy, http =>
            {
                var tenant = http.Request.RouteValues["tenantId"] as string ?? "";
                return HttpMethods.IsGet(http.Request.Method)
                    ? challenge.Partition("challenge:" + tenant)
                    : push.Partition("push:" + tenant);
            });
            o.AddPolicy(LinkedInJsonPolicy, http => HttpMethods.IsPost(http.Request.Method)
                ? linkedInJson.Partition("user:" + (http.User.FindFirstValue(ClaimTypes.NameIdentifier) ?? ClientAddress(http)))
                : NoLimit);
            o.OnRejected = OnRejectedAsync;
        });
        return services;
    }

    /// <summary>
    /// Reads a sign-in form before the rate limiter runs, so the per-account partition can see the account name
    /// (partitioners are synchronous), then applies the limits.
    /// </summary>
    public static IApplicationBuilder UseAttractRateLimits(this IApplicationBuilder app)
    {
        app.Use(async (http, next) =>
        {
            if (IsSignIn(http) && http.Request.HasFormContentType)
            {
                try
                {
                    await http.Request.ReadFormAsync(http.RequestAborted);
                }
                catch (InvalidDataException)
                {
                    // A malformed form is refused later by model binding; it is still limited per address.
                }
            }
            await next(http);
        });
        return app.UseRateLimiter();
    }

    private static RateLimitPartition<string> NoLimit => RateLimitPartition.GetNoLimiter("none");

    private static bool IsSignIn(HttpContext http) =>
        HttpMethods.IsPost(http.Request.Method) && http.Request.Path.Equals(SignInPath, StringComparison.OrdinalIgnoreCase);

    private static string ClientAddress(HttpContext http) => http.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    /// <summary>The account name as Identity normalises it, when the form has been read.</summary>
    private static string? AccountName(HttpContext http) =>
        http.Features.Get<Microsoft.AspNetCore.Http.Features.IFormFeature>()?.Form is { } form
        && form[AccountField].ToString().Trim() is { Length: > 0 } name
            ? name.ToUpperInvariant()
            : null;

    private static async ValueTask OnRejectedAsync(OnRejectedContext context, CancellationToken ct)
    {
        var http = context.HttpContext;
        var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        if (http.GetEndpoint()?.Metadata.GetMetadata<EnableRateLimitingAttribute>() is not null
            || http.GetEndpoint()?.Metadata.GetMetadata<IRateLimiterPolicy<string>>() is not null
            || http.Request.Path.StartsWithSegments("/integrations", StringComparison.OrdinalIgnoreCase))
        {
            // APIs (LinkedIn's pushes, the LinkedIn tab's JSON posts) get RFC 7807 problem details.
            await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
            {
                HttpContext = http,
                ProblemDetails =
                {
                    Status = StatusCodes.Status429TooManyRequests,
                    Title = "Too many requests",
                    Detail = $"Try again in {seconds} seconds.",
                },
            });
        }
        // Pages (sign-in): no body here, so the status code page (/Status/429) renders a readable message.
    }

    private sealed record FixedWindow(int PermitLimit, TimeSpan Window)
    {
        public static FixedWindow From(IConfiguration config, string name, int permitLimit, TimeSpan window) => new(
            config.GetValue($"RateLimits:{name}:PermitLimit", permitLimit),
            config.GetValue($"RateLimits:{name}:Window", window));

        public RateLimitPartition<string> Partition(string key) => RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = PermitLimit,
            Window = Window,
            QueueLimit = 0,
            AutoReplenishment = true,
        });
    }
}
