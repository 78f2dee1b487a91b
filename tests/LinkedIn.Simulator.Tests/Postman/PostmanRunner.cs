using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace LinkedIn.Simulator.Tests.Postman;

/// <summary>What one request got back.</summary>
public sealed record PostmanResult(PostmanRequest Request, string SentUrl, int Status, string Body)
{
    public JsonNode? Json => Body.Length > 0 && Body.TrimStart().StartsWith('{') ? JsonNode.Parse(Body) : null;
}

/// <summary>Where a <c>{{variable}}</c> the collection leaves for the developer to fill in occurs.</summary>
public sealed record FillIn(PostmanRequest Request, string Variable, string? QueryParameter);

/// <summary>
/// Runs Postman requests over real HTTP the way Postman (and newman) send them: LinkedIn's hosts replaced by the simulator's address,
/// <c>{{variables}}</c> resolved (environment, then collection variables, then globals set by scripts, then the fill-ins a developer types,
/// then <c>{{$timestamp}}</c>), the authorization in effect, and the request's test script emulated.
/// Emulated script statements: <c>var jsonData = JSON.parse(responseBody);</c>, <c>pm.globals.set("name", jsonData.path);</c> and
/// <c>console.log(…)</c>; any other statement fails the run, so a changed collection is noticed.
/// </summary>
public sealed partial class PostmanRunner(HttpClient http, string baseAddress)
{
    private static readonly string[] LinkedInHosts = ["https://api.linkedin.com", "https://www.linkedin.com"];

