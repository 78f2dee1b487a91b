namespace LinkedIn.Simulator.Domain;

/// <summary>One partner request as the request log shows it (secrets redacted).</summary>
internal sealed record LoggedRequest(long Id, long At, string Method, string Path, string? ClientId, Dictionary<string, string> Headers, int Status, long DurationMs);

/// <summary>The last 2,000 partner requests (calls to /v2, /rest and the token endpoint), with secrets redacted, kept in the store.</summary>
internal sealed class RequestLog(SimulationClock clock, StateStore store)
{
    /// <summary>The newest <paramref name="count"/> entries (of one client app), newest first.</summary>
    public List<LoggedRequest> Newest(int count, string? clientId = null) => store.RequestLog.Newest(count, clientId);

    public void Clear() => store.Write(state => state.RequestLog.Clear());

    public void Add(HttpContext ctx, string? clientId, long durationMs)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in ctx.Request.Headers)
        {
            headers[name] = RedactHeader(name, value.ToString());
        }
        var path = ctx.Request.Path + RedactQuery(ctx.Request.QueryString.Value);
        store.RequestLog.Add(clock.NowMs, ctx.Request.Method, path, clientId, headers, ctx.Response.StatusCode, durationMs);
    }

    private static string RedactHeader(string name, string value)
    {
        if (name.Equals("Authorization", StringComparison.OrdinalIgnoreCase))
        {
            var space = value.IndexOf(' ');
            return space > 0 ? value[..space] + " ***" : "***";
        }
        if (name.Equals("Cookie", StringComparison.OrdinalIgnoreCase) || name.Contains("secret", StringComparison.OrdinalIgnoreCase) || name.Contains("token", StringComparison.OrdinalIgnoreCase))
        {
            return "***";
        }
        return value;
    }

    private static string RedactQuery(string? query)
    {
        if (string.IsNullOrEmpty(query))
        {
            return "";
        }
        var parts = query.TrimStart('?').Split('&').Select(pair =>
        {
            var equals = pair.IndexOf('=');
            var name = equals < 0 ? pair : pair[..equals];
            return name.Contains("secret", StringComparison.OrdinalIgnoreCase) || name.Contains("token", StringComparison.OrdinalIgnoreCase) || name == "code" || name == "code_verifier" ? name + "=***" : pair;
        });
        return "?" + string.Join('&', parts);
    }
}
