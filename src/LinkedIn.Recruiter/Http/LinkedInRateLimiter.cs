using System.Collections.Concurrent;
using System.Net;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LinkedIn.Recruiter.Http;

/// <summary>
/// Client-side quotas per application: a token bucket on records per minute (requests wait briefly) and a
/// per-UTC-day request counter per resource (requests beyond it fail fast with <see cref="LinkedInQuotaExceededException"/>).
/// Background requests (<see cref="LinkedInTraffic.Background"/>) first pass a second bucket holding
/// 1 − <see cref="LinkedInQuotaOptions.LiveRecordsReserve"/> of the minute, so they can never take the whole minute and
/// interactive requests find the shared bucket (nearly) full instead of queuing behind bulk work.
/// </summary>
internal sealed class LinkedInRateLimiter : IDisposable
{
    private readonly LinkedInQuotaOptions _quotas;
    private readonly TimeProvider _timeProvider;
    private readonly Bucket _perMinute;
    private readonly Bucket _background;
    private readonly ConcurrentDictionary<string, DailyCounter> _daily = new(StringComparer.Ordinal);
    private readonly ILogger<LinkedInRateLimiter> _logger;

    public LinkedInRateLimiter(IOptions<LinkedInRecruiterOptions> options, TimeProvider timeProvider, ILogger<LinkedInRateLimiter> logger)
    {
        _logger = logger;
        _quotas = options.Value.Quotas;
        _timeProvider = timeProvider;
        _perMinute = new Bucket(_quotas.RecordsPerMinute);
        var reserve = Math.Clamp(_quotas.LiveRecordsReserve, 0, 0.5);
        _background = new Bucket(Math.Max(100, (int)(_quotas.RecordsPerMinute * (1 - reserve))));
    }

    /// <summary>Sustained records per minute of the shared bucket (what a steady stream of requests gets).</summary>
    internal int SustainedPerMinute => _perMinute.SustainedPerMinute;

    /// <summary>Sustained records per minute left to background requests.</summary>
    internal int BackgroundSustainedPerMinute => _background.SustainedPerMinute;

    public async ValueTask AcquireAsync(string app, string resource, int records, bool background, CancellationToken cancellationToken)
    {
        CountDailyRequest(app, resource);
        if (background)
        {
            await AcquireAsync(_background, app, records, "background ", cancellationToken).ConfigureAwait(false);
        }

        await AcquireAsync(_perMinute, app, records, "", cancellationToken).ConfigureAwait(false);
    }

    private async ValueTask AcquireAsync(Bucket bucket, string app, int records, string kind, CancellationToken cancellationToken)
    {
        var permits = Math.Clamp(records, 1, bucket.Size);
        using (var immediate = bucket.Limiter.AttemptAcquire(app, permits))
        {
            if (immediate.IsAcquired)
            {
                return;
            }
        }

        _logger.LogInformation(
            "LinkedIn client-side rate limit: waiting for {Permits} {Kind}record permits for app {App} ({RecordsPerMinute}/min)",
            permits,
            kind,
            app,
            bucket.RecordsPerMinute);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_quotas.MaxQueueWait);
        RateLimitLease lease;
        try
        {
            lease = await bucket.Limiter.AcquireAsync(app, permits, timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new LinkedInApiException(
                HttpStatusCode.TooManyRequests,
                $"Client-side rate limit: waited {_quotas.MaxQueueWait} for {permits} {kind}record permits ({bucket.RecordsPerMinute}/min) without success.",
                errorCode: "CLIENT_RATE_LIMITED");
        }

        using (lease)
        {
            if (!lease.IsAcquired)
            {
                throw new LinkedInApiException(
                    HttpStatusCode.TooManyRequests,
                    $"Client-side rate limit: the queue for {kind}record permits ({bucket.RecordsPerMinute}/min) is full.",
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

    public void Dispose()
    {
        _perMinute.Dispose();
        _background.Dispose();
    }

    /// <summary>
    /// A token bucket per app of a number of records per minute: a burst of max(100, 2 %) and the rest refilled every
    /// second, so any 60-second window sees at most burst + 60 refills ≤ the limit, and a steady stream gets about 98 % of it.
    /// </summary>
    private sealed class Bucket : IDisposable
    {
        public Bucket(int recordsPerMinute)
        {
            RecordsPerMinute = recordsPerMinute;
            Size = Math.Max(100, recordsPerMinute / 50);
            var perSecond = Math.Max(1, (recordsPerMinute - Size) / 60);
            SustainedPerMinute = perSecond * 60;
            var size = Size;
            Limiter = PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetTokenBucketLimiter(
                key,
                _ => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = size,
                    TokensPerPeriod = perSecond,
                    ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                    QueueLimit = size * 10,
                    QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
                    AutoReplenishment = true,
                }));
        }

        public int RecordsPerMinute { get; }

        public int Size { get; }

        public int SustainedPerMinute { get; }

        public PartitionedRateLimiter<string> Limiter { get; }

        public void Dispose() => Limiter.Dispose();
    }

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
        await limiter.AcquireAsync(app, LinkedInRateLimiter.ResourceOf(request.RequestUri), records, LinkedInTraffic.IsBackground, cancellationToken)
            .ConfigureAwait(false);
        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }
}
