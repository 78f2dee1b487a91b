using System.Net;

namespace LinkedIn.Recruiter;

/// <summary>
/// A LinkedIn API call failed. Carries the HTTP status and the Rest.li error fields
/// (<c>serviceErrorCode</c>, <c>code</c>, <c>message</c>) plus a short snippet of the response body.
/// Never contains request headers, tokens or secrets.
/// </summary>
public class LinkedInApiException : Exception
{
    public LinkedInApiException(
        HttpStatusCode statusCode,
        string message,
        int? serviceErrorCode = null,
        string? errorCode = null,
        string? bodySnippet = null,
        TimeSpan? retryAfter = null,
        Exception? innerException = null)
        : base(message, innerException)
    {
        StatusCode = statusCode;
        ServiceErrorCode = serviceErrorCode;
        ErrorCode = errorCode;
        BodySnippet = bodySnippet;
        RetryAfter = retryAfter;
    }

    /// <summary>HTTP status of the response.</summary>
    public HttpStatusCode StatusCode { get; }

    /// <summary>Rest.li <c>serviceErrorCode</c>, when the body had one.</summary>
    public int? ServiceErrorCode { get; }

    /// <summary>Rest.li <c>code</c> (e.g. <c>ACCESS_DENIED</c>) or OAuth <c>error</c> (e.g. <c>invalid_grant</c>).</summary>
    public string? ErrorCode { get; }

    /// <summary>The first characters of the response body (at most 512).</summary>
    public string? BodySnippet { get; }

    /// <summary>The <c>Retry-After</c> the server asked for, if any (429/503).</summary>
    public TimeSpan? RetryAfter { get; }
}

/// <summary>
/// Authentication or authorization of the application failed: the token endpoint refused the credentials,
/// or an API call was still answered 401 after one token refresh.
/// </summary>
public class LinkedInAuthException : LinkedInApiException
{
    public LinkedInAuthException(
        HttpStatusCode statusCode,
        string message,
        int? serviceErrorCode = null,
        string? errorCode = null,
        string? bodySnippet = null,
        Exception? innerException = null)
        : base(statusCode, message, serviceErrorCode, errorCode, bodySnippet, null, innerException)
    {
    }
}

/// <summary>
/// The client-side daily quota for an application is used up; the request was not sent.
/// Daily quotas reset at UTC midnight.
/// </summary>
public sealed class LinkedInQuotaExceededException : LinkedInApiException
{
    public LinkedInQuotaExceededException(string message, TimeSpan retryAfter)
        : base(HttpStatusCode.TooManyRequests, message, null, "CLIENT_DAILY_QUOTA_EXCEEDED", null, retryAfter)
    {
    }
}
