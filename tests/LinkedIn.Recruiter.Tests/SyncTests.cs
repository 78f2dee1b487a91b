using System.Net;
using System.Text.Json.Nodes;
using LinkedIn.Recruiter.Tests.Infrastructure;

namespace LinkedIn.Recruiter.Tests;

public class SyncTests
{
    private const string Org = "urn:li:organization:1001";
    private const string OrgEnc = "urn%3Ali%3Aorganization%3A1001";

    private static AtsCandidateKey Cand(string id) => new(Org, id);

    private static AtsCandidate Candidate(string first) => new()
    {
        AtsCreatedAt = 1764300000000,
        AtsLastModifiedAt = 1764300000001,
        FirstName = first,
        LastName = "Okafor",
        EmailAddresses = ["maya@example.com"],
        PhoneNumbers = [new AtsPhoneNumber { Number = "+1 206 555 0100" }],
        Addresses = [new AtsAddress { City = "Seattle", GeographicArea = "WA", GeographicAreaType = "STATE", Country = "US" }],
        CurrentCompanyName = "Fabrikam",
        CurrentJobTitle = "Engineer",
        LinkedInProfileUrl = "https://www.linkedin.com/in/maya",
        DoNotContact = false,
    };

    /// <summary>A batch response that echoes every body key with the given status.</summary>
    private static HttpResponseMessage EchoResults(RecordedRequest r, int status = 204)
    {
        var results = new JsonObject();
        foreach (var (key, _) in JsonNode.Parse(r.Body!)!["entities"]!.AsObject())
        {
            results[key] = new JsonObject { ["status"] = status };
        }

        return StubHttpHandler.Json(HttpStatusCode.OK, new JsonObject { ["results"] = results, ["errors"] = new JsonObject() }.ToJsonString());
    }

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

    [Fact]
    public async Task UpsertApplicationsAsync_Application_PutsApplicationKeyAndFields()
    {
        using var host = new TestHost();
        host.Stub.Enqueue(r => EchoResults(r));
        var key = new AtsApplicationKey(Org, "app-7");

        await host.Sync.UpsertApplicationsAsync(TestHost.ChildApp, new Dictionary<AtsApplicationKey, AtsApplication>
        {
            [key] = new()
            {
                AtsCandidateId = "42",
                AtsCreatedAt = 10,
                AtsLastModifiedAt = 11,
                AtsJobPostingId = "JOB-1042",
                AtsJobPostingName = "Backend Engineer",
                CandidateEmail = "maya@example.com",
                FirstName = "Maya",
                LastName = "Okafor",
                Source = "LinkedIn",
            },
        });

        var request = Assert.Single(host.Stub.ApiRequests);
        Assert.Equal("/v2/atsApplications?ids[0].atsJobApplicationId=app-7&ids[0].dataProvider=ATS&ids[0].integrationContext=" + OrgEnc, request.PathAndQuery);
        JsonAssert.Equal(
            """{"entities":{"atsJobApplicationId=app-7&dataProvider=ATS&integrationContext=urn%3Ali%3Aorganization%3A1001":{"atsCandidateId":"42","atsCreatedAt":10,"atsLastModifiedAt":11,"atsJobPostingId":"JOB-1042","atsJobPostingName":"Backend Engineer","candidateEmail":"maya@example.com","firstName":"Maya","lastName":"Okafor","source":"LinkedIn"}}}""",
            request.Body);
    }

    [Fact]
    public async Task UpsertApplicationStagesAsync_Stage_PutsUnderApplicationKeyPath()
    {
        using var host = new TestHost();
        host.Stub.Enqueue(r => EchoResults(r));

        await host.Sync.UpsertApplicationStagesAsync(TestHost.ChildApp, new AtsApplicationKey(Org, "app-7"), new Dictionary<string, AtsApplicationStage>
        {
            ["s1"] = new() { AtsCreatedAt = 12, Stage = "Phone screen" },
        });

        var request = Assert.Single(host.Stub.ApiRequests);
        Assert.Equal("/v2/atsApplications/atsJobApplicationId=app-7&dataProvider=ATS&integrationContext=" + OrgEnc + "/stages?ids=s1", request.PathAndQuery);
        JsonAssert.Equal("""{"entities":{"s1":{"atsCreatedAt":12,"stage":"Phone screen"}}}""", request.Body);
    }

