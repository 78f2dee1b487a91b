using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace LinkedIn.Simulator.Memory;

/// <summary>What the read-back found: records answered by the batch GETs, and entities in the soak listing.</summary>
public sealed record ReadResult(int Candidates, int Applications, int Stages, int Listed, bool Complete)
{
    public override string ToString() =>
        $"{Candidates:N0} candidates, {Applications:N0} applications, {Stages:N0} stages by batch GET, {Listed:N0} entities listed{(Complete ? "" : " (INCOMPLETE)")}";
}

/// <summary>
/// A partner's traffic through the simulator's real sync API: a provisioned child app with its integrations on and the
/// rate limits lifted, batch upserts of candidates, applications and application stages, then batch GETs of all of them.
/// </summary>
public sealed class SyncLoad
{
    private const string Organization = "urn:li:organization:1001";
    private const int Batch = 100;
    private const int StagesPerApplication = 5;
    private const int Parallelism = 4;
    private static readonly string Context = Uri.EscapeDataString(Organization);

    private readonly HttpClient _http;
    private readonly string _clientId;
    private readonly string _secret;
    private string _token;
    private DateTime _tokenAt = DateTime.UtcNow;
    private int _candidates;
    private int _applications;
    private int _stagedApplications;

    private SyncLoad(HttpClient http, string clientId, string secret, string token)
    {
        _http = http;
        _clientId = clientId;
        _secret = secret;
        _token = token;
    }

    public static async Task<SyncLoad> ConnectAsync(string baseUrl)
    {
        var http = new HttpClient { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromMinutes(5) };
        (await http.PostAsync("/_sim/faults", Json(new JsonObject { ["liftRateLimits"] = true }))).EnsureSuccessStatusCode();
        var partner = await TokenAsync(http, "attract-dev-partner", "attract-dev-partner-secret");
        using var provision = Request(HttpMethod.Post, "/v2/provisionedApplications", partner, new JsonObject
        {
            ["uniqueForeignId"] = "memory-benchmark",
            ["name"] = "Attract - memory benchmark",
            ["description"] = "simulator memory benchmark",
            ["oauth2AuthorizedCallbackUrls"] = new JsonArray("https://attract.contoso.test/signin-linkedin"),
            ["validJsSdkDomains"] = new JsonArray("https://attract.contoso.test"),
        });
        var created = await ReadAsync(await http.SendAsync(provision));
        var clientId = created["credentials"]!["clientId"]!.GetValue<string>();
        var secret = created["credentials"]!["clientSecret"]!.GetValue<string>();
        (await http.PostAsync("/_sim/integrations", Json(new JsonObject { ["clientId"] = clientId, ["integrationContext"] = Organization, ["status"] = "ENABLED" }))).EnsureSuccessStatusCode();
        return new SyncLoad(http, clientId, secret, await TokenAsync(http, clientId, secret));
    }

    /// <summary>Pushes <paramref name="records"/> records: half candidates, 40 % applications, the rest stages (5 per application).</summary>
    public async Task PushAsync(int records, Action<int, int> progress)
    {
        _candidates = records / 2;
        _applications = records * 2 / 5;
        _stagedApplications = (records - _candidates - _applications) / StagesPerApplication;
        var work = new List<(Func<Task> Send, int Records)>();
        for (var i = 0; i < _candidates; i += Batch)
        {
            var from = i;
            var n = Math.Min(Batch, _candidates - i);
            work.Add((() => PutAsync("atsCandidates", "atsCandidateId", "c", from, n, Candidate), n));
        }
        for (var i = 0; i < _applications; i += Batch)
        {
            var from = i;
            var n = Math.Min(Batch, _applications - i);
            work.Add((() => PutAsync("atsApplications", "atsJobApplicationId", "a", from, n, Application), n));
        }
        for (var i = 0; i < _stagedApplications; i++)
        {
            var application = i;
            work.Add((() => PutStagesAsync(application), StagesPerApplication));
        }
        var done = 0;
        var reported = 0;
        await Parallel.ForEachAsync(work, new ParallelOptions { MaxDegreeOfParallelism = Parallelism }, async (item, _) =>
        {
            await item.Send();
            var now = Interlocked.Add(ref done, item.Records);
            if (now / 50_000 > Volatile.Read(ref reported) && Interlocked.Exchange(ref reported, now / 50_000) < now / 50_000)
            {
                progress(now, records);
            }
        });
    }

