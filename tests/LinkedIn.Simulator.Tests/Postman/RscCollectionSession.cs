using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace LinkedIn.Simulator.Tests.Postman;

/// <summary>
/// One run of the RSC collection against a simulator, with what a developer does around it by hand, done for real against the simulator:
/// <list type="bullet">
/// <item>the collection variables: the dev partner's credentials, organisation 1001, contract 7001, a customer name and id;</item>
/// <item>the customer application's credentials, copied from "Get Child Application" (the provisioning response);</item>
/// <item>the 3-legged sign-in Postman's OAuth 2.0 helper performs for "GET Person ID" (a Recruiter member, PKCE, the Postman callback URL);</item>
/// <item><c>&lt;https://YourCallbackURL&gt;</c> replaced by a push receiver's URL;</item>
/// <item>the customer's Recruiter admin turning the integrations on (an <c>INTEGRATION_STATUS_CHANGE</c> push), and a recruiter's 1-Click Export
/// (an <c>EXPORT_CANDIDATE_PROFILE</c> push): each push's id is the request id the two "GET Notification Type" requests need;</item>
/// <item>the seat id, read from the "Retrieve Recruiter Seatholders" response (seat 9004, a colleague with InMails and notes);</item>
/// <item>the epoch placeholders: each range's start 11 hours ago, its end a minute ahead (InMail history windows are at most 12 hours).</item>
/// </list>
/// </summary>
public sealed class RscCollectionSession(SimHost sim, PushReceiver receiver)
{
    public const string Member = "recruiter@linkedin.test";
    public const string PostmanCallback = "https://app.getpostman.com/oauth2/callback";
    private readonly long _now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
    private string? _statusPushId;
    private string? _exportPushId;
    private string? _seatId;

    public List<PostmanResult> Results { get; } = [];

    public PostmanRunner Runner { get; } = new(sim.Http, sim.BaseAddress);

    public async Task<List<PostmanResult>> RunAsync(IReadOnlyList<PostmanRequest> requests, IReadOnlyDictionary<string, string> collectionVariables)
    {
        foreach (var (k, v) in collectionVariables)
        {
            Runner.CollectionVariables[k] = v;
        }
        Runner.Environment["partner_app_client_id"] = sim.Options.PartnerClientId;
        Runner.Environment["partner_app_client_secret"] = sim.Options.PartnerClientSecret;
        Runner.Environment["org_id"] = "1001";
        Runner.Environment["contract_id"] = "7001";
        Runner.Environment["customer_name"] = "Contoso";
        Runner.Environment["unique_foreign_id"] = "contoso-" + Guid.NewGuid().ToString("N")[..8];
        Runner.BodyPlaceholders["<https://YourCallbackURL>"] = receiver.CallbackUrl;
        Runner.FillIns = FillIn;
        foreach (var r in PostmanRunner.ReadmeOrder(requests))
        {
            await BeforeAsync(r);
            var result = await Runner.RunAsync(r);
            Results.Add(result);
            After(result);
        }
        return Results;
    }

    private string? FillIn(FillIn f) => f.Variable switch
    {
        "Enter_Request_ID_obtained_from_POST_in_CallbackURL" => f.Request.Url.Contains("/exportedCandidates?", StringComparison.Ordinal) ? _exportPushId : _statusPushId,
        "Enter_ID_Value_Present_In_Response_of_Retrieve_Recruiter_Seatholders_API" => _seatId,
        "Epoch in milliseconds" => f.QueryParameter switch
        {
            "timeRange.start" or "createdDateStart" or "cutoffDate" => (_now - (11 * 3_600_000L)).ToString(System.Globalization.CultureInfo.InvariantCulture),
            "timeRange.end" or "createdDateEnd" or "beforeDate" => (_now + 60_000).ToString(System.Globalization.CultureInfo.InvariantCulture),
            _ => null,
        },
        _ => null,
    };

