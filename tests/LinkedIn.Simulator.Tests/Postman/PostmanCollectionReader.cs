using System.Text.Json.Nodes;

namespace LinkedIn.Simulator.Tests.Postman;

/// <summary>Reads a Postman collection (schema v2.1) into its requests in collection order, and its collection variables.</summary>
public static class PostmanCollectionReader
{
    public static (List<PostmanRequest> Requests, Dictionary<string, string> Variables) Read(string json)
    {
        var root = JsonNode.Parse(json)!.AsObject();
        var schema = root["info"]?["schema"]?.GetValue<string>() ?? "";
        if (!schema.Contains("v2.1", StringComparison.Ordinal))
        {
            throw new InvalidDataException($"Not a Postman v2.1 collection (schema '{schema}')");
        }
        var variables = (root["variable"] as JsonArray ?? [])
            .Select(v => (Key: v!["key"]!.GetValue<string>(), Value: v["value"]?.GetValue<string>() ?? ""))
            .ToDictionary(v => v.Key, v => v.Value, StringComparer.Ordinal);
        NoScript(root, "prerequest", "test");
        var requests = new List<PostmanRequest>();
        Walk(root["item"]!.AsArray(), [], Auth(root["auth"]), requests);
        return (requests, variables);
    }

    private static void Walk(JsonArray items, List<string> folders, PostmanAuth? inherited, List<PostmanRequest> into)
    {
        foreach (var item in items.OfType<JsonObject>())
        {
            var name = item["name"]!.GetValue<string>();
            if (item["item"] is JsonArray children)
            {
                NoScript(item, "prerequest", "test");
                Walk(children, [.. folders, name], Auth(item["auth"]) ?? inherited, into);
                continue;
            }
            NoScript(item, "prerequest");
            var r = item["request"]!.AsObject();
            into.Add(new PostmanRequest(
                name,
                [.. folders],
                r["method"]!.GetValue<string>(),
                r["url"] is JsonObject u ? u["raw"]!.GetValue<string>() : r["url"]!.GetValue<string>(),
                Pairs(r["header"]),
                Body(r["body"]),
                Auth(r["auth"]) ?? inherited ?? PostmanAuth.None,
                TestScript(item)));
        }
    }

    private static List<PostmanPair> Pairs(JsonNode? node) =>
        [.. (node as JsonArray ?? []).OfType<JsonObject>().Select(h => new PostmanPair(
            h["key"]!.GetValue<string>(), h["value"]?.GetValue<string>() ?? "", h["disabled"]?.GetValue<bool>() ?? false))];

    private static PostmanBody? Body(JsonNode? node)
    {
        if (node is not JsonObject b || b["mode"]?.GetValue<string>() is not { } mode)
        {
            return null;
        }
        return mode switch
        {
            "raw" => new PostmanBody("raw", b["raw"]?.GetValue<string>() ?? "", b["options"]?["raw"]?["language"]?.GetValue<string>()),
            "urlencoded" or "formdata" => new PostmanBody(mode, Fields: Pairs(b[mode])),
            _ => throw new NotSupportedException($"Postman body mode '{mode}' is not emulated"),
        };
    }

    /// <summary>The authorization an item or folder sets; null when it inherits (no <c>auth</c>).</summary>
    private static PostmanAuth? Auth(JsonNode? node)
    {
        if (node is not JsonObject a)
        {
            return null;
        }
        var type = a["type"]!.GetValue<string>();
        var token = (a[type] as JsonArray ?? []).OfType<JsonObject>()
            .FirstOrDefault(p => p["key"]?.GetValue<string>() is "token" or "accessToken")?["value"]?.GetValue<string>();
        return new PostmanAuth(type, token);
    }

    private static List<string> TestScript(JsonObject item) => Script(item, "test");

    private static List<string> Script(JsonObject item, string listen) =>
        [.. (item["event"] as JsonArray ?? []).OfType<JsonObject>()
            .Where(e => e["listen"]?.GetValue<string>() == listen)
            .SelectMany(e => (e["script"]?["exec"] as JsonArray ?? []).Select(l => l?.GetValue<string>() ?? ""))
            .Where(l => l.Trim().Length > 0)];

    /// <summary>Only request test scripts are emulated; any other non-empty script would go unnoticed, so it is refused.</summary>
    private static void NoScript(JsonObject item, params string[] listens)
    {
        foreach (var listen in listens)
        {
            if (Script(item, listen) is { Count: > 0 } lines)
            {
                throw new NotSupportedException($"'{item["name"] ?? item["info"]?["name"]}' has a {listen} script, which is not emulated: {lines[0]}");
            }
        }
    }
}
