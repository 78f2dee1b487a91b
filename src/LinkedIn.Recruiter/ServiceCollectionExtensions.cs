using LinkedIn.Recruiter.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;

namespace LinkedIn.Recruiter;

/// <summary>Registers the LinkedIn RSC clients.</summary>
public static class ServiceCollectionExtensions
{
    /// <summary>Named HttpClient used for the OAuth token endpoint (no token handler).</summary>
    public const string OAuthClientName = "LinkedIn.Recruiter.OAuth";

    /// <summary>Name of the HttpClient behind the child-app clients (<see cref="ILinkedInSyncClient"/> and the other role interfaces).</summary>
    public const string RecruiterClientName = "LinkedIn.Recruiter.Api";

    /// <summary>Name of the HttpClient behind <see cref="ILinkedInProvisioningClient"/>.</summary>
    public const string ProvisioningClientName = "LinkedIn.Recruiter.Provisioning";

    /// <summary>
    /// Registers <see cref="ILinkedInOAuthClient"/>, <see cref="ILinkedInTokenCache"/>, <see cref="ILinkedInProvisioningClient"/>,
    /// the child-app clients (<see cref="ILinkedInIntegrationsClient"/>, <see cref="ILinkedInSyncClient"/>,
    /// <see cref="ILinkedInAclClient"/>, <see cref="ILinkedInJobPostingsClient"/>, <see cref="ILinkedInExportsClient"/>,
    /// <see cref="ILinkedInProspectInteractionsClient"/>), <see cref="ILinkedInMemberClient"/> and
    /// <see cref="LinkedInPushVerifier"/>, binding options from
    /// <paramref name="section"/> (e.g. <c>configuration.GetSection("LinkedIn:Recruiter")</c>), then applying
    /// <paramref name="configure"/>. Options are validated at start-up.
    /// </summary>
    public static IServiceCollection AddLinkedInRecruiter(
        this IServiceCollection services,
        IConfiguration section,
        Action<LinkedInRecruiterOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(section);
        var builder = services.AddOptions<LinkedInRecruiterOptions>().Bind(section);
        if (configure is not null)
        {
            builder.Configure(configure);
        }

        return services.AddLinkedInRecruiterCore();
    }

    /// <summary>Registers the clients with options set in code only.</summary>
    public static IServiceCollection AddLinkedInRecruiter(this IServiceCollection services, Action<LinkedInRecruiterOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<LinkedInRecruiterOptions>().Configure(configure);
        return services.AddLinkedInRecruiterCore();
    }

    private static IServiceCollection AddLinkedInRecruiterCore(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<LinkedInRecruiterOptions>().ValidateDataAnnotations().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<LinkedInRecruiterOptions>, LinkedInRecruiterOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ILinkedInOAuthClient, LinkedInOAuthClient>();
        services.TryAddSingleton<ILinkedInTokenCache, LinkedInTokenCache>();
        services.TryAddSingleton<LinkedInRateLimiter>();
        services.TryAddSingleton<LinkedInPushVerifier>();
        services.TryAddTransient<LinkedInTokenHandler>();
        services.TryAddTransient<LinkedInRateLimitingHandler>();

        var oauth = services.AddHttpClient(OAuthClientName, (sp, http) =>
        {
            http.BaseAddress = BaseUri(sp.GetRequiredService<IOptions<LinkedInRecruiterOptions>>().Value.OAuthBaseUrl);
            http.Timeout = Timeout.InfiniteTimeSpan; // the resilience pipeline owns timeouts
        });
        AddResilience(oauth);

        ConfigureApi(services.AddHttpClient<ILinkedInProvisioningClient, LinkedInProvisioningClient>(ProvisioningClientName));
        // One typed client on one named HttpClient (one handler pipeline) behind all the role interfaces.
        ConfigureApi(services.AddHttpClient<LinkedInRecruiterClient>(RecruiterClientName));
        services.TryAddTransient<ILinkedInIntegrationsClient>(sp => sp.GetRequiredService<LinkedInRecruiterClient>());
        services.TryAddTransient<ILinkedInSyncClient>(sp => sp.GetRequiredService<LinkedInRecruiterClient>());
        services.TryAddTransient<ILinkedInAclClient>(sp => sp.GetRequiredService<LinkedInRecruiterClient>());
        services.TryAddTransient<ILinkedInJobPostingsClient>(sp => sp.GetRequiredService<LinkedInRecruiterClient>());
        services.TryAddTransient<ILinkedInExportsClient>(sp => sp.GetRequiredService<LinkedInRecruiterClient>());
        services.TryAddTransient<ILinkedInProspectInteractionsClient>(sp => sp.GetRequiredService<LinkedInRecruiterClient>());
        services.TryAddTransient<ILinkedInMemberClient>(sp => sp.GetRequiredService<LinkedInRecruiterClient>());
        return services;
    }

