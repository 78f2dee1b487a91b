using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace LinkedIn.Simulator.Api.Protocol;

/// <summary>Rest.li protocol version of a request, from <c>X-RestLi-Protocol-Version</c>.</summary>
internal enum RestLiVersion
{
    V1 = 1,
    V2 = 2,
}

/// <summary>
/// One API request as Rest.li reads it (https://linkedin.github.io/rest.li/spec/protocol): its protocol version and the
/// key and parameter syntax of that version.
/// <list type="bullet">
/// <item>No <c>X-RestLi-Protocol-Version</c> header (or <c>1.0.0</c>) is protocol 1.0: batch keys <c>ids[0].f=v</c> / <c>ids=a&amp;ids=b</c>,
/// compound keys <c>f=v&amp;g=w</c> in paths and bodies, finder parameters <c>p.f=v</c> and repeated <c>p=a&amp;p=b</c>.
/// The 2.0 notation (<c>List(…)</c>, <c>(f:v)</c>) is refused: Rest.li 1.0 would not read it as a key or a list.</item>
/// <item><c>2.0.0</c> is protocol 2.0: <c>ids=List((f:v,g:w))</c> / <c>ids=List(a,b)</c>, keys <c>(f:v,g:w)</c>, <c>p=(f:v)</c>, <c>p=List(a,b)</c>.
/// The 1.0 forms are accepted too (the simulator's behaviour before 1.0 support; Attract's client sends them with 2.0.0).</item>
/// </list>
/// </summary>
internal sealed partial class RestLiRequest
{
    public const string ProtocolHeader = "X-RestLi-Protocol-Version";
    private const string ItemKey = "simulation.restli";

    private readonly List<(string Name, string Raw)> _query;

    private RestLiRequest(RestLiVersion version, List<(string Name, string Raw)> query)
    {
        Version = version;
        _query = query;
        ListSyntax = query.Any(p => p.Name == "ids" && p.Raw.StartsWith("List(", StringComparison.Ordinal));
    }

    public RestLiVersion Version { get; }

    /// <summary>The batch keys came as <c>ids=List(…)</c>; batch responses then name keys in the 2.0 form too.</summary>
    public bool ListSyntax { get; }

    public string VersionText => Version == RestLiVersion.V2 ? "2.0.0" : "1.0.0";

    /// <summary>Reads the version and checks the URL uses its syntax; the result is kept for <see cref="Of"/>.</summary>
    public static (RestLiRequest? Request, IResult? Error) Parse(HttpContext ctx)
    {
        var header = ctx.Request.Headers[ProtocolHeader].ToString().Trim();
        RestLiVersion version;
        if (header.Length == 0)
        {
            version = RestLiVersion.V1;
        }
        else if (System.Version.TryParse(header, out var v) && v.Minor == 0 && v.Build <= 0 && v.Major is 1 or 2)
        {
            version = (RestLiVersion)v.Major;
        }
        else
        {
            return (null, RestLi.BadRequest($"Unsupported {ProtocolHeader} '{header}'; use 2.0.0 (or none for 1.0.0)"));
        }
        var r = new RestLiRequest(version, RawQuery(ctx.Request.QueryString.Value));
        if (version == RestLiVersion.V1 && r.V2SyntaxIn(ctx) is { } where)
        {
            return (null, RestLi.BadRequest($"{where} uses the Rest.li 2.0 syntax; send {ProtocolHeader}: 2.0.0 with it (without the header a request is protocol 1.0.0)"));
        }
        ctx.Items[ItemKey] = r;
        ctx.Response.Headers[ProtocolHeader] = r.VersionText;
        return (r, null);
    }

    /// <summary>The request parsed by <see cref="Parse"/> (the API guard runs it before every handler).</summary>
    public static RestLiRequest Of(HttpContext ctx) =>
        ctx.Items.TryGetValue(ItemKey, out var r) && r is RestLiRequest req ? req : Parse(ctx).Request ?? new RestLiRequest(RestLiVersion.V2, []);

    private string? V2SyntaxIn(HttpContext ctx)
    {
        foreach (var (name, raw) in _query)
        {
            if (RestLiNotation.IsStructured(raw))
            {
                return $"Query parameter '{name}'";
            }
        }
        // A 2.0 path key may be percent-encoded as a whole (LinkedIn's protocol page asks for that): "%28…%29" is "(…)".
        var segment = RestLi.RawSegments(ctx).Skip(2).FirstOrDefault(s => RestLiNotation.IsStructured(Uri.UnescapeDataString(s)));
        return segment is null ? null : $"Path key '{segment}'";
    }

    [GeneratedRegex(@"^ids\[(\d+)\]\.(.+)$")]
    private static partial Regex IndexedIdRegex();

    /// <summary>Compound batch keys: 2.0 <c>ids=List((f:v),…)</c>, else 1.0 <c>ids[i].f=v</c> in index order.</summary>
    public List<Dictionary<string, string>> CompoundKeys()
    {
        if (ListSyntax)
        {
            return [.. _query.Where(p => p.Name == "ids").SelectMany(p => Elements(p.Raw)).Select(e => e is JsonObject o
                ? ToMap(o) : throw new FormatException("ids=List(…) must list objects (f:v,…) for this resource"))];
        }
        var byIndex = new SortedDictionary<int, Dictionary<string, string>>();
        foreach (var (name, raw) in _query)
        {
            var m = IndexedIdRegex().Match(name);
            if (!m.Success)
            {
                continue;
            }
            var idx = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
            if (!byIndex.TryGetValue(idx, out var map))
            {
                byIndex[idx] = map = new Dictionary<string, string>(StringComparer.Ordinal);
            }
            map[TildeDecode(m.Groups[2].Value)] = Decode(raw);
        }
        return [.. byIndex.Values];
    }

