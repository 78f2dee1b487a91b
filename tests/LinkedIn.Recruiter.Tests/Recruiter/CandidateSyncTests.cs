using System.Net;
using System.Text.Json.Nodes;
using LinkedIn.Recruiter.Tests.Infrastructure;
using static LinkedIn.Recruiter.Tests.SyncTestData;

namespace LinkedIn.Recruiter.Tests;

/// <summary>The candidate and candidate-note writes of the In-ATS sync client (keys, batching, per-key outcomes).</summary>
public class CandidateSyncTests
{
    [Fact]
    public async Task UpsertCandidatesAsync_OneCandidate_PutsExactUrlHeadersAndBody()
    {
        using var host = new TestHost();
        host.Stub.Enqueue(r => EchoResults(r));

        var result = await host.Sync.UpsertCandidatesAsync(TestHost.ChildApp, new Dictionary<AtsCandidateKey, AtsCandidate> { [Cand("42")] = Candidate("Maya") });

        var request = Assert.Single(host.Stub.ApiRequests);
        Assert.Equal(HttpMethod.Put, request.Method);
        Assert.Equal("https://api.test/v2/atsCandidates?ids[0].atsCandidateId=42&ids[0].dataProvider=ATS&ids[0].integrationContext=" + OrgEnc, request.Uri.AbsoluteUri);
        Assert.Equal("batch_update", request.Header("X-RestLi-Method"));
        Assert.Equal("2.0.0", request.Header("X-RestLi-Protocol-Version"));
        Assert.Equal("Bearer tok-1", request.Header("Authorization"));
        Assert.Equal("application/json", request.ContentType);
        JsonAssert.Equal(
            """
            {"entities":{"atsCandidateId=42&dataProvider=ATS&integrationContext=urn%3Ali%3Aorganization%3A1001":{
              "addresses":[{"city":"Seattle","geographicArea":"WA","geographicAreaType":"STATE","country":"US"}],
              "atsCreatedAt":1764300000000,"atsLastModifiedAt":1764300000001,"firstName":"Maya","lastName":"Okafor",
              "emailAddresses":["maya@example.com"],"phoneNumbers":[{"number":"+1 206 555 0100"}],
              "currentCompanyName":"Fabrikam","currentJobTitle":"Engineer","linkedInProfileUrl":"https://www.linkedin.com/in/maya","doNotContact":false}}}
            """,
            request.Body);
        Assert.Equal(204, result.Succeeded[Cand("42")]);
        Assert.True(result.AllSucceeded);
    }

    [Fact]
    public async Task UpsertCandidatesAsync_EmptyAddressesAndPhones_SendsEmptyArrays()
    {
        using var host = new TestHost();
        host.Stub.Enqueue(r => EchoResults(r));

        await host.Sync.UpsertCandidatesAsync(TestHost.ChildApp, new Dictionary<AtsCandidateKey, AtsCandidate> { [Cand("1")] = new() { AtsCreatedAt = 5, FirstName = "A" } });

        JsonAssert.Equal(
            """{"entities":{"atsCandidateId=1&dataProvider=ATS&integrationContext=urn%3Ali%3Aorganization%3A1001":{"addresses":[],"atsCreatedAt":5,"firstName":"A","emailAddresses":[],"phoneNumbers":[]}}}""",
            Assert.Single(host.Stub.ApiRequests).Body);
    }

    [Fact]
    public async Task UpsertCandidatesAsync_IdWithReservedCharacters_EncodesInQueryAndBody()
    {
        using var host = new TestHost();
        host.Stub.Enqueue(r => EchoResults(r));
        var key = Cand("a&b=c d/é");

        var result = await host.Sync.UpsertCandidatesAsync(TestHost.ChildApp, new Dictionary<AtsCandidateKey, AtsCandidate> { [key] = Candidate("X") });

        var request = Assert.Single(host.Stub.ApiRequests);
        Assert.Equal("/v2/atsCandidates?ids[0].atsCandidateId=a%26b%3Dc%20d%2F%C3%A9&ids[0].dataProvider=ATS&ids[0].integrationContext=" + OrgEnc, request.PathAndQuery);
        var bodyKey = Assert.Single(JsonNode.Parse(request.Body!)!["entities"]!.AsObject()).Key;
        Assert.Equal("atsCandidateId=a%26b%3Dc%20d%2F%C3%A9&dataProvider=ATS&integrationContext=" + OrgEnc, bodyKey);
        Assert.Equal(204, result.Succeeded[key]);
    }

