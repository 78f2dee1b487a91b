using Microsoft.Extensions.Options;

namespace LinkedIn.Recruiter;

/// <summary>Cross-field and nested checks that data annotations cannot express.</summary>
internal sealed class LinkedInRecruiterOptionsValidator : IValidateOptions<LinkedInRecruiterOptions>
{
    public ValidateOptionsResult Validate(string? name, LinkedInRecruiterOptions options)
    {
        var failures = new List<string>();
        CheckAbsoluteUrl(options.ApiBaseUrl, nameof(options.ApiBaseUrl), failures);
        CheckAbsoluteUrl(options.OAuthBaseUrl, nameof(options.OAuthBaseUrl), failures);
        CheckAbsoluteUrl(options.PlatformBaseUrl, nameof(options.PlatformBaseUrl), failures);

        var r = options.Resilience;
        if (r is null)
        {
            failures.Add("Resilience must not be null.");
        }
        else
        {
            CheckResilience(r, failures);
        }

        if (options.Quotas is not { } q)
        {
            failures.Add("Quotas must not be null.");
        }
        else
        {
            CheckQuotas(q, r, failures);
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void CheckResilience(LinkedInResilienceOptions r, List<string> failures)
    {
        if (r.AttemptTimeout <= TimeSpan.Zero)
        {
            failures.Add("Resilience:AttemptTimeout must be positive.");
        }

        if (r.TotalTimeout <= r.AttemptTimeout)
        {
            failures.Add("Resilience:TotalTimeout must be greater than Resilience:AttemptTimeout.");
        }

        if (r.MaxRetryAttempts is < 0 or > 10)
        {
            failures.Add("Resilience:MaxRetryAttempts must be between 0 and 10.");
        }

        if (r.RetryBaseDelay < TimeSpan.Zero)
        {
            failures.Add("Resilience:RetryBaseDelay must not be negative.");
        }

        if (r.CircuitBreakerFailureRatio is <= 0 or > 1)
        {
            failures.Add("Resilience:CircuitBreakerFailureRatio must be in (0, 1].");
        }

        if (r.CircuitBreakerMinimumThroughput < 2)
        {
            failures.Add("Resilience:CircuitBreakerMinimumThroughput must be at least 2.");
        }

        if (r.CircuitBreakerBreakDuration < TimeSpan.FromMilliseconds(500))
        {
            failures.Add("Resilience:CircuitBreakerBreakDuration must be at least 0.5 s.");
        }
    }

    private static void CheckQuotas(LinkedInQuotaOptions q, LinkedInResilienceOptions? r, List<string> failures)
    {
        if (q.RecordsPerMinute < 100)
        {
            failures.Add("Quotas:RecordsPerMinute must be at least 100 (one full batch).");
        }

        if (q.LiveRecordsReserve is < 0 or > 0.5 || double.IsNaN(q.LiveRecordsReserve))
        {
            failures.Add("Quotas:LiveRecordsReserve must be between 0 and 0.5.");
        }

        if (q.DailyRequests < 1)
        {
            failures.Add("Quotas:DailyRequests must be positive.");
        }

        if (q.MaxQueueWait <= TimeSpan.Zero)
        {
            failures.Add("Quotas:MaxQueueWait must be positive.");
        }
        else if (r is not null && q.MaxQueueWait >= r.AttemptTimeout)
        {
            failures.Add("Quotas:MaxQueueWait must be shorter than Resilience:AttemptTimeout (the limiter waits inside an attempt).");
        }

        foreach (var (resource, limit) in q.DailyRequestsPerResource ?? [])
        {
            if (limit < 1)
            {
                failures.Add($"Quotas:DailyRequestsPerResource:{resource} must be positive.");
            }
        }
    }

    private static void CheckAbsoluteUrl(string? value, string key, List<string> failures)
    {
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            failures.Add($"{key} must be an absolute http(s) URL.");
        }
    }
}