    [Fact]
    public async Task UpsertApplicationNotesAsync_Note_PutsUnderApplicationNotes()
    {
        using var host = new TestHost();
        host.Stub.Enqueue(r => EchoResults(r));

        await host.Sync.UpsertApplicationNotesAsync(TestHost.ChildApp, new AtsApplicationKey(Org, "app-7"), new Dictionary<string, AtsNote> { ["n1"] = new() { AtsCreatedAt = 1, Note = "ok" } });

        Assert.Equal("/v2/atsApplications/atsJobApplicationId=app-7&dataProvider=ATS&integrationContext=" + OrgEnc + "/notes?ids=n1", Assert.Single(host.Stub.ApiRequests).PathAndQuery);
    }

    [Fact]
    public async Task UpsertInterviewFeedbackAsync_Feedback_PutsEvaluationsAndInterviewer()
    {
        using var host = new TestHost();
        host.Stub.Enqueue(r => EchoResults(r));

        await host.Sync.UpsertInterviewFeedbackAsync(TestHost.ChildApp, new AtsApplicationKey(Org, "app-7"), new Dictionary<string, AtsInterviewFeedback>
        {
            ["f1"] = new()
            {
                AtsCreatedAt = 13,
                Interviewer = new AtsActor { FirstName = "Iris", LastName = "Interviewer" },
                Evaluations = [new AtsEvaluation { Attribute = "Communication", Result = "4" }],
                Feedback = "Clear",
                InterviewType = "PHONE_SCREEN",
            },
        });

        var request = Assert.Single(host.Stub.ApiRequests);
        Assert.Equal(HttpMethod.Put, request.Method);
        Assert.Equal("/v2/atsApplications/atsJobApplicationId=app-7&dataProvider=ATS&integrationContext=" + OrgEnc + "/interviewFeedback?ids=f1", request.PathAndQuery);
        Assert.Equal("batch_update", request.Header("X-RestLi-Method"));
        JsonAssert.Equal(
            """{"entities":{"f1":{"atsCreatedAt":13,"interviewer":{"firstName":"Iris","lastName":"Interviewer"},"evaluations":[{"attribute":"Communication","result":"4"}],"feedback":"Clear","interviewType":"PHONE_SCREEN"}}}""",
            request.Body);
    }

    [Fact]
    public async Task DeleteApplicationsAsync_Key_SendsBatchDelete()
    {
        using var host = new TestHost();
        host.Stub.Enqueue(_ => new HttpResponseMessage(HttpStatusCode.NoContent));

        var result = await host.Sync.DeleteApplicationsAsync(TestHost.ChildApp, [new AtsApplicationKey(Org, "app-7")]);

        var request = Assert.Single(host.Stub.ApiRequests);
        Assert.Equal(HttpMethod.Delete, request.Method);
        Assert.Equal("/v2/atsApplications?ids[0].atsJobApplicationId=app-7&ids[0].dataProvider=ATS&ids[0].integrationContext=" + OrgEnc, request.PathAndQuery);
        Assert.True(result.AllSucceeded);
    }

    [Fact]
    public async Task UpsertEntityAclsAsync_Acl_PutsFiveFieldKeyWithEmptyEntity()
    {
        using var host = new TestHost();
        host.Stub.Enqueue(r => EchoResults(r));

        await host.Acls.UpsertEntityAclsAsync(TestHost.ChildApp, [new AtsEntityAclKey(Org, "team-1", "JOB-1042")]);

        var request = Assert.Single(host.Stub.ApiRequests);
        Assert.Equal(
            "/v2/atsEntityAcls?ids[0].atsEntityAclId=team-1&ids[0].dataProvider=ATS&ids[0].integrationContext=" + OrgEnc + "&ids[0].atsEntityId=JOB-1042&ids[0].atsEntityType=JOB_POSTING",
            request.PathAndQuery);
        JsonAssert.Equal("""{"entities":{"atsEntityAclId=team-1&dataProvider=ATS&integrationContext=urn%3Ali%3Aorganization%3A1001&atsEntityId=JOB-1042&atsEntityType=JOB_POSTING":{}}}""", request.Body);
    }

