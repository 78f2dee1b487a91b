using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace LinkedIn.Simulator.Tests.Postman;

/// <summary>Runs only when <c>RSC_POSTMAN_COLLECTION</c> names a developer's own copy of LinkedIn's collection (it cannot be kept here).</summary>
public sealed class LinkedInCollectionFactAttribute : FactAttribute
{
    public const string Variable = "RSC_POSTMAN_COLLECTION";

    public LinkedInCollectionFactAttribute()
    {
        if (string.IsNullOrEmpty(System.Environment.GetEnvironmentVariable(Variable)))
        {
            Skip = $"Set {Variable} to a local copy of LinkedIn's 'Recruiter System Connect.postman_collection.json' to run LinkedIn's own file too";
        }
    }

    public static string Path => System.Environment.GetEnvironmentVariable(Variable)!;
}

/// <summary>
/// LinkedIn's Postman collection for Recruiter System Connect, run in order over real HTTP against the simulator (issue 14).
/// Every request must succeed (2xx, and no per-key or per-element error in a batch answer) except the justified refusals below.
/// </summary>
public sealed partial class RscPostmanCollectionTests : IAsyncLifetime
{
    /// <summary>
    /// The requests whose refusal is expected, with the reason (also listed in docs/linkedin/simulator.md).
    /// Each must happen exactly as described: a refusal that stops happening fails the test too.
    /// </summary>
    public static readonly Dictionary<string, (string Reason, Func<PostmanResult, bool> Happened)> JustifiedRefusals = new()
    {
        ["Sync Job Applications - Delete"] = (
            "Module 5 deletes the candidate first. LinkedIn's certification test RSC-502 ('Delete Entire Candidate') expects a deleted candidate to " +
            "disappear from Recruiter entirely; the simulator therefore deletes the candidate's applications (and their stages, notes, feedback) with it. " +
            "When the application is deleted afterwards it no longer exists: the batch is accepted (HTTP 200) and reports that key 404, as every " +
            "batch delete of an unknown top-level key does (Attract's contract tests pin that answer; Attract counts it as deleted).",
            r => r.Status == 200 && r.Json?["errors"] is JsonObject { Count: 1 } e && e.Single().Value!["status"]!.GetValue<int>() == 404
                && r.Json["results"] is JsonObject { Count: 0 }),
    };

    private SimHost _sim = null!;
    private PushReceiver _receiver = null!;

    public async Task InitializeAsync()
    {
        _sim = await SimHost.StartAsync();
        _receiver = await PushReceiver.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _receiver.DisposeAsync();
        await _sim.DisposeAsync();
    }

    [Fact]
    public async Task RecreatedCollection_RunInOrder_EveryRequestSucceedsButTheJustifiedRefusals()
    {
        var requests = RscCollection.Requests();
        var session = new RscCollectionSession(_sim, _receiver);
        var results = await session.RunAsync(requests, RscCollection.Variables());

        Assert.Equal(48, results.Count);
        AssertOutcomes(results);
        Assert.Equal("rC7kLm", session.Runner.Globals["person_id"]);
        var inMails = results.Single(r => r.Request.Name == "Retrieve InMail History").Json!["elements"]!.AsArray();
        Assert.NotEmpty(inMails);
        var export = results.Single(r => r.Request.Name == "GET Notification Type EXPORT_CANDIDATE_PROFILE").Json!["elements"]!.AsArray();
        Assert.Equal("REQ-PUBLIC-117", Assert.Single(export)!["externalJobPostingId"]!.GetValue<string>());
    }

    [LinkedInCollectionFact]
    public async Task LinkedInsCollection_RunInOrder_EveryRequestSucceedsButTheJustifiedRefusals()
    {
        var (requests, variables) = PostmanCollectionReader.Read(await File.ReadAllTextAsync(LinkedInCollectionFactAttribute.Path));
        var results = await new RscCollectionSession(_sim, _receiver).RunAsync(requests, variables);
        Assert.Equal(requests.Count, results.Count);
        AssertOutcomes(results);
    }