    /// <summary>Every candidate and application by batch GET, every application's stages, and the soak listing page by page.</summary>
    public async Task<ReadResult> ReadBackAsync()
    {
        var candidates = 0;
        var applications = 0;
        var stages = 0;
        var reads = new List<Func<Task>>();
        for (var i = 0; i < _candidates; i += Batch)
        {
            var from = i;
            reads.Add(async () => Interlocked.Add(ref candidates, await GetAsync("atsCandidates", "atsCandidateId", "c", from, Math.Min(Batch, _candidates - from))));
        }
        for (var i = 0; i < _applications; i += Batch)
        {
            var from = i;
            reads.Add(async () => Interlocked.Add(ref applications, await GetAsync("atsApplications", "atsJobApplicationId", "a", from, Math.Min(Batch, _applications - from))));
        }
        for (var i = 0; i < _stagedApplications; i++)
        {
            var application = i;
            reads.Add(async () => Interlocked.Add(ref stages, await GetStagesAsync(application)));
        }
        await Parallel.ForEachAsync(reads, new ParallelOptions { MaxDegreeOfParallelism = Parallelism }, async (read, _) => await read());
        var listed = await ListAsync();
        var complete = candidates == _candidates && applications == _applications && stages == _stagedApplications * StagesPerApplication
            && listed == _candidates + _applications;
        return new ReadResult(candidates, applications, stages, listed, complete);
    }

    private static JsonObject Candidate(int i) => new()
    {
        ["atsCreatedAt"] = 1_700_000_000_000L + i,
        ["atsLastModifiedAt"] = 1_700_000_000_000L + i,
        ["firstName"] = "First" + i.ToString(CultureInfo.InvariantCulture),
        ["lastName"] = "Last" + i.ToString(CultureInfo.InvariantCulture),
        ["emailAddresses"] = new JsonArray($"candidate{i}@example.com"),
        ["addresses"] = new JsonArray(),
        ["phoneNumbers"] = new JsonArray(new JsonObject { ["number"] = "+1 555 01" + (i % 100_000).ToString("D5", CultureInfo.InvariantCulture) }),
        ["currentCompanyName"] = "Company " + (i % 997).ToString(CultureInfo.InvariantCulture),
        ["currentJobTitle"] = "Software Engineer",
        ["linkedInProfileUrl"] = $"https://www.linkedin.com/in/candidate-{i}",
    };

    private JsonObject Application(int i) => new()
    {
        ["atsCandidateId"] = "c" + (i % Math.Max(1, _candidates)).ToString(CultureInfo.InvariantCulture),
        ["atsCreatedAt"] = 1_700_000_000_000L + i,
        ["atsLastModifiedAt"] = 1_700_000_000_000L + i,
        ["atsJobPostingId"] = "JOB-" + (1000 + i % 250).ToString(CultureInfo.InvariantCulture),
        ["atsJobPostingName"] = "Senior Backend Engineer",
        ["candidateEmail"] = $"candidate{i}@example.com",
        ["firstName"] = "First" + i.ToString(CultureInfo.InvariantCulture),
        ["lastName"] = "Last" + i.ToString(CultureInfo.InvariantCulture),
        ["source"] = "LinkedIn",
    };

    private static string KeyString(string idField, string id) => $"{idField}={Uri.EscapeDataString(id)}&dataProvider=ATS&integrationContext={Context}";

    private static string Ids(string idField, string prefix, int from, int n) => string.Join('&', Enumerable.Range(0, n).Select(j =>
        $"ids[{j}].{idField}={prefix}{from + j}&ids[{j}].dataProvider=ATS&ids[{j}].integrationContext={Context}"));

    private async Task PutAsync(string resource, string idField, string prefix, int from, int n, Func<int, JsonObject> entity)
    {
        var entities = new JsonObject();
        for (var i = from; i < from + n; i++)
        {
            entities[KeyString(idField, prefix + i.ToString(CultureInfo.InvariantCulture))] = entity(i);
        }
        var answer = await SendAsync(HttpMethod.Put, $"/v2/{resource}?{Ids(idField, prefix, from, n)}", new JsonObject { ["entities"] = entities }, "batch_update");
        Expect(answer["errors"]!.AsObject().Count == 0, $"{resource} batch from {from}: {answer["errors"]}");
    }

