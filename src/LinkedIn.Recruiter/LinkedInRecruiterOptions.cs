using System.ComponentModel.DataAnnotations;

namespace LinkedIn.Recruiter;

/// <summary>
/// Configuration of the LinkedIn RSC client (section <c>LinkedIn:Recruiter</c> by convention).
/// Point the three base URLs at a simulator to test, or leave the defaults for real LinkedIn.
/// </summary>
public sealed class LinkedInRecruiterOptions
{
    public const string DefaultSectionName = "LinkedIn:Recruiter";

    /// <summary>API host for <c>/v2</c> and <c>/rest</c> calls.</summary>
    [Required]
    [Url]
    public string ApiBaseUrl { get; set; } = "https://api.linkedin.com";

    /// <summary>OAuth host for <c>/oauth/v2/accessToken</c> and <c>/oauth/v2/authorization</c>.</summary>
    [Required]
    [Url]
    public string OAuthBaseUrl { get; set; } = "https://www.linkedin.com";

    /// <summary>Host of the JS SDK (<c>/xdoor/scripts/in.js</c>) used by the widgets.</summary>
    [Required]
    [Url]
    public string PlatformBaseUrl { get; set; } = "https://platform.linkedin.com";

    /// <summary>Client id of the partner (parent) application; used only for provisioning.</summary>
    [Required(AllowEmptyStrings = false)]
    public string ParentClientId { get; set; } = "";

    /// <summary>Client secret of the partner (parent) application.</summary>
    [Required(AllowEmptyStrings = false)]
    public string ParentClientSecret { get; set; } = "";

    /// <summary>Value of the <c>LinkedIn-Version</c> header (YYYYMM) sent on <c>/rest/...</c> calls.</summary>
    [Required]
    [RegularExpression(@"^\d{6}(\.\d{2})?$", ErrorMessage = "LinkedInVersion must look like YYYYMM.")]
    public string LinkedInVersion { get; set; } = "202603";

    /// <summary>A cached 2-legged token is renewed this long before it expires.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")]
    public TimeSpan TokenRefreshMargin { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Records per batch request (LinkedIn allows at most 100).</summary>
    [Range(1, 100)]
    public int MaxBatchSize { get; set; } = 100;

    /// <summary>
    /// Longest relative URL (path + query) of a batch request; batches with long compound keys are split further so the
    /// request line stays under common server limits (Kestrel: 8 KB). 0 disables the check (only <see cref="MaxBatchSize"/> applies).
    /// </summary>
    [Range(0, 1_000_000)]
    public int MaxRequestUrlLength { get; set; } = 7_680;

    /// <summary>Page size (<c>count</c>) used by paged finders.</summary>
    [Range(1, 100)]
    public int PageSize { get; set; } = 50;

    /// <summary>Longest time window per prospect-interaction request (LinkedIn allows 12 h).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "12:00:00")]
    public TimeSpan MaxTimeWindow { get; set; } = TimeSpan.FromHours(12);

    /// <summary>URL of the JS SDK script the widgets embed (<c>{PlatformBaseUrl}/xdoor/scripts/in.js</c>).</summary>
    public Uri GetPlatformScriptUrl() => new(ServiceCollectionExtensions.BaseUri(PlatformBaseUrl), "xdoor/scripts/in.js");

    /// <summary>Resilience: timeouts, retries and circuit breaker.</summary>
    public LinkedInResilienceOptions Resilience { get; set; } = new();

    /// <summary>Client-side quotas that keep the client under LinkedIn's limits.</summary>
    public LinkedInQuotaOptions Quotas { get; set; } = new();
}

/// <summary>Timeouts and retry settings for the API and OAuth HTTP clients.</summary>
public sealed class LinkedInResilienceOptions
{
    /// <summary>Timeout of one attempt.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Timeout of a call including all retries and delays.</summary>
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Retries of idempotent requests (GET/PUT/DELETE) on 408, 429, 5xx and timeouts.</summary>
    public int MaxRetryAttempts { get; set; } = 3;

    /// <summary>Base delay of the exponential, jittered back-off (a <c>Retry-After</c> header wins).</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Circuit breaker: failure ratio that opens the circuit.</summary>
    public double CircuitBreakerFailureRatio { get; set; } = 0.5;

    /// <summary>Circuit breaker: minimum requests in the sampling window before it may open.</summary>
    public int CircuitBreakerMinimumThroughput { get; set; } = 20;

    /// <summary>Circuit breaker: sampling window (raised to at least twice <see cref="AttemptTimeout"/>).</summary>
    public TimeSpan CircuitBreakerSamplingDuration { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Circuit breaker: how long the circuit stays open.</summary>
    public TimeSpan CircuitBreakerBreakDuration { get; set; } = TimeSpan.FromSeconds(15);
}

/// <summary>Client-side quotas, counted per application (client id).</summary>
public sealed class LinkedInQuotaOptions
{
    /// <summary>
    /// Records (batch entries; 1 per non-batch request) per minute per app. LinkedIn: 10,000. Enforced with a token bucket
    /// (burst = max(100, 2 %), the rest refilled every second) so no 60-second window exceeds it and a steady stream gets
    /// about 98 % of it.
    /// </summary>
    public int RecordsPerMinute { get; set; } = 10_000;

    /// <summary>
    /// Share of each minute's records that background requests (bulk work such as a first full sync, marked with
    /// <see cref="LinkedInTraffic.Background"/>) never use, so interactive requests don't queue behind them. Default 0.02
    /// (kept between 0 and 0.5): a backfill gets about 96 % of <see cref="RecordsPerMinute"/> and live changes the rest plus
    /// the burst.
    /// </summary>
    public double LiveRecordsReserve { get; set; } = 0.02;

    /// <summary>
    /// Requests per UTC day per app and resource (e.g. <c>atsCandidates</c>); beyond it calls fail fast with
    /// <see cref="LinkedInQuotaExceededException"/>. LinkedIn: 100,000 for most resources.
    /// </summary>
    public int DailyRequests { get; set; } = 100_000;

    /// <summary>Per-resource overrides of <see cref="DailyRequests"/> (resource = first path segment after <c>/v2/</c> or <c>/rest/</c>).</summary>
    public Dictionary<string, int> DailyRequestsPerResource { get; set; } = new(StringComparer.OrdinalIgnoreCase)
    {
        ["atsIntegrations"] = 5_000,
    };

    /// <summary>
    /// Longest a request may wait for record permits before it fails with <c>CLIENT_RATE_LIMITED</c>.
    /// Must be shorter than <see cref="LinkedInResilienceOptions.AttemptTimeout"/> (the limiter runs inside an attempt).
    /// </summary>
    public TimeSpan MaxQueueWait { get; set; } = TimeSpan.FromSeconds(20);
}