    private static void ConfigureApi(IHttpClientBuilder http)
    {
        http.ConfigureHttpClient((sp, client) =>
        {
            client.BaseAddress = BaseUri(sp.GetRequiredService<IOptions<LinkedInRecruiterOptions>>().Value.ApiBaseUrl);
            client.Timeout = Timeout.InfiniteTimeSpan; // the resilience pipeline owns timeouts
        });

        // Order matters: resilience is outermost, then the token handler (per attempt), then the rate limiter.
        AddResilience(http);
        http.AddHttpMessageHandler<LinkedInTokenHandler>();
        http.AddHttpMessageHandler<LinkedInRateLimitingHandler>();
    }

    private static void AddResilience(IHttpClientBuilder http)
    {
        http.AddStandardResilienceHandler().Configure((o, sp) =>
        {
            var r = sp.GetRequiredService<IOptions<LinkedInRecruiterOptions>>().Value.Resilience;
            var logger = sp.GetRequiredService<ILoggerFactory>().CreateLogger("LinkedIn.Recruiter.Resilience");
            o.AttemptTimeout.Timeout = r.AttemptTimeout;
            o.TotalRequestTimeout.Timeout = r.TotalTimeout;

            o.Retry.MaxRetryAttempts = Math.Max(1, r.MaxRetryAttempts);
            o.Retry.Delay = r.RetryBaseDelay;
            o.Retry.BackoffType = DelayBackoffType.Exponential;
            o.Retry.UseJitter = true;
            o.Retry.ShouldRetryAfterHeader = true;
            var retries = r.MaxRetryAttempts;
            o.Retry.ShouldHandle = args => ValueTask.FromResult(
                retries > 0 && IsRetryable(args.Context.GetRequestMessage()) && HttpClientResiliencePredicates.IsTransient(args.Outcome));
            o.Retry.OnRetry = args =>
            {
                logger.LogWarning(
                    "Retrying LinkedIn request {Method} {Path} (attempt {Attempt}) after {Delay} because of {Outcome}",
                    args.Context.GetRequestMessage()?.Method,
                    args.Context.GetRequestMessage()?.RequestUri?.AbsolutePath,
                    args.AttemptNumber + 1,
                    args.RetryDelay,
                    args.Outcome.Result is { } res ? ((int)res.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture) : args.Outcome.Exception?.GetType().Name);
                return ValueTask.CompletedTask;
            };

            o.CircuitBreaker.FailureRatio = r.CircuitBreakerFailureRatio;
            o.CircuitBreaker.MinimumThroughput = r.CircuitBreakerMinimumThroughput;
            o.CircuitBreaker.BreakDuration = r.CircuitBreakerBreakDuration;
            var minSampling = r.AttemptTimeout * 2;
            o.CircuitBreaker.SamplingDuration = r.CircuitBreakerSamplingDuration >= minSampling ? r.CircuitBreakerSamplingDuration : minSampling;
        });
    }

    /// <summary>Only idempotent methods are retried; Rest.li batch_create/batch_partial_update/partial_update are POSTs and never retried.</summary>
    internal static bool IsIdempotent(HttpRequestMessage? request) =>
        request is not null &&
        (request.Method == HttpMethod.Get || request.Method == HttpMethod.Put || request.Method == HttpMethod.Delete ||
         request.Method == HttpMethod.Head || request.Method == HttpMethod.Options);

    private static bool IsRetryable(HttpRequestMessage? request) =>
        IsIdempotent(request) ||
        (request is not null && request.Options.TryGetValue(LinkedInRequestOptions.SafeToRetry, out var safe) && safe);

    internal static Uri BaseUri(string url) => new(url.EndsWith('/') ? url : url + "/", UriKind.Absolute);
}