    [Fact]
    public async Task UpsertEntityAclAssigneesAsync_Assignee_EncodesPersonUrn()
    {
        using var host = new TestHost();
        host.Stub.Enqueue(r => EchoResults(r));

        await host.Acls.UpsertEntityAclAssigneesAsync(TestHost.ChildApp, [new AtsEntityAclAssigneeKey(Org, "team-1", "urn:li:person:aB3xYz")]);

        var request = Assert.Single(host.Stub.ApiRequests);
        Assert.Equal(HttpMethod.Put, request.Method);
        Assert.Equal(
            "/v2/atsEntityAclAssignees?ids[0].atsEntityAclId=team-1&ids[0].integrationContext=" + OrgEnc + "&ids[0].dataProvider=ATS&ids[0].assignee=urn%3Ali%3Aperson%3AaB3xYz&ids[0].atsEntityType=JOB_POSTING",
            request.PathAndQuery);
    }

    [Fact]
    public async Task DeleteEntityAclAssigneesAsync_Assignee_SendsDelete()
    {
        using var host = new TestHost();
        host.Stub.Enqueue(_ => new HttpResponseMessage(HttpStatusCode.NoContent));

        await host.Acls.DeleteEntityAclAssigneesAsync(TestHost.ChildApp, [new AtsEntityAclAssigneeKey(Org, "team-1", "urn:li:person:x")]);

        Assert.Equal(HttpMethod.Delete, Assert.Single(host.Stub.ApiRequests).Method);
    }

    [Fact]
    public async Task FindEntityAclsAsync_JobPosting_CallsCriteriaFinderAndReturnsKeys()
    {
        using var host = new TestHost();
        host.Stub.Enqueue(HttpStatusCode.OK, """{"elements":[{"atsEntityAclId":"team-1","dataProvider":"ATS","integrationContext":"urn:li:organization:1001","atsEntityId":"JOB-1042","atsEntityType":"JOB_POSTING"}],"paging":{"start":0,"count":50,"total":1}}""");

        var keys = await host.Acls.FindEntityAclsAsync(TestHost.ChildApp, Org, "JOB-1042").ToListAsync();

        Assert.Equal(
            "/v2/atsEntityAcls?q=criteria&atsEntityId=JOB-1042&atsEntityType=JOB_POSTING&dataProvider=ATS&integrationContext=" + OrgEnc + "&start=0&count=50",
            Assert.Single(host.Stub.ApiRequests).PathAndQuery);
        Assert.Equal(new AtsEntityAclKey(Org, "team-1", "JOB-1042"), Assert.Single(keys));
    }

    [Fact]
    public async Task FindEntityAclAssigneesAsync_Assignee_CallsCriteriaFinderAndReturnsKeys()
    {
        using var host = new TestHost();
        host.Stub.Enqueue(HttpStatusCode.OK, """{"elements":[{"atsEntityAclId":"team-1","dataProvider":"ATS","integrationContext":"urn:li:organization:1001","assignee":"urn:li:person:p","atsEntityType":"JOB_POSTING"}],"paging":{"start":0,"count":50,"total":1}}""");

        var keys = await host.Acls.FindEntityAclAssigneesAsync(TestHost.ChildApp, Org, "urn:li:person:p").ToListAsync();

        Assert.Equal(
            "/v2/atsEntityAclAssignees?q=criteria&assignee=urn%3Ali%3Aperson%3Ap&dataProvider=ATS&integrationContext=" + OrgEnc + "&start=0&count=50",
            Assert.Single(host.Stub.ApiRequests).PathAndQuery);
        Assert.Equal(new AtsEntityAclAssigneeKey(Org, "team-1", "urn:li:person:p"), Assert.Single(keys));
    }

