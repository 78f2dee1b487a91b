using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.Features;

namespace LinkedIn.Simulator;

/// <summary>Rest.li helpers: compound keys, error bodies, JSON results.</summary>
internal static partial class RestLi
{
    public static readonly JsonSerializerOptions Out = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static IResult Json(JsonNode node, int status = 200) =>
        Results.Text(node.ToJsonString(Out), "application/json", Encoding.UTF8, status);

    public static JsonObject ErrorBody(int status, string code, string message) => new()
    {
        ["status"] = status,
        ["serviceErrorCode"] = code switch
        {
            "INVALID_ACCESS_TOKEN" => 65600,
            "EXPIRED_ACCESS_TOKEN" => 65601,
            "ACCESS_DENIED" => 100,
            "NOT_FOUND" => 404,
            "DUPLICATE" => 409,
            "TOO_MANY_REQUESTS" => 101,
            "INTERNAL_ERROR" => 500,
            _ => 400,
        },
        ["code"] = code,
        ["message"] = message,
    };

    public static IResult Error(int status, string code, string message) => Json(ErrorBody(status, code, message), status);

    public static IResult BadRequest(string message) => Error(400, "BAD_REQUEST", message);
    public static IResult Validation(string message) => Error(400, "VALIDATION_FAILED", message);
    public static IResult Forbidden(string message) => Error(403, "ACCESS_DENIED", message);
    public static IResult NotFound(string message) => Error(404, "NOT_FOUND", message);

    public static JsonObject Collection(IEnumerable<JsonNode> all, int start, int count)
    {
        var list = all.ToList();
        var page = new JsonArray(list.Skip(start).Take(count).Select(n => n.DeepClone()).ToArray());
        return new JsonObject
        {
            ["elements"] = page,
            ["paging"] = new JsonObject { ["start"] = start, ["count"] = count, ["total"] = list.Count, ["links"] = new JsonArray() },
        };
    }

    public static (int Start, int Count, IResult? Error) Paging(HttpContext ctx, int defaultCount = 10, bool startRequired = false)
    {
        var q = ctx.Request.Query;
        var start = 0;
        var count = defaultCount;
        if (q.TryGetValue("start", out var s))
        {
            if (!int.TryParse(s, out start) || start < 0)
            {
                return (0, 0, BadRequest("start must be a non-negative integer"));
            }
        }
        else if (startRequired)
        {
            return (0, 0, BadRequest("start is required"));
        }
        if (q.TryGetValue("count", out var c) && (!int.TryParse(c, out count) || count < 0 || count > 1000))
        {
            return (0, 0, BadRequest("count must be an integer between 0 and 1000"));
        }
        return (start, count, null);
    }

    [GeneratedRegex(@"^ids\[(\d+)\]\.([A-Za-z0-9_]+)$")]
    private static partial Regex IdsRegex();

    /// <summary>Compound keys from the query string (<c>ids[0].field=value</c>), in index order.</summary>
    public static List<Dictionary<string, string>> QueryCompoundKeys(HttpContext ctx)
    {
        var byIndex = new SortedDictionary<int, Dictionary<string, string>>();
        foreach (var (k, v) in ctx.Request.Query)
        {
            var m = IdsRegex().Match(k);
            if (!m.Success)
            {
                continue;
            }
            var idx = int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
            if (!byIndex.TryGetValue(idx, out var map))
            {
                byIndex[idx] = map = new Dictionary<string, string>(StringComparer.Ordinal);
            }
            map[m.Groups[2].Value] = v.ToString();
        }
        return [.. byIndex.Values];
    }

    /// <summary>Simple keys (<c>ids=a&amp;ids=b</c>).</summary>
    public static List<string> QuerySimpleKeys(HttpContext ctx) =>
        ctx.Request.Query["ids"].Where(x => !string.IsNullOrEmpty(x)).Select(x => x!).ToList();

    /// <summary>Parses a key string <c>a=1&amp;b=urn%3Ali...</c> (also tolerates Rest.li 2.0 <c>(a:1,b:2)</c>).</summary>
    public static Dictionary<string, string>? ParseKeyString(string key)
    {
        if (!key.Contains('&') && !key.Contains('=') && !key.StartsWith('(') && (key.Contains("%3D", StringComparison.OrdinalIgnoreCase) || key.Contains("%28", StringComparison.Ordinal)))
        {
            // a path key that was percent-encoded as a whole
            key = Uri.UnescapeDataString(key);
        }
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        if (key.StartsWith('(') && key.EndsWith(')'))
        {
            foreach (var part in key[1..^1].Split(','))
            {
                var i = part.IndexOf(':');
                if (i <= 0)
                {
                    return null;
                }
                map[Uri.UnescapeDataString(part[..i])] = Uri.UnescapeDataString(part[(i + 1)..]);
            }
            return map;
        }
        foreach (var part in key.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var i = part.IndexOf('=');
            if (i <= 0)
            {
                return null;
            }
            map[Uri.UnescapeDataString(part[..i])] = Uri.UnescapeDataString(part[(i + 1)..].Replace('+', ' '));
        }
        return map.Count == 0 ? null : map;
    }