    [Fact]
    public async Task UpsertCandidatesAsync_OneBadRecord_NeighboursSucceedAndFailureIsReported()
    {
        using var host = new TestHost();
        host.Stub.Enqueue(HttpStatusCode.OK, """
            {"results":{"dataProvider=ATS&integrationContext=urn%3Ali%3Aorganization%3A1001&atsCandidateId=1":{"status":204},
                        "atsCandidateId=3&dataProvider=ATS&integrationContext=urn%3Ali%3Aorganization%3A1001":{"status":201}},
             "errors":{"atsCandidateId=2&dataProvider=ATS&integrationContext=urn%3Ali%3Aorganization%3A1001":
                        {"status":400,"serviceErrorCode":100,"code":"VALIDATION_FAILED","message":"firstName is required"}}}
            """);

        var result = await host.Sync.UpsertCandidatesAsync(TestHost.ChildApp, new Dictionary<AtsCandidateKey, AtsCandidate>
        {
            [Cand("1")] = Candidate("A"),
            [Cand("2")] = Candidate("B"),
            [Cand("3")] = Candidate("C"),
        });

        Assert.Equal(new Dictionary<AtsCandidateKey, int> { [Cand("1")] = 204, [Cand("3")] = 201 }, result.Succeeded);
        Assert.Equal(new BatchFailure<AtsCandidateKey>(Cand("2"), 400, "VALIDATION_FAILED", "firstName is required", 100), Assert.Single(result.Failed));
    }

    [Fact]
    public async Task UpsertCandidatesAsync_ResponseKeysInRestLi2Notation_Matched()
    {
        using var host = new TestHost();
        host.Stub.Enqueue(HttpStatusCode.OK, """
            {"results":{"(atsCandidateId:1,dataProvider:ATS,integrationContext:urn%3Ali%3Aorganization%3A1001)":{"status":204}},
             "errors":{"(atsCandidateId:2,dataProvider:ATS,integrationContext:urn%3Ali%3Aorganization%3A1001)":{"status":422,"code":"VALIDATION_FAILED","message":"bad"}}}
            """);

        var result = await host.Sync.UpsertCandidatesAsync(TestHost.ChildApp, new Dictionary<AtsCandidateKey, AtsCandidate>
        {
            [Cand("1")] = Candidate("A"),
            [Cand("2")] = Candidate("B"),
        });

        Assert.Equal(204, result.Succeeded[Cand("1")]);
        Assert.Equal(Cand("2"), Assert.Single(result.Failed).Key);
    }