    /// <summary>Simple batch keys: 1.0 <c>ids=a&amp;ids=b</c>, 2.0 <c>ids=List(a,b)</c>.</summary>
    public List<string> SimpleKeys() =>
        [.. _query.Where(p => p.Name == "ids").SelectMany(p => p.Raw.StartsWith("List(", StringComparison.Ordinal)
            ? Elements(p.Raw).Select(e => e is JsonValue v ? v.GetValue<string>() : throw new FormatException("ids=List(…) must list plain keys for this resource"))
            : [Decode(p.Raw)]).Where(x => x.Length > 0)];

    /// <summary>
    /// A compound key from a path segment (raw) or a batch body: 1.0 <c>f=v&amp;g=w</c>; with 2.0 also <c>(f:v,g:w)</c>.
    /// A segment percent-encoded as a whole is decoded first. Null when malformed.
    /// </summary>
    public Dictionary<string, string>? Key(string key)
    {
        if (!key.Contains('&') && !key.Contains('=') && !key.StartsWith('(') && (key.Contains("%3D", StringComparison.OrdinalIgnoreCase) || key.Contains("%28", StringComparison.Ordinal)))
        {
            key = Uri.UnescapeDataString(key);
        }
        if (key.StartsWith('('))
        {
            return Version == RestLiVersion.V2 && TryParse(key) is JsonObject o && o.All(kv => kv.Value is JsonValue) ? ToMap(o) : null;
        }
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var part in key.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var i = part.IndexOf('=');
            if (i <= 0)
            {
                return null;
            }
            map[TildeDecode(Uri.UnescapeDataString(part[..i]))] = Uri.UnescapeDataString(part[(i + 1)..].Replace('+', ' '));
        }
        return map.Count == 0 ? null : map;
    }

    /// <summary>How a batch response names a key: 2.0 <c>(f:v,…)</c> when the request listed its keys that way, else the canonical 1.0 string.</summary>
    public string KeyString(IReadOnlyDictionary<string, string> map) => ListSyntax
        ? "(" + string.Join(',', map.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => $"{RestLiNotation.ReducedEncode(kv.Key)}:{RestLiNotation.ReducedEncode(kv.Value)}")) + ")"
        : RestLi.Canonical(map);

    /// <summary>
    /// A finder parameter. A dotted name is a field of a record parameter: 1.0 <c>timeRange.start=…</c>, 2.0 <c>timeRange=(start:…)</c>.
    /// </summary>
    public string? Param(string name)
    {
        var dot = name.IndexOf('.');
        if (Version == RestLiVersion.V2 && dot > 0 && Raw(name[..dot]) is { } rec && rec.StartsWith('('))
        {
            return Walk(RestLiNotation.Parse(rec, true), name[(dot + 1)..]);
        }
        return Raw(name) is { } raw ? Decode(raw) : null;
    }

    /// <summary>A list parameter: 1.0 <c>p=a&amp;p=b</c> or <c>p[0]=a</c>, 2.0 <c>p=List(a,b)</c>; comma-separated values are split (legacy form).</summary>
    public List<string> ListParam(string name)
    {
        var list = new List<string>();
        foreach (var (n, raw) in _query)
        {
            if (raw.StartsWith("List(", StringComparison.Ordinal) && n == name)
            {
                list.AddRange(Elements(raw).Select(e => e is JsonValue v ? v.GetValue<string>() : throw new FormatException($"{name} must list plain values")));
            }
            else if (n == name || (n.StartsWith(name + "[", StringComparison.Ordinal) && n.EndsWith(']')))
            {
                list.AddRange(Decode(raw).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
            }
        }
        return list;
    }

    private string? Raw(string name) => _query.FirstOrDefault(p => p.Name == name).Raw;

    private static List<(string Name, string Raw)> RawQuery(string? qs) =>
        [.. (qs ?? "").TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries).Select(p =>
        {
            var i = p.IndexOf('=');
            return i < 0 ? (Decode(p), "") : (Decode(p[..i]), p[(i + 1)..]);
        })];

    private static string Decode(string raw) => Uri.UnescapeDataString(raw.Replace('+', ' '));

    /// <summary>Rest.li 1.0 "~ encoding" of '.', '[', ']' and '~' inside key and parameter names.</summary>
    private static string TildeDecode(string name) => name.Contains('~')
        ? name.Replace("~2E", ".", StringComparison.OrdinalIgnoreCase).Replace("~5B", "[", StringComparison.OrdinalIgnoreCase)
            .Replace("~5D", "]", StringComparison.OrdinalIgnoreCase).Replace("~7E", "~", StringComparison.OrdinalIgnoreCase)
        : name;

    private static JsonArray Elements(string raw) =>
        RestLiNotation.Parse(raw, true) as JsonArray ?? throw new FormatException($"Expected a Rest.li 2.0 list, got '{raw}'");

    private static JsonNode? TryParse(string raw)
    {
        try
        {
            return RestLiNotation.Parse(raw);
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private static Dictionary<string, string> ToMap(JsonObject o) =>
        o.ToDictionary(kv => kv.Key, kv => kv.Value is JsonValue v ? v.GetValue<string>() : throw new FormatException($"key field {kv.Key} must be a plain value"), StringComparer.Ordinal);

    private static string? Walk(JsonNode node, string path)
    {
        foreach (var part in path.Split('.'))
        {
            node = (node as JsonObject)?[part]!;
            if (node is null)
            {
                return null;
            }
        }
        return node is JsonValue v ? v.GetValue<string>() : null;
    }
}
