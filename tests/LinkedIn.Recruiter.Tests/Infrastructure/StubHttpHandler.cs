using System.Collections.Concurrent;
using System.Net;
using System.Text;

namespace LinkedIn.Recruiter.Tests.Infrastructure;

/// <summary>A request as the stub saw it (content read at send time).</summary>
public sealed record RecordedRequest(
    HttpMethod Method,
    Uri Uri,
    IReadOnlyDictionary<string, string> Headers,
    string? Body,
    string? ContentType)
{
    /// <summary>Path and query exactly as sent (escaping preserved).</summary>
    public string PathAndQuery => Uri.PathAndQuery;

    public string? Header(string name) => Headers.TryGetValue(name, out var v) ? v : null;
}

/// <summary>
/// Recording stub primary handler. Token requests (<c>/oauth/v2/accessToken</c>) are answered automatically
/// with <c>tok-1</c>, <c>tok-2</c>, …; API requests are answered by queued responders, then by <see cref="Fallback"/>.
/// </summary>
public sealed class StubHttpHandler : HttpMessageHandler
{
    private readonly ConcurrentQueue<Func<RecordedRequest, HttpResponseMessage>> _responses = new();
    private int _tokens;

    public List<RecordedRequest> Requests { get; } = [];

    public List<RecordedRequest> ApiRequests => [.. Requests.Where(r => !r.Uri.AbsolutePath.StartsWith("/oauth/", StringComparison.Ordinal))];

    public List<RecordedRequest> TokenRequests => [.. Requests.Where(r => r.Uri.AbsolutePath == "/oauth/v2/accessToken")];

    public Func<RecordedRequest, HttpResponseMessage> Fallback { get; set; } = _ => Json(HttpStatusCode.OK, """{"results":{},"errors":{}}""");

    public Func<RecordedRequest, HttpResponseMessage>? TokenResponder { get; set; }

    /// <summary>Optional delay before answering an API request (honours cancellation, e.g. attempt timeouts).</summary>
    public Func<RecordedRequest, TimeSpan>? Delay { get; set; }

    public int TokenExpiresInSeconds { get; set; } = 1800;

    public StubHttpHandler Enqueue(Func<RecordedRequest, HttpResponseMessage> responder)
    {
        _responses.Enqueue(responder);
        return this;
    }

    public StubHttpHandler Enqueue(HttpStatusCode status, string json) => Enqueue(_ => Json(status, json));

    public static HttpResponseMessage Json(HttpStatusCode status, string json) =>
        new(status) { Content = new StringContent(json, Encoding.UTF8, "application/json") };

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var h in request.Headers)
        {
            headers[h.Key] = string.Join(",", h.Value);
        }

        string? body = null;
        string? contentType = null;
        if (request.Content is not null)
        {
            body = await request.Content.ReadAsStringAsync(cancellationToken);
            contentType = request.Content.Headers.ContentType?.MediaType;
        }

        var recorded = new RecordedRequest(request.Method, request.RequestUri!, headers, body, contentType);
        lock (Requests)
        {
            Requests.Add(recorded);
        }

        if (recorded.Uri.AbsolutePath == "/oauth/v2/accessToken")
        {
            if (TokenResponder is not null)
            {
                return TokenResponder(recorded);
            }

            var n = Interlocked.Increment(ref _tokens);
            return Json(HttpStatusCode.OK, $$"""{"access_token":"tok-{{n}}","expires_in":{{TokenExpiresInSeconds}}}""");
        }

        if (Delay?.Invoke(recorded) is { } delay && delay > TimeSpan.Zero)
        {
            await Task.Delay(delay, cancellationToken);
        }

        var responder = _responses.TryDequeue(out var r) ? r : Fallback;
        var response = responder(recorded);
        response.RequestMessage = request;
        return response;
    }
}
