using System.Net;
using System.Text.Json.Nodes;
using LinkedIn.Recruiter.Tests.Infrastructure;
using static LinkedIn.Recruiter.Tests.SyncTestData;

namespace LinkedIn.Recruiter.Tests;

/// <summary>The job-posting submissions and task reads of the job-postings client.</summary>
public class JobPostingSyncTests
{
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
