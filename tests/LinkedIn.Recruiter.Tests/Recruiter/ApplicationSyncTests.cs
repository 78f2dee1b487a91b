using System.Net;
using LinkedIn.Recruiter.Tests.Infrastructure;
using static LinkedIn.Recruiter.Tests.SyncTestData;

namespace LinkedIn.Recruiter.Tests;

/// <summary>The application, stage, note and interview-feedback writes of the In-ATS sync client.</summary>
public class ApplicationSyncTests
{
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
}