    /// <summary>Canonical key string: fields sorted by name, values percent-encoded.</summary>
    public static string Canonical(IReadOnlyDictionary<string, string> map) =>
        string.Join('&', map.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => $"{kv.Key}={Uri.EscapeDataString(kv.Value)}"));

    public static string Canonical(Dictionary<string, string> map) => Canonical((IReadOnlyDictionary<string, string>)map);

    /// <summary>Raw (undecoded) path segments of the request target.</summary>
    public static string[] RawSegments(HttpContext ctx)
    {
        var raw = ctx.Features.Get<IHttpRequestFeature>()?.RawTarget ?? ctx.Request.Path.Value ?? "";
        var q = raw.IndexOf('?');
        if (q >= 0)
        {
            raw = raw[..q];
        }
        if (raw.StartsWith("http", StringComparison.OrdinalIgnoreCase) && Uri.TryCreate(raw, UriKind.Absolute, out var abs))
        {
            raw = abs.AbsolutePath;
        }
        return raw.Split('/', StringSplitOptions.RemoveEmptyEntries);
    }

    public static string? Method(HttpContext ctx) =>
        ctx.Request.Headers["X-RestLi-Method"].FirstOrDefault()?.Trim().ToLowerInvariant();

    /// <summary>Checks the X-RestLi-Method header equals <paramref name="expected"/> (required).</summary>
    public static IResult? RequireMethod(HttpContext ctx, params string[] expected)
    {
        var m = Method(ctx);
        if (m is null)
        {
            return BadRequest($"X-RestLi-Method header is required ({string.Join(" or ", expected)})");
        }
        return expected.Contains(m) ? null : BadRequest($"Unsupported X-RestLi-Method '{m}' for {ctx.Request.Method} {ctx.Request.Path}");
    }

    public static async Task<(JsonObject? Body, IResult? Error)> ReadBody(HttpContext ctx)
    {
        try
        {
            var node = await JsonNode.ParseAsync(ctx.Request.Body, cancellationToken: ctx.RequestAborted);
            return node is JsonObject o ? (o, null) : (null, BadRequest("Request body must be a JSON object"));
        }
        catch (JsonException ex)
        {
            return (null, BadRequest("Malformed JSON: " + ex.Message));
        }
    }

    /// <summary>Reads the body's <paramref name="field"/>: a batch's <c>entities</c> (an object) or <c>elements</c> (an array).</summary>
    public static async Task<(T? Batch, IResult? Error)> ReadBatch<T>(HttpContext ctx, string field)
        where T : JsonNode
    {
        var (body, be) = await ReadBody(ctx);
        if (body is null)
        {
            return (null, be);
        }
        var shape = typeof(T) == typeof(JsonArray) ? "[...]" : "{...}";
        return body[field] is T batch ? (batch, null) : (null, BadRequest($"Body must be {{\"{field}\":{shape}}}"));
    }

    /// <summary>Checks the X-RestLi-Method header is <paramref name="method"/>, then reads the batch <paramref name="field"/> of the body.</summary>
    public static async Task<(T? Batch, IResult? Error)> ReadBatch<T>(HttpContext ctx, string field, string method)
        where T : JsonNode
    {
        return RequireMethod(ctx, method) is { } me ? (null, me) : await ReadBatch<T>(ctx, field);
    }

    public static string? Str(this JsonObject o, string name) =>
        o.TryGetPropertyValue(name, out var n) && n is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    public static long? Long(this JsonObject o, string name)
    {
        if (!o.TryGetPropertyValue(name, out var n) || n is not JsonValue v)
        {
            return null;
        }
        if (v.TryGetValue<long>(out var l))
        {
            return l;
        }
        if (v.TryGetValue<double>(out var d))
        {
            return (long)d;
        }
        return null;
    }

    public static bool SameMap(IReadOnlyDictionary<string, string> a, IReadOnlyDictionary<string, string> b) =>
        a.Count == b.Count && a.All(kv => b.TryGetValue(kv.Key, out var v) && v == kv.Value);
}