    [Fact]
    public async Task UpsertCandidatesAsync_EntityFromBatchGet_NeverSendsMatchFields()
    {
        using var host = new TestHost();
        host.Stub.Enqueue(r => EchoResults(r));

        await host.Sync.UpsertCandidatesAsync(TestHost.ChildApp, new Dictionary<AtsCandidateKey, AtsCandidate>
        {
            [Cand("1")] = new() { AtsCreatedAt = 1, FirstName = "A", MatchedMember = "urn:li:person:m", ManualMatchedMember = "urn:li:person:n" },
        });

        var body = Assert.Single(host.Stub.ApiRequests).Body!;
        Assert.DoesNotContain("atchedMember", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UpsertCandidatesAsync_KeyMissingFromResponse_ReportedAsFailed()
    {
        using var host = new TestHost();
        host.Stub.Enqueue(HttpStatusCode.OK, """{"results":{"atsCandidateId=1&dataProvider=ATS&integrationContext=urn%3Ali%3Aorganization%3A1001":{"status":204}},"errors":{}}""");

        var result = await host.Sync.UpsertCandidatesAsync(TestHost.ChildApp, new Dictionary<AtsCandidateKey, AtsCandidate>
        {
            [Cand("1")] = Candidate("A"),
            [Cand("2")] = Candidate("B"),
        });

        Assert.Equal("MISSING_RESULT", Assert.Single(result.Failed).Code);
    }

    [Fact]
    public async Task UpsertCandidatesAsync_250Candidates_ThreeSequentialRequestsOf100_100_50()
    {
        using var host = new TestHost(o => o.MaxRequestUrlLength = 0);
        host.Stub.Fallback = r => EchoResults(r);
        var input = Enumerable.Range(0, 250).ToDictionary(i => Cand(i.ToString(System.Globalization.CultureInfo.InvariantCulture)), i => Candidate("N" + i));

        var result = await host.Sync.UpsertCandidatesAsync(TestHost.ChildApp, input);

        var requests = host.Stub.ApiRequests;
        Assert.Equal([100, 100, 50], requests.Select(r => JsonNode.Parse(r.Body!)!["entities"]!.AsObject().Count));
        Assert.Contains("ids[99].atsCandidateId=99&", requests[0].PathAndQuery, StringComparison.Ordinal);
        Assert.DoesNotContain("ids[100]", requests[0].PathAndQuery, StringComparison.Ordinal);
        Assert.StartsWith("/v2/atsCandidates?ids[0].atsCandidateId=100&", requests[1].PathAndQuery, StringComparison.Ordinal);
        Assert.StartsWith("/v2/atsCandidates?ids[0].atsCandidateId=200&", requests[2].PathAndQuery, StringComparison.Ordinal);
        Assert.Equal(250, result.Succeeded.Count);
        Assert.Single(host.Stub.TokenRequests);
    }

    [Fact]
    public async Task UpsertCandidatesAsync_100LongKeys_SplitsSoEveryUrlStaysWithinLimit()
    {
        using var host = new TestHost(o => o.MaxRequestUrlLength = 4_000);
        host.Stub.Fallback = r => EchoResults(r);
        var input = Enumerable.Range(0, 100).ToDictionary(i => Cand("candidate-" + i.ToString("D6", System.Globalization.CultureInfo.InvariantCulture)), i => Candidate("N"));

        var result = await host.Sync.UpsertCandidatesAsync(TestHost.ChildApp, input);

        var requests = host.Stub.ApiRequests;
        Assert.True(requests.Count > 1);
        Assert.All(requests, r => Assert.True(r.PathAndQuery.Length - 1 <= 4_000, $"URL of {r.PathAndQuery.Length} chars"));
        Assert.All(requests, r => Assert.StartsWith("/v2/atsCandidates?ids[0].atsCandidateId=candidate-", r.PathAndQuery, StringComparison.Ordinal));
        Assert.Equal(100, requests.Sum(r => JsonNode.Parse(r.Body!)!["entities"]!.AsObject().Count));
        Assert.Equal(100, result.Succeeded.Count);
    }

    [Fact]
    public async Task UpsertCandidatesAsync_DefaultUrlLimit_KeepsRequestLineUnderEightKilobytes()
    {
        using var host = new TestHost();
        host.Stub.Fallback = r => EchoResults(r);
        var input = Enumerable.Range(0, 100).ToDictionary(i => Cand("c" + i), i => Candidate("N"));

        await host.Sync.UpsertCandidatesAsync(TestHost.ChildApp, input);

        Assert.All(host.Stub.ApiRequests, r => Assert.True(("PUT " + r.PathAndQuery + " HTTP/1.1").Length < 8_192));
    }

    [Fact]
    public async Task UpsertCandidatesAsync_DuplicateKey_ThrowsBeforeSending()
    {
        using var host = new TestHost();

        await Assert.ThrowsAsync<ArgumentException>(() => host.Sync.UpsertCandidatesAsync(TestHost.ChildApp, [new(Cand("1"), Candidate("A")), new(Cand("1"), Candidate("B"))]));

        Assert.Empty(host.Stub.Requests);
    }

    [Fact]
    public async Task GetCandidatesAsync_Matches_ReturnsMatchedAndManualMembers()
    {
        using var host = new TestHost();
        host.Stub.Enqueue(HttpStatusCode.OK, """
            {"results":{"atsCandidateId=1&dataProvider=ATS&integrationContext=urn%3Ali%3Aorganization%3A1001":
                 {"atsCreatedAt":1,"firstName":"A","addresses":[],"phoneNumbers":[],"matchedMember":"urn:li:person:aB3xYz","manualMatchedMember":null}},
             "statuses":{"atsCandidateId=1&dataProvider=ATS&integrationContext=urn%3Ali%3Aorganization%3A1001":200,
                         "atsCandidateId=2&dataProvider=ATS&integrationContext=urn%3Ali%3Aorganization%3A1001":404},
             "errors":{}}
            """);

        var result = await host.Sync.GetCandidatesAsync(TestHost.ChildApp, [Cand("1"), Cand("2")]);

        var request = Assert.Single(host.Stub.ApiRequests);
        Assert.Equal(HttpMethod.Get, request.Method);
        Assert.Equal(
            "/v2/atsCandidates?ids[0].atsCandidateId=1&ids[0].dataProvider=ATS&ids[0].integrationContext=" + OrgEnc +
            "&ids[1].atsCandidateId=2&ids[1].dataProvider=ATS&ids[1].integrationContext=" + OrgEnc,
            request.PathAndQuery);
        Assert.Null(request.Body);
        Assert.Equal("urn:li:person:aB3xYz", result.Found[Cand("1")].MatchedMember);
        Assert.Null(result.Found[Cand("1")].ManualMatchedMember);
        Assert.Equal(new BatchFailure<AtsCandidateKey>(Cand("2"), 404, null, null), Assert.Single(result.Failed));
    }

    [Fact]
    public async Task SetManualMatchedMembersAsync_SetAndClear_PostsSetAndDeletePatches()
    {
        using var host = new TestHost();
        host.Stub.Enqueue(r => EchoResults(r));

        var result = await host.Sync.SetManualMatchedMembersAsync(TestHost.ChildApp, new Dictionary<AtsCandidateKey, string?>
        {
            [Cand("1")] = "urn:li:person:aB3xYz",
            [Cand("2")] = null,
        });

        var request = Assert.Single(host.Stub.ApiRequests);
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal("batch_partial_update", request.Header("X-RestLi-Method"));
        JsonAssert.Equal(
            """
            {"entities":{
              "atsCandidateId=1&dataProvider=ATS&integrationContext=urn%3Ali%3Aorganization%3A1001":{"patch":{"$set":{"manualMatchedMember":"urn:li:person:aB3xYz"}}},
              "atsCandidateId=2&dataProvider=ATS&integrationContext=urn%3Ali%3Aorganization%3A1001":{"patch":{"$delete":["manualMatchedMember"]}}}}
            """,
            request.Body);
        Assert.True(result.AllSucceeded);
    }

    [Fact]
    public async Task DeleteCandidatesAsync_TwoKeys_SendsBatchDeleteWithoutBody()
    {
        using var host = new TestHost();
        host.Stub.Enqueue(HttpStatusCode.OK, """{"results":{"atsCandidateId=1&dataProvider=ATS&integrationContext=urn%3Ali%3Aorganization%3A1001":{"status":204},"atsCandidateId=2&dataProvider=ATS&integrationContext=urn%3Ali%3Aorganization%3A1001":{"status":204}},"errors":{}}""");

        var result = await host.Sync.DeleteCandidatesAsync(TestHost.ChildApp, [Cand("1"), Cand("2")]);

        var request = Assert.Single(host.Stub.ApiRequests);
        Assert.Equal(HttpMethod.Delete, request.Method);
        Assert.Equal("batch_delete", request.Header("X-RestLi-Method"));
        Assert.Null(request.Body);
        Assert.Equal(2, result.Succeeded.Count);
    }

    [Fact]
    public async Task UpsertCandidateNotesAsync_Notes_PutsUnderCandidateKeyPath()
    {
        using var host = new TestHost();
        host.Stub.Enqueue(r => EchoResults(r));

        var result = await host.Sync.UpsertCandidateNotesAsync(TestHost.ChildApp, Cand("42"), new Dictionary<string, AtsNote>
        {
            ["n1"] = new() { AtsCreatedAt = 1764300000000, Note = "Strong C#", Author = new AtsActor { FirstName = "Avery", LastName = "Admin" } },
            ["n 2"] = new() { AtsCreatedAt = 1764300000001, Note = "Follow up" },
        });

        var request = Assert.Single(host.Stub.ApiRequests);
        Assert.Equal(HttpMethod.Put, request.Method);
        Assert.Equal("/v2/atsCandidates/atsCandidateId=42&dataProvider=ATS&integrationContext=" + OrgEnc + "/notes?ids=n1&ids=n%202", request.PathAndQuery);
        Assert.Equal("batch_update", request.Header("X-RestLi-Method"));
        JsonAssert.Equal(
            """{"entities":{"n1":{"atsCreatedAt":1764300000000,"note":"Strong C#","author":{"firstName":"Avery","lastName":"Admin"}},"n 2":{"atsCreatedAt":1764300000001,"note":"Follow up"}}}""",
            request.Body);
        Assert.Equal(["n1", "n 2"], result.Succeeded.Keys.Order(StringComparer.Ordinal).Reverse());
    }

    [Fact]
    public async Task DeleteCandidateNotesAsync_EncodedResponseKey_MatchesNoteId()
    {
        using var host = new TestHost();
        host.Stub.Enqueue(HttpStatusCode.OK, """{"results":{"n%202":{"status":204}},"errors":{}}""");

        var result = await host.Sync.DeleteCandidateNotesAsync(TestHost.ChildApp, Cand("42"), ["n 2"]);

        var request = Assert.Single(host.Stub.ApiRequests);
        Assert.Equal(HttpMethod.Delete, request.Method);
        Assert.Equal("/v2/atsCandidates/atsCandidateId=42&dataProvider=ATS&integrationContext=" + OrgEnc + "/notes?ids=n%202", request.PathAndQuery);
        Assert.Equal(204, result.Succeeded["n 2"]);
    }
}