    [LinkedInCollectionFact]
    public async Task Recreation_ComparedWithLinkedInsCollection_SendsTheSameRequests()
    {
        var (original, variables) = PostmanCollectionReader.Read(await File.ReadAllTextAsync(LinkedInCollectionFactAttribute.Path));
        var recreated = RscCollection.Requests();
        Assert.Equal(original.Select(r => r.Name), recreated.Select(r => r.Name));
        Assert.Equal(variables.Keys.Order(StringComparer.Ordinal), RscCollection.Variables().Keys.Order(StringComparer.Ordinal));
        foreach (var (o, r) in original.Zip(recreated))
        {
            Assert.Equal(Describe(o), Describe(r));
        }
    }

    /// <summary>Asserts every result succeeded, or failed exactly as a justified refusal says; reports them all at once.</summary>
    private static void AssertOutcomes(List<PostmanResult> results)
    {
        var report = new List<string>();
        foreach (var r in results)
        {
            var problem = Problem(r);
            if (JustifiedRefusals.TryGetValue(r.Request.Name, out var refusal))
            {
                if (problem is null || !refusal.Happened(r))
                {
                    report.Add($"{r.Request.Name}: expected refusal did not happen as described — got {r.Status} {Short(r.Body)}");
                }
            }
            else if (problem is not null)
            {
                report.Add($"{r.Request.Name} ({r.Request.Method} {r.SentUrl}): {problem}");
            }
        }
        Assert.True(report.Count == 0, $"{report.Count} of {results.Count} requests did not behave as expected:\n" + string.Join('\n', report));
    }

    /// <summary>Why a result is not a success, or null: a non-2xx status, per-key errors, or a failed batch_create element.</summary>
    public static string? Problem(PostmanResult r)
    {
        if (r.Status is < 200 or > 299)
        {
            return $"HTTP {r.Status} {Short(r.Body)}";
        }
        var json = r.Json;
        if (json?["errors"] is JsonObject { Count: > 0 } errors)
        {
            return "per-key errors " + Short(errors.ToJsonString());
        }
        if (json?["elements"] is JsonArray elements && elements.Any(e => e?["status"] is JsonValue s && s.TryGetValue<int>(out var status) && status >= 400))
        {
            return "failed elements " + Short(elements.ToJsonString());
        }
        return null;
    }

    private static string Short(string s) => s.Length <= 400 ? s : s[..400] + "…";

    [GeneratedRegex(@"\{\{[^{}]+\}\}")]
    private static partial Regex VariableRegex();

    /// <summary>Everything about a request except its sample values: what must match LinkedIn's collection.</summary>
    private static string Describe(PostmanRequest r)
    {
        var headers = r.Headers.Select(h => $"{h.Key.ToLowerInvariant()}={h.Value}{(h.Disabled ? " (disabled)" : "")}").Order(StringComparer.Ordinal);
        var body = r.Body switch
        {
            null => "none",
            { Mode: "raw", Raw: var raw } when string.IsNullOrWhiteSpace(raw) => $"raw/{r.Body.Language} empty",
            { Mode: "raw" } => $"raw/{r.Body.Language} " + string.Join(' ', Shape(JsonNode.Parse(VariableRegex().Replace(r.Body.Raw!, "1")), "")),
            _ => $"{r.Body.Mode} " + string.Join('&', r.Body.Fields!.Select(f => $"{f.Key}={f.Value}")),
        };
        return string.Join('\n', [string.Join(" / ", r.Folders), r.Name, $"{r.Method} {r.Url}", string.Join("; ", headers), body,
            $"auth {r.Auth.Type} {r.Auth.Token}", .. r.TestScript.Select(l => l.Trim())]);
    }

    /// <summary>The JSON paths of a body (object keys, with variables in them, and array positions), sorted.</summary>
    private static IEnumerable<string> Shape(JsonNode? node, string path) => node switch
    {
        JsonObject o => o.SelectMany(kv => Shape(kv.Value, $"{path}.{kv.Key}")).Order(StringComparer.Ordinal),
        JsonArray a => a.SelectMany((x, i) => Shape(x, $"{path}[{i}]")),
        _ => [path],
    };
}
