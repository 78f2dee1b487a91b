using System.Collections.Concurrent;
using System.Net;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LinkedIn.Recruiter.Http;

/// <summary>
/// Client-side quotas per application: a token bucket on records per minute (requests wait briefly) and a
/// per-UTC-day request counter per resource (requests beyond it fail fast with <see cref="LinkedInQuotaExceededException"/>).
/// </summary>
internal sealed class LinkedInRateLimiter : IDisposable
{
    private readonly LinkedInQuotaOptions _quotas;
    private readonly TimeProvider _timeProvider;
    private readonly PartitionedRateLimiter<string> _perMinute;
    private readonly ConcurrentDictionary<string, DailyCounter> _daily = new(StringComparer.Ordinal);
    private readonly int _bucketSize;
    private readonly ILogger<LinkedInRateLimiter> _logger;

    public LinkedInRateLimiter(IOptions<LinkedInRecruiterOptions> options, TimeProvider timeProvider, ILogger<LinkedInRateLimiter> logger)
    {
        _logger = logger;
        _quotas = options.Value.Quotas;
        _timeProvider = timeProvider;

        // Any 60 s window sees at most burst + 60 refills = RecordsPerMinute (approximately, for tiny limits).
        _bucketSize = Math.Max(100, _quotas.RecordsPerMinute / 10);
        var perSecond = Math.Max(1, (_quotas.RecordsPerMinute - _bucketSize) / 60);
        _perMinute = PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetTokenBucketLimiter(
            key,
            _ => new TokenBucketRateLimiterOptions
            {
                TokenLimit = _bucketSize,
                TokensPerPeriod = perSecond,
                ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                QueueLimit = _bucketSize * 10,
                QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
                AutoReplenishment = true,
            }));
    }

    public async ValueTask AcquireAsync(string app, string resource, int records, CancellationToken cancellationToken)
    {
        CountDailyRequest(app, resource);
        var permits = Math.Clamp(records, 1, _bucketSize);
        using (var immediate = _perMinute.AttemptAcquire(app, permits))
        {
            if (immediate.IsAcquired)
            {
                return;
            }
        }

        _logger.LogInformation(
            "LinkedIn client-side rate limit: waiting for {Permits} record permits for app {App} ({RecordsPerMinute}/min)",
            permits,
            app,
            _quotas.RecordsPerMinute);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_quotas.MaxQueueWait);
        RateLimitLease lease;
        try
        {
            lease = await _perMinute.AcquireAsync(app, permits, timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new LinkedInApiException(
                HttpStatusCode.TooManyRequests,
                $"Client-side rate limit: waited {_quotas.MaxQueueWait} for {permits} record permits ({_quotas.RecordsPerMinute}/min) without success.",
                errorCode: "CLIENT_RATE_LIMITED");
        }

        using (lease)
        {
            if (!lease.IsAcquired)
            {
                throw new LinkedInApiException(
                    HttpStatusCode.TooManyRequests,
                    $"Client-side rate limit: the queue for record permits ({_quotas.RecordsPerMinute}/min) is full.",
                    errorCode: "CLIENT_RATE_LIMITED");
            }
        }
    }

    private void CountDailyRequest(string app, string resource)
    {
        var limit = _quotas.DailyRequestsPerResource?.TryGetValue(resource, out var specific) == true ? specific : _quotas.DailyRequests;
        var now = _timeProvider.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var counter = _daily.GetOrAdd(app + "|" + resource, _ => new DailyCounter());
        lock (counter)
        {
            if (counter.Day != today)
            {
                counter.Day = today;
                counter.Count = 0;
            }

            if (counter.Count >= limit)
            {
                var midnight = new DateTimeOffset(today.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
                throw new LinkedInQuotaExceededException(
                    $"Client-side daily quota of {limit} requests to {resource} reached for app {app}; it resets at UTC midnight.",
                    midnight - now);
            }

            counter.Count++;
        }
    }

    /// <summary>The resource a request addresses: the first path segment after <c>v2/</c> or <c>rest/</c>.</summary>
    internal static string ResourceOf(Uri? uri)
    {
        if (uri is null)
        {
            return "";
        }

        var path = uri.IsAbsoluteUri ? uri.AbsolutePath : uri.OriginalString.Split('?')[0];
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < segments.Length - 1; i++)
        {
            if (segments[i] is "v2" or "rest")
            {
                return segments[i + 1];
            }
        }

        return segments.LastOrDefault() ?? "";
    }

    public void Dispose() => _perMinute.Dispose();

    private sealed class DailyCounter
    {
        public DateOnly Day { get; set; }

        public int Count { get; set; }
    }
}

/// <summary>Innermost handler: waits for record permits and counts daily requests, per application.</summary>
internal sealed class LinkedInRateLimitingHandler(LinkedInRateLimiter limiter) : DelegatingHandler
{
    public const string MemberPartition = "(member)";

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var app = request.Options.TryGetValue(LinkedInRequestOptions.App, out var credentials) ? credentials.ClientId : MemberPartition;
        var records = request.Options.TryGetValue(LinkedInRequestOptions.RecordCount, out var n) ? n : 1;
        await limiter.AcquireAsync(app, LinkedInRateLimiter.ResourceOf(request.RequestUri), records, cancellationToken).ConfigureAwait(false);
        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }
}