    /// <summary>Values the developer enters for the collection's variables (they win over the collection's own values).</summary>
    public Dictionary<string, string> Environment { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, string> CollectionVariables { get; } = new(StringComparer.Ordinal);

    /// <summary>Values the collection's scripts store with <c>pm.globals.set</c>.</summary>
    public Dictionary<string, string> Globals { get; } = new(StringComparer.Ordinal);

    /// <summary>Literal placeholders in bodies the developer replaces by hand, e.g. <c>&lt;https://YourCallbackURL&gt;</c>.</summary>
    public Dictionary<string, string> BodyPlaceholders { get; } = new(StringComparer.Ordinal);

    /// <summary>Values for variables the collection defines nowhere (e.g. a request id from a push); null leaves them unresolved.</summary>
    public Func<FillIn, string?> FillIns { get; set; } = _ => null;

    /// <summary>The token Postman's OAuth 2.0 helper would obtain by a 3-legged sign-in, for <c>oauth2</c> requests.</summary>
    public string? OAuth2Token { get; set; }

    [GeneratedRegex(@"\{\{([^{}]+)\}\}")]
    private static partial Regex VariableRegex();

    [GeneratedRegex(@"^pm\.globals\.set\(\s*""([^""]+)""\s*,\s*jsonData((?:\.[A-Za-z_][A-Za-z0-9_]*|\[\d+\])+)\s*\);?$")]
    private static partial Regex GlobalsSetRegex();

    /// <summary>
    /// The order the collection's README asks for: the root-level requests (the customer application's token, the member's person id)
    /// right after the first folder, which provisions the customer application they need; everything else in collection order.
    /// </summary>
    public static List<PostmanRequest> ReadmeOrder(IReadOnlyList<PostmanRequest> requests)
    {
        var firstFolder = requests.FirstOrDefault(r => !r.AtRoot)?.Folders.Take(2).ToList() ?? [];
        var head = requests.TakeWhile(r => !r.AtRoot && r.Folders.Take(2).SequenceEqual(firstFolder)).ToList();
        var roots = requests.Where(r => r.AtRoot).ToList();
        return [.. head, .. roots, .. requests.Skip(head.Count).Where(r => !r.AtRoot)];
    }

    public async Task<PostmanResult> RunAsync(PostmanRequest r)
    {
        var url = Url(r);
        using var message = new HttpRequestMessage(new HttpMethod(r.Method), url);
        foreach (var h in r.Headers.Where(h => !h.Disabled && !h.Key.Equals("Content-Type", StringComparison.OrdinalIgnoreCase)))
        {
            message.Headers.TryAddWithoutValidation(h.Key, Resolve(r, h.Value, null));
        }
        if (Authorization(r) is { } auth)
        {
            message.Headers.Authorization = auth;
        }
        message.Content = Content(r);
        using var response = await http.SendAsync(message);
        var result = new PostmanResult(r, url, (int)response.StatusCode, await response.Content.ReadAsStringAsync());
        RunTestScript(result);
        return result;
    }

    private string Url(PostmanRequest r)
    {
        var raw = LinkedInHosts.Aggregate(r.Url, (u, host) => u.StartsWith(host, StringComparison.Ordinal) ? baseAddress + u[host.Length..] : u);
        var q = raw.IndexOf('?');
        if (q < 0)
        {
            return Resolve(r, raw, null);
        }
        // Variables in a query parameter are resolved knowing the parameter (the collection uses one placeholder for a range's two ends).
        var query = raw[(q + 1)..].Split('&').Select(p =>
        {
            var eq = p.IndexOf('=');
            return eq < 0 ? Resolve(r, p, null) : Resolve(r, p[..eq], null) + "=" + Resolve(r, p[(eq + 1)..], p[..eq]);
        });
        return Resolve(r, raw[..q], null) + "?" + string.Join('&', query);
    }

    private AuthenticationHeaderValue? Authorization(PostmanRequest r) => r.Auth.Type switch
    {
        "bearer" => new AuthenticationHeaderValue("Bearer", Resolve(r, r.Auth.Token ?? "", null)),
        "oauth2" => new AuthenticationHeaderValue("Bearer", OAuth2Token ?? throw new InvalidOperationException($"{r.Name} needs a 3-legged (oauth2) token")),
        "noauth" => null,
        _ => throw new NotSupportedException($"Postman auth type '{r.Auth.Type}' is not emulated"),
    };

    private HttpContent? Content(PostmanRequest r)
    {
        var explicitType = r.Headers.FirstOrDefault(h => !h.Disabled && h.Key.Equals("Content-Type", StringComparison.OrdinalIgnoreCase))?.Value;
        HttpContent? content = r.Body switch
        {
            { Mode: "raw", Raw: { Length: > 0 } raw } => new StringContent(BodyPlaceholders.Aggregate(Resolve(r, raw, null), (b, p) => b.Replace(p.Key, p.Value, StringComparison.Ordinal)), Encoding.UTF8),
            { Mode: "urlencoded", Fields: { Count: > 0 } f } => new StringContent(string.Join('&', f.Where(x => !x.Disabled)
                .Select(x => Uri.EscapeDataString(Resolve(r, x.Key, null)) + "=" + Uri.EscapeDataString(Resolve(r, x.Value, null)))), Encoding.UTF8),
            { Mode: "formdata", Fields.Count: > 0 } => throw new NotSupportedException("multipart form data is not emulated"),
            _ => null,
        };
        if (content is not null)
        {
            // As Postman's runtime sends them: a url-encoded body is always application/x-www-form-urlencoded (even under an explicit
            // Content-Type header, e.g. the collection's text/plain on "Parent Application Access Token"); for raw text an explicit
            // Content-Type header wins, else JSON is application/json and other text text/plain.
            var type = r.Body!.Mode == "urlencoded" ? "application/x-www-form-urlencoded" : explicitType ?? (r.Body.Language == "json" ? "application/json" : "text/plain");
            content.Headers.ContentType = MediaTypeHeaderValue.Parse(type);
        }
        return content;
    }

    private string Resolve(PostmanRequest r, string text, string? queryParameter) => VariableRegex().Replace(text, m =>
    {
        var name = m.Groups[1].Value;
        return Environment.GetValueOrDefault(name) ?? CollectionVariables.GetValueOrDefault(name) ?? Globals.GetValueOrDefault(name)
            ?? FillIns(new FillIn(r, name, queryParameter))
            ?? (name == "$timestamp" ? DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture) : null)
            ?? throw new InvalidOperationException($"{r.Name}: nothing fills in {{{{{name}}}}}");
    });

    private void RunTestScript(PostmanResult result)
    {
        JsonNode? jsonData = null;
        foreach (var line in result.Request.TestScript.Select(l => l.Trim()))
        {
            if (line is "var jsonData = JSON.parse(responseBody);")
            {
                jsonData = JsonNode.Parse(result.Body);
            }
            else if (GlobalsSetRegex().Match(line) is { Success: true } set)
            {
                var value = Walk(jsonData ?? throw new InvalidOperationException("jsonData is not parsed"), set.Groups[2].Value);
                Globals[set.Groups[1].Value] = value?.ToString() ?? throw new InvalidOperationException($"{result.Request.Name}: '{line}' found nothing in {result.Body}");
            }
            else if (!line.StartsWith("console.log(", StringComparison.Ordinal))
            {
                throw new NotSupportedException($"{result.Request.Name}: the script statement '{line}' is not emulated");
            }
        }
    }

    private static JsonNode? Walk(JsonNode node, string path)
    {
        foreach (Match step in Regex.Matches(path, @"\.([A-Za-z_][A-Za-z0-9_]*)|\[(\d+)\]"))
        {
            node = (step.Groups[1].Success ? node[step.Groups[1].Value] : node[int.Parse(step.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture)])!;
            if (node is null)
            {
                return null;
            }
        }
        return node;
    }
}