    private async Task PutStagesAsync(int application)
    {
        var stages = new JsonObject();
        for (var s = 0; s < StagesPerApplication; s++)
        {
            stages["s" + s.ToString(CultureInfo.InvariantCulture)] = new JsonObject { ["atsCreatedAt"] = 1_700_000_000_000L + s, ["stage"] = "Stage " + s.ToString(CultureInfo.InvariantCulture) };
        }
        var ids = string.Join('&', Enumerable.Range(0, StagesPerApplication).Select(s => "ids=s" + s.ToString(CultureInfo.InvariantCulture)));
        var answer = await SendAsync(HttpMethod.Put, $"/v2/atsApplications/{StagesPath(application)}?{ids}", new JsonObject { ["entities"] = stages }, "batch_update");
        Expect(answer["errors"]!.AsObject().Count == 0, $"stages of a{application}: {answer["errors"]}");
    }

    private static string StagesPath(int application) => KeyString("atsJobApplicationId", "a" + application.ToString(CultureInfo.InvariantCulture)) + "/stages";

    private async Task<int> GetAsync(string resource, string idField, string prefix, int from, int n) =>
        (await SendAsync(HttpMethod.Get, $"/v2/{resource}?{Ids(idField, prefix, from, n)}", null, null))["results"]!.AsObject().Count;

    private async Task<int> GetStagesAsync(int application)
    {
        var ids = string.Join('&', Enumerable.Range(0, StagesPerApplication).Select(s => "ids=s" + s.ToString(CultureInfo.InvariantCulture)));
        return (await SendAsync(HttpMethod.Get, $"/v2/atsApplications/{StagesPath(application)}?{ids}", null, null))["results"]!.AsObject().Count;
    }

    /// <summary>The soak listing, page by page (a simulator that answers one array lists everything at once).</summary>
    private async Task<int> ListAsync()
    {
        var listed = 0;
        string? after = null;
        do
        {
            var url = $"/_sim/soak/entities?clientId={Uri.EscapeDataString(_clientId)}&count=5000" + (after is null ? "" : "&after=" + Uri.EscapeDataString(after));
            var page = JsonNode.Parse(await _http.GetStringAsync(url))!;
            if (page is JsonArray all)
            {
                return all.Count;
            }
            listed += page["elements"]!.AsArray().Count;
            after = page["next"]?.GetValue<string>();
        }
        while (after is not null);
        return listed;
    }

    private async Task<JsonObject> SendAsync(HttpMethod method, string path, JsonObject? body, string? restLiMethod)
    {
        if (DateTime.UtcNow - _tokenAt > TimeSpan.FromMinutes(20))
        {
            _tokenAt = DateTime.UtcNow;
            _token = await TokenAsync(_http, _clientId, _secret);
        }
        using var request = Request(method, path, _token, body);
        if (restLiMethod is not null)
        {
            request.Headers.Add("X-RestLi-Method", restLiMethod);
        }
        return (JsonObject)await ReadAsync(await _http.SendAsync(request));
    }

    private static HttpRequestMessage Request(HttpMethod method, string path, string token, JsonObject? body)
    {
        var request = new HttpRequestMessage(method, path) { Content = body is null ? null : Json(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        request.Headers.Add("X-RestLi-Protocol-Version", "2.0.0");
        return request;
    }

    private static StringContent Json(JsonNode body) => new(body.ToJsonString(), Encoding.UTF8, "application/json");

    private static async Task<JsonNode> ReadAsync(HttpResponseMessage response)
    {
        using (response)
        {
            var text = await response.Content.ReadAsStringAsync();
            Expect(response.IsSuccessStatusCode, $"{(int)response.StatusCode} {response.RequestMessage?.RequestUri?.AbsolutePath}: {text[..Math.Min(300, text.Length)]}");
            return JsonNode.Parse(text)!;
        }
    }

    private static async Task<string> TokenAsync(HttpClient http, string clientId, string secret)
    {
        var answer = await ReadAsync(await http.PostAsync("/oauth/v2/accessToken", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = clientId,
            ["client_secret"] = secret,
        })));
        return answer["access_token"]!.GetValue<string>();
    }

    private static void Expect(bool condition, string otherwise)
    {
        if (!condition)
        {
            throw new InvalidOperationException(otherwise);
        }
    }
}