    [Fact]
    public async Task SubmitJobPostingsAsync_TwoPostings_PostsBatchCreateAndMapsResultsInOrder()
    {
        using var host = new TestHost();
        host.Stub.Enqueue(HttpStatusCode.OK, """{"elements":[{"status":202,"id":"task-1"},{"status":400,"error":{"status":400,"code":"VALIDATION_FAILED","message":"title too long"}}]}""");
        SimpleJobPosting Job(string id) => new()
        {
            IntegrationContext = Org,
            ExternalJobPostingId = id,
            Title = "Backend Engineer",
            Description = "Build things",
            Location = "Seattle, WA",
            Availability = "PUBLIC",
            State = "LISTED",
            ListedAt = 1764300000000,
            JobPostingOperationType = "CREATE",
        };

        var results = await host.JobPostings.SubmitJobPostingsAsync(TestHost.ChildApp, [Job("JOB-1"), Job("JOB-2") with { CompanyApplyUrl = "https://ats.example/jobs/2", CompanyJobCode = "J2" }]);

        var request = Assert.Single(host.Stub.ApiRequests);
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal("/v2/simpleJobPostings", request.PathAndQuery);
        Assert.Equal("batch_create", request.Header("X-RestLi-Method"));
        JsonAssert.Equal(
            """
            {"elements":[
              {"integrationContext":"urn:li:organization:1001","externalJobPostingId":"JOB-1","title":"Backend Engineer","description":"Build things","location":"Seattle, WA","availability":"PUBLIC","state":"LISTED","listedAt":1764300000000,"jobPostingOperationType":"CREATE"},
              {"integrationContext":"urn:li:organization:1001","externalJobPostingId":"JOB-2","title":"Backend Engineer","description":"Build things","location":"Seattle, WA","availability":"PUBLIC","state":"LISTED","companyApplyUrl":"https://ats.example/jobs/2","listedAt":1764300000000,"jobPostingOperationType":"CREATE","companyJobCode":"J2"}]}
            """,
            request.Body);
        Assert.Equal(new JobPostingCreateResult { ExternalJobPostingId = "JOB-1", Status = 202, TaskId = "task-1" }, results[0]);
        Assert.False(results[1].Succeeded);
        Assert.Equal("VALIDATION_FAILED", results[1].Error!.Code);
    }

    [Fact]
    public async Task SubmitJobPostingsAsync_150Postings_TwoRequests()
    {
        using var host = new TestHost();
        host.Stub.Fallback = r => StubHttpHandler.Json(HttpStatusCode.OK, new JsonObject
        {
            ["elements"] = new JsonArray([.. JsonNode.Parse(r.Body!)!["elements"]!.AsArray().Select((_, i) => (JsonNode)new JsonObject { ["status"] = 202, ["id"] = "t" + i })]),
        }.ToJsonString());

        var results = await host.JobPostings.SubmitJobPostingsAsync(TestHost.ChildApp, Enumerable.Range(0, 150).Select(i => new SimpleJobPosting { ExternalJobPostingId = "J" + i, IntegrationContext = Org }));

        Assert.Equal([100, 50], host.Stub.ApiRequests.Select(r => JsonNode.Parse(r.Body!)!["elements"]!.AsArray().Count));
        Assert.Equal(150, results.Count);
        Assert.Equal("J149", results[149].ExternalJobPostingId);
        Assert.All(results, r => Assert.True(r.Succeeded));
    }

    [Fact]
    public async Task GetJobPostingTasksAsync_TwoIds_UsesSimpleIdsAndParsesTasks()
    {
        using var host = new TestHost();
        host.Stub.Enqueue(HttpStatusCode.OK, """{"results":{"t1":{"id":"t1","externalJobPostingId":"JOB-1","status":"SUCCEEDED","error":null}},"errors":{"t2":{"status":404,"code":"NOT_FOUND","message":"expired"}}}""");

        var result = await host.JobPostings.GetJobPostingTasksAsync(TestHost.ChildApp, ["t1", "t2"]);

        Assert.Equal("/v2/simpleJobPostingTasks?ids=t1&ids=t2", Assert.Single(host.Stub.ApiRequests).PathAndQuery);
        Assert.Equal("SUCCEEDED", result.Found["t1"].Status);
        Assert.Equal("t2", Assert.Single(result.Failed).Key);
    }
}
