using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace LinkedIn.Recruiter.Http;

/// <summary>Per-request settings read by the handler pipeline.</summary>
internal static class LinkedInRequestOptions
{
    /// <summary>The application the request is made as; the token handler authenticates with its 2-legged token.</summary>
    public static readonly HttpRequestOptionsKey<LinkedInAppCredentials> App = new("LinkedIn.Recruiter.App");

    /// <summary>Marks a POST as safe to retry (e.g. a client_credentials token request).</summary>
    public static readonly HttpRequestOptionsKey<bool> SafeToRetry = new("LinkedIn.Recruiter.SafeToRetry");

    /// <summary>Records carried by the request (batch size), counted by the rate limiter. Defaults to 1.</summary>
    public static readonly HttpRequestOptionsKey<int> RecordCount = new("LinkedIn.Recruiter.RecordCount");
}

/// <summary>Header names and request/response helpers shared by the clients.</summary>
internal static class RestLiHttp
{
    public const string ProtocolVersionHeader = "X-RestLi-Protocol-Version";
    public const string ProtocolVersion = "2.0.0";
    public const string MethodHeader = "X-RestLi-Method";
    public const string IdHeader = "X-RestLi-Id";
    public const string LinkedInVersionHeader = "LinkedIn-Version";
    private const int SnippetLength = 512;

    // Rest.li keys contain '&' and '='; write them as-is (the default encoder would emit \u0026). Bodies are not HTML.
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static HttpRequestMessage Create(
        HttpMethod method,
        string relativeUrl,
        LinkedInAppCredentials? app,
        string? restLiMethod = null,
        int records = 1,
        string? linkedInVersion = null)
    {
        var request = new HttpRequestMessage(method, new Uri(relativeUrl, UriKind.Relative));
        request.Headers.TryAddWithoutValidation(ProtocolVersionHeader, ProtocolVersion);
        if (restLiMethod is not null)
        {
            request.Headers.TryAddWithoutValidation(MethodHeader, restLiMethod);
        }

        if (linkedInVersion is not null)
        {
            request.Headers.TryAddWithoutValidation(LinkedInVersionHeader, linkedInVersion);
        }

        if (app is not null)
        {
            request.Options.Set(LinkedInRequestOptions.App, app);
        }

        request.Options.Set(LinkedInRequestOptions.RecordCount, Math.Max(1, records));
        return request;
    }

    public static void SetJsonContent(HttpRequestMessage request, byte[] utf8Json)
    {
        var content = new ByteArrayContent(utf8Json);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        request.Content = content;
    }

    public static byte[] WriteJson(Action<Utf8JsonWriter> write)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, WriterOptions))
        {
            write(writer);
        }

        return stream.ToArray();
    }

    public static byte[] Serialize<T>(T value, JsonTypeInfo<T> typeInfo) => WriteJson(w => JsonSerializer.Serialize(w, value, typeInfo));

    /// <summary>Sends and throws a typed exception for any non-success status (unless it is in <paramref name="allowed"/>).</summary>
    public static async Task<HttpResponseMessage> SendAsync(
        HttpClient http,
        HttpRequestMessage request,
        CancellationToken cancellationToken,
        params HttpStatusCode[] allowed)
    {
        var response = await SendWrappedAsync(http, request, cancellationToken).ConfigureAwait(false);
        if (response.IsSuccessStatusCode || allowed.Contains(response.StatusCode))
        {
            return response;
        }

        using (response)
        {
            throw await CreateExceptionAsync(request, response, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Sends, turning the resilience pipeline's own failures (open circuit, timeouts) into <see cref="LinkedInApiException"/>.</summary>
    public static async Task<HttpResponseMessage> SendWrappedAsync(HttpClient http, HttpRequestMessage request, CancellationToken cancellationToken)
    {
        try
        {
            return await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (BrokenCircuitException ex)
        {
            throw new LinkedInApiException(
                HttpStatusCode.ServiceUnavailable,
                $"LinkedIn {request.Method} {Path(request)} was not sent: the circuit breaker is open after repeated failures.",
                errorCode: "CIRCUIT_OPEN",
                innerException: ex);
        }
        catch (TimeoutRejectedException ex)
        {
            throw new LinkedInApiException(
                HttpStatusCode.GatewayTimeout,
                $"LinkedIn {request.Method} {Path(request)} timed out after {ex.Timeout}.",
                errorCode: "TIMEOUT",
                innerException: ex);
        }
    }

    private static string? Path(HttpRequestMessage request) => request.RequestUri?.OriginalString.Split('?')[0];

    public static async Task<T> ReadJsonAsync<T>(HttpResponseMessage response, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
    {
        var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return JsonSerializer.Deserialize(bytes, typeInfo)
                ?? throw new JsonException("The response body was null.");
        }
        catch (JsonException ex)
        {
            throw new LinkedInApiException(
                response.StatusCode,
                $"LinkedIn returned a response that could not be read as {typeof(T).Name}: {ex.Message}",
                bodySnippet: Snippet(Encoding.UTF8.GetString(bytes)),
                innerException: ex);
        }
    }

    public static async Task<LinkedInApiException> CreateExceptionAsync(
        HttpRequestMessage request,
        HttpResponseMessage response,
        CancellationToken cancellationToken)
    {
        var body = response.Content is null ? "" : await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        RestLiError? error = null;
        string? oauthError = null;
        string? oauthDescription = null;
        if (body.Length > 0 && body[0] == '{')
        {
            try
            {
                error = JsonSerializer.Deserialize(body, LinkedInJsonContext.Default.RestLiError);
                if (error is { Code: null, Message: null })
                {
                    var o = JsonSerializer.Deserialize(body, LinkedInJsonContext.Default.OAuthErrorResponse);
                    oauthError = o?.Error;
                    oauthDescription = o?.ErrorDescription;
                }
            }
            catch (JsonException)
            {
                // Not a Rest.li error body; the snippet still tells the story.
            }
        }

        var code = error?.Code ?? oauthError;
        var detail = error?.Message ?? oauthDescription;
        var where = $"{request.Method} {Path(request)}";
        var message = $"LinkedIn {where} failed with {(int)response.StatusCode} {code ?? response.ReasonPhrase}" +
            (detail is null ? "." : $": {detail}");
        var snippet = Snippet(body);
        if (response.StatusCode == HttpStatusCode.Unauthorized)
        {
            return new LinkedInAuthException(response.StatusCode, message, error?.ServiceErrorCode, code, snippet);
        }

        return new LinkedInApiException(response.StatusCode, message, error?.ServiceErrorCode, code, snippet, RetryAfter(response));
    }

    public static TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta;
        }

        if (header?.Date is { } date)
        {
            var wait = date - DateTimeOffset.UtcNow;
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }

        return null;
    }

    public static string? Snippet(string? body) =>
        string.IsNullOrEmpty(body) ? null : body.Length <= SnippetLength ? body : body[..SnippetLength] + "…";
}
