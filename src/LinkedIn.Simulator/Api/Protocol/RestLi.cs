using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.Features;

namespace LinkedIn.Simulator.Api.Protocol;

/// <summary>Rest.li helpers: error bodies, JSON results, canonical keys, batch bodies (URL syntax: <see cref="RestLiRequest"/>).</summary>
internal static class RestLi
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

    /// <summary>Checks the request is the Rest.li <paramref name="method"/> (header or inferred), then reads the batch <paramref name="field"/> of the body.</summary>
    public static async Task<(T? Batch, IResult? Error)> ReadBatch<T>(HttpContext ctx, string field, string method)
        where T : JsonNode
    {
        return RestLiMethods.Require(ctx, false, method) is { } me ? (null, me) : await ReadBatch<T>(ctx, field);
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