    private async Task BeforeAsync(PostmanRequest r)
    {
        if (r.Auth.Type == "oauth2")
        {
            Runner.OAuth2Token = await SignInAsync(Member);
        }
        else if (r.Url.Contains("/atsIntegrations?q=request", StringComparison.Ordinal))
        {
            _statusPushId = await PushIdAsync("INTEGRATION_STATUS_CHANGE", async () =>
            {
                await PostAsync("/_sim/integrations", new JsonObject { ["clientId"] = ClientId, ["push"] = true });
                await PostAsync("/_sim/integrations", new JsonObject { ["clientId"] = ClientId, ["integrationContext"] = SimHost.Global });
            });
        }
        else if (r.Url.Contains("/exportedCandidates?q=request", StringComparison.Ordinal))
        {
            var member = (await sim.MembersAsync(count: 1))[0]!["id"]!.GetValue<string>();
            var job = Runner.Environment.GetValueOrDefault("public_externalJobPostingId") ?? Runner.CollectionVariables["public_externalJobPostingId"];
            _exportPushId = await PushIdAsync("EXPORT_CANDIDATE_PROFILE", () => PostAsync("/_sim/exports",
                new JsonObject { ["clientId"] = ClientId, ["memberId"] = member, ["externalJobPostingId"] = job, ["seat"] = "urn:li:seat:9002" }));
        }
    }

    private void After(PostmanResult result)
    {
        if (result.Request.Url.Contains("/provisionedApplications?q=credentialsByUniqueForeignId", StringComparison.Ordinal) && result.Status == 200)
        {
            var credentials = result.Json!["elements"]![0]!["credentials"]!;
            Runner.Environment["customer_app_client_id"] = credentials["clientId"]!.GetValue<string>();
            Runner.Environment["customer_app_client_secret"] = credentials["clientSecret"]!.GetValue<string>();
            receiver.Secret = Runner.Environment["customer_app_client_secret"];
        }
        else if (result.Request.Url.Contains("/seats?q=seatsByAttributes", StringComparison.Ordinal) && result.Status == 200)
        {
            var seat = result.Json!["elements"]!.AsArray().Select(e => e!["id"]!.GetValue<string>()).FirstOrDefault(id => id == "urn:li:seat:9004");
            _seatId = seat?["urn:li:seat:".Length..];
        }
    }

    private string ClientId => Runner.Environment["customer_app_client_id"];

    private async Task PostAsync(string path, JsonObject body)
    {
        var r = await sim.SendAsync(HttpMethod.Post, path, null, body);
        Assert.True(r.Status == HttpStatusCode.OK, $"{path}: {r.Body}");
    }

    /// <summary>Runs <paramref name="act"/> and returns the id of the push of <paramref name="type"/> it makes the simulator send.</summary>
    private async Task<string> PushIdAsync(string type, Func<Task> act)
    {
        var before = receiver.Pushes.Count;
        await act();
        var push = await receiver.WaitForAsync(p => receiver.Pushes.ToList().IndexOf(p) >= before && JsonNode.Parse(p.Body)!["type"]!.GetValue<string>() == type);
        Assert.True(push.SignatureValid, "the push is signed with the customer application's secret");
        return JsonNode.Parse(push.Body)!["id"]!.GetValue<string>();
    }

    /// <summary>The 3-legged flow Postman's OAuth 2.0 helper runs: sign-in, consent, code, token (authorization code with PKCE).</summary>
    private async Task<string> SignInAsync(string email)
    {
        var cookie = await sim.SignInAsync(email);
        var verifier = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var challenge = Convert.ToBase64String(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var form = new Dictionary<string, string>
        {
            ["response_type"] = "code",
            ["client_id"] = ClientId,
            ["redirect_uri"] = PostmanCallback,
            ["state"] = "postman",
            ["scope"] = "r_liteprofile",
            ["code_challenge"] = challenge,
            ["code_challenge_method"] = "S256",
            ["action"] = "allow",
        };
        var allowed = await sim.FormAsync("/oauth/v2/authorization", form, cookie);
        var location = allowed.Headers.Location?.ToString() ?? throw new InvalidOperationException("no redirect: " + allowed.Body);
        Assert.StartsWith(PostmanCallback + "?", location);
        var code = location.Split('?', '&').First(p => p.StartsWith("code=", StringComparison.Ordinal))[5..];
        var token = await sim.FormAsync("/oauth/v2/accessToken", new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code",
            ["code"] = Uri.UnescapeDataString(code),
            ["redirect_uri"] = PostmanCallback,
            ["client_id"] = ClientId,
            ["client_secret"] = Runner.Environment["customer_app_client_secret"],
            ["code_verifier"] = verifier,
        });
        return token.Json["access_token"]!.GetValue<string>();
    }
}
