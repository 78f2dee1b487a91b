using System.Net;

namespace LinkedIn.ContractTests;

public sealed class SyncContractTests : ContractTestBase
{
    /// <summary>A candidate id with Rest.li-reserved characters (and a space) that must survive query, body and path encoding.</summary>
    private const string AwkwardId = "a&b=c d";

    private LinkedInAppCredentials _child = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        (_, _child) = await Host.ProvisionAsync();
        await Host.EnableCompanyAsync(_child);
    }

    internal static SimpleJobPosting Job(string id, string operation = "CREATE", string title = "Senior Backend Engineer") => new()
    {
        IntegrationContext = ContractHost.Org,
        ExternalJobPostingId = id,
        Title = title,
        Description = "Build the hiring pipeline.",
        Location = "Seattle, WA",
        Availability = "PRIVATE_TO_ATS_INTEGRATION",
        State = "LISTED",
        ListedAt = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(),
        JobPostingOperationType = operation,
        CompanyJobCode = "CJ-" + id,
    };

    [Fact]
    public async Task SubmitJobPostingsAsync_MixedBatch_ReturnsPerElementOutcomesAndTaskStatuses()
    {
        var postings = new[]
        {
            Job("JOB-1"),
            Job("JOB-2") with { Title = "" },
            Job("JOB-UNKNOWN", operation: "UPDATE"),
        };

        var results = await JobPostings.SubmitJobPostingsAsync(_child, postings);

        Assert.Equal(["JOB-1", "JOB-2", "JOB-UNKNOWN"], results.Select(r => r.ExternalJobPostingId));
        Assert.Equal(202, results[0].Status);
        Assert.True(results[0].Succeeded);
        Assert.False(string.IsNullOrEmpty(results[0].TaskId));
        Assert.False(results[1].Succeeded);
        Assert.Equal(400, results[1].Status);
        Assert.Null(results[1].TaskId);
        Assert.NotNull(results[1].Error);
        Assert.Contains("title", results[1].Error!.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(202, results[2].Status);

        var tasks = await JobPostings.GetJobPostingTasksAsync(_child, [results[0].TaskId!, results[2].TaskId!, "task-unknown"]);

        Assert.Equal("SUCCEEDED", tasks.Found[results[0].TaskId!].Status);
        Assert.Equal("JOB-1", tasks.Found[results[0].TaskId!].ExternalJobPostingId);
        Assert.Null(tasks.Found[results[0].TaskId!].Error);
        var failedTask = tasks.Found[results[2].TaskId!];
        Assert.Equal("FAILED", failedTask.Status);
        Assert.NotNull(failedTask.Error);
        Assert.Equal("NOT_FOUND", failedTask.Error.Code);
        Assert.Contains("JOB-UNKNOWN", failedTask.Error.Message, StringComparison.Ordinal);
        var missing = Assert.Single(tasks.Failed);
        Assert.Equal("task-unknown", missing.Key);
        Assert.Equal(404, missing.Status);
    }

    [Fact]
    public async Task GetCandidatesAsync_EmailOfSeededMemberAndReservedCharacterId_ReturnsAutomaticMatchedMember()
    {
        var member = (await Host.MembersAsync(40))[25]!;
        var email = member["email"]!.GetValue<string>();
        var memberUrn = member["urn"]!.GetValue<string>();
        var matched = Candidate(AwkwardId);
        var unmatched = Candidate("urn:li:ats:42");

        var upsert = await Sync.UpsertCandidatesAsync(_child, new Dictionary<AtsCandidateKey, AtsCandidate>
        {
            [matched] = NewCandidate("Ann", "Example", email.ToUpperInvariant()) with
            {
                PhoneNumbers = [new AtsPhoneNumber { Number = "+1 206 555 0100" }],
                Addresses = [new AtsAddress { City = "Seattle", Country = "US" }],
                CurrentCompanyName = "Fabrikam",
            },
            [unmatched] = NewCandidate("Nobody", "Matches-Zzq", "nobody.matches@example.invalid"),
        });

        Assert.True(upsert.AllSucceeded, string.Join("; ", upsert.Failed.Select(f => $"{f.Key}: {f.Message}")));
        Assert.Equal(2, upsert.Succeeded.Count);
        var read = await Sync.GetCandidatesAsync(_child, [matched, unmatched, Candidate("never-synced")]);

        Assert.Equal(memberUrn, read.Found[matched].MatchedMember);
        Assert.Null(read.Found[matched].ManualMatchedMember);
        Assert.Equal("Ann", read.Found[matched].FirstName);
        Assert.Equal("Fabrikam", read.Found[matched].CurrentCompanyName);
        Assert.Equal("+1 206 555 0100", Assert.Single(read.Found[matched].PhoneNumbers).Number);
        Assert.Equal("Seattle", Assert.Single(read.Found[matched].Addresses).City);
        Assert.Null(read.Found[unmatched].MatchedMember);
        var notFound = Assert.Single(read.Failed);
        Assert.Equal(Candidate("never-synced"), notFound.Key);
        Assert.Equal(404, notFound.Status);
    }

    [Fact]
    public async Task SetManualMatchedMembersAsync_SetThenDelete_VisibleInBatchGetAndKeptByFullReplace()
    {
        var key = Candidate(AwkwardId);
        var candidate = NewCandidate("Maya", "Okafor", "maya.okafor@example.invalid");
        Assert.True((await Sync.UpsertCandidatesAsync(_child, new Dictionary<AtsCandidateKey, AtsCandidate> { [key] = candidate })).AllSucceeded);

        var set = await Sync.SetManualMatchedMembersAsync(_child, new Dictionary<AtsCandidateKey, string?> { [key] = ContractHost.RecruiterPerson });

        Assert.True(set.AllSucceeded);
        Assert.Equal(ContractHost.RecruiterPerson, (await Sync.GetCandidatesAsync(_child, [key])).Found[key].ManualMatchedMember);

        // A full-replace PUT (even of the entity read back) must not clear the manual match.
        var readBack = (await Sync.GetCandidatesAsync(_child, [key])).Found[key];
        Assert.True((await Sync.UpsertCandidatesAsync(_child, new Dictionary<AtsCandidateKey, AtsCandidate> { [key] = readBack with { LastName = "Okafor-Reyes" } })).AllSucceeded);
        var afterPut = (await Sync.GetCandidatesAsync(_child, [key])).Found[key];
        Assert.Equal("Okafor-Reyes", afterPut.LastName);
        Assert.Equal(ContractHost.RecruiterPerson, afterPut.ManualMatchedMember);

        var cleared = await Sync.SetManualMatchedMembersAsync(_child, new Dictionary<AtsCandidateKey, string?> { [key] = null });

        Assert.True(cleared.AllSucceeded);
        Assert.Null((await Sync.GetCandidatesAsync(_child, [key])).Found[key].ManualMatchedMember);
    }

    [Fact]
    public async Task SetManualMatchedMembersAsync_UnsyncedCandidate_ReportsPerKey404()
    {
        var result = await Sync.SetManualMatchedMembersAsync(_child, new Dictionary<AtsCandidateKey, string?> { [Candidate("ghost")] = ContractHost.RecruiterPerson });

        var failure = Assert.Single(result.Failed);
        Assert.Equal(Candidate("ghost"), failure.Key);
        Assert.Equal(404, failure.Status);
    }

    [Fact]
    public async Task UpsertCandidateNotesAsync_NotesWithReservedCharacterIds_SucceedAndDelete()
    {
        var key = Candidate(AwkwardId);
        Assert.True((await Sync.UpsertCandidatesAsync(_child, new Dictionary<AtsCandidateKey, AtsCandidate> { [key] = NewCandidate() })).AllSucceeded);
        var notes = new Dictionary<string, AtsNote>
        {
            ["n 1"] = new() { AtsCreatedAt = NowMs, Note = "Strong Go background.", Author = new AtsActor { FirstName = "Riley", LastName = "Recruiter" } },
            ["n&2"] = new() { AtsCreatedAt = NowMs, Note = "Prefers remote." },
        };

        var upserted = await Sync.UpsertCandidateNotesAsync(_child, key, notes);

        Assert.True(upserted.AllSucceeded, string.Join("; ", upserted.Failed.Select(f => $"{f.Key}: {f.Message}")));
        Assert.Equal(["n 1", "n&2"], upserted.Succeeded.Keys.Order(StringComparer.Ordinal));

        var deleted = await Sync.DeleteCandidateNotesAsync(_child, key, ["n 1", "n-unknown"]);

        Assert.Contains("n 1", deleted.Succeeded.Keys);
        var unknown = Assert.Single(deleted.Failed);
        Assert.Equal("n-unknown", unknown.Key);
        Assert.Equal(404, unknown.Status);
    }

    [Fact]
    public async Task UpsertCandidateNotesAsync_CandidateNeverSynced_ThrowsApiException404()
    {
        var ex = await Assert.ThrowsAsync<LinkedInApiException>(() => Sync.UpsertCandidateNotesAsync(_child, Candidate("ghost"), new Dictionary<string, AtsNote>
        {
            ["n1"] = new() { AtsCreatedAt = NowMs, Note = "x" },
        }));

        Assert.Equal(HttpStatusCode.NotFound, ex.StatusCode);
        Assert.Equal("NOT_FOUND", ex.ErrorCode);
    }

    [Fact]
    public async Task UpsertApplicationsAsync_WithStagesNotesAndInterviewFeedback_AllSucceed()
    {
        var candidate = Candidate(AwkwardId);
        var application = Application("app 1&x=y");
        Assert.True((await Sync.UpsertCandidatesAsync(_child, new Dictionary<AtsCandidateKey, AtsCandidate> { [candidate] = NewCandidate("Maya", "Okafor", "maya@example.invalid") })).AllSucceeded);
        Assert.True((await JobPostings.SubmitJobPostingsAsync(_child, [Job("JOB-1")]))[0].Succeeded);

        var apps = await Sync.UpsertApplicationsAsync(_child, new Dictionary<AtsApplicationKey, AtsApplication>
        {
            [application] = NewApplication(),
            [Application("app-invalid")] = NewApplication() with { CandidateEmail = "not-an-email" },
        });

        Assert.Equal([application], apps.Succeeded.Keys);
        Assert.Equal(Application("app-invalid"), Assert.Single(apps.Failed).Key);

        var stages = await Sync.UpsertApplicationStagesAsync(_child, application, new Dictionary<string, AtsApplicationStage>
        {
            ["s 1"] = new() { AtsCreatedAt = NowMs - 2000, Stage = "Phone screen" },
            ["s2"] = new() { AtsCreatedAt = NowMs - 1000, Stage = "Onsite" },
            ["s3"] = new() { AtsCreatedAt = NowMs, Stage = "Not Available" },
        });
        var notes = await Sync.UpsertApplicationNotesAsync(_child, application, new Dictionary<string, AtsNote>
        {
            ["an1"] = new() { AtsCreatedAt = NowMs, Note = "Great onsite.", Author = new AtsActor { FirstName = "Harper", LastName = "Manager" } },
        });
        var feedback = await Sync.UpsertInterviewFeedbackAsync(_child, application, new Dictionary<string, AtsInterviewFeedback>
        {
            ["f 1"] = new()
            {
                AtsCreatedAt = NowMs,
                Interviewer = new AtsActor { FirstName = "Harper", LastName = "Manager" },
                Evaluations = [new AtsEvaluation { Attribute = "Communication", Result = "4" }, new AtsEvaluation { Attribute = "System design", Result = "5" }],
                Feedback = "Hire.",
                InterviewType = "ONSITE",
            },
            ["f2"] = new() { AtsCreatedAt = NowMs, InterviewType = "LUNCH", Evaluations = [] },
        });

        Assert.Equal(["s 1", "s2"], stages.Succeeded.Keys.Order(StringComparer.Ordinal));
        var badStage = Assert.Single(stages.Failed);
        Assert.Equal("s3", badStage.Key);
        Assert.Equal("VALIDATION_FAILED", badStage.Code);
        Assert.True(notes.AllSucceeded);
        Assert.Equal(["f 1"], feedback.Succeeded.Keys);
        Assert.Equal("f2", Assert.Single(feedback.Failed).Key);
    }

    [Fact]
    public async Task DeleteApplicationsAsync_WithSubResources_CascadesAndDeletesCandidate()
    {
        var candidate = Candidate(AwkwardId);
        var application = Application("app-1");
        Assert.True((await Sync.UpsertCandidatesAsync(_child, new Dictionary<AtsCandidateKey, AtsCandidate> { [candidate] = NewCandidate() })).AllSucceeded);
        Assert.True((await Sync.UpsertApplicationsAsync(_child, new Dictionary<AtsApplicationKey, AtsApplication> { [application] = NewApplication() })).AllSucceeded);
        Assert.True((await Sync.UpsertApplicationStagesAsync(_child, application, new Dictionary<string, AtsApplicationStage> { ["s1"] = new() { AtsCreatedAt = NowMs, Stage = "Applied" } })).AllSucceeded);
        Assert.True((await Sync.UpsertApplicationNotesAsync(_child, application, new Dictionary<string, AtsNote> { ["n1"] = new() { AtsCreatedAt = NowMs, Note = "n" } })).AllSucceeded);
        Assert.True((await Sync.UpsertInterviewFeedbackAsync(_child, application, new Dictionary<string, AtsInterviewFeedback> { ["f1"] = new() { AtsCreatedAt = NowMs, InterviewType = "PHONE_SCREEN" } })).AllSucceeded);

        Assert.True((await Sync.DeleteApplicationStagesAsync(_child, application, ["s1"])).AllSucceeded);
        Assert.True((await Sync.DeleteApplicationNotesAsync(_child, application, ["n1"])).AllSucceeded);
        Assert.True((await Sync.DeleteInterviewFeedbackAsync(_child, application, ["f1"])).AllSucceeded);
        var appsDeleted = await Sync.DeleteApplicationsAsync(_child, [application, Application("app-unknown")]);
        var candidatesDeleted = await Sync.DeleteCandidatesAsync(_child, [candidate]);

        Assert.Equal([application], appsDeleted.Succeeded.Keys);
        Assert.Equal(404, Assert.Single(appsDeleted.Failed).Status);
        Assert.True(candidatesDeleted.AllSucceeded);
        Assert.Equal([candidate], candidatesDeleted.Succeeded.Keys);
        var gone = await Sync.GetCandidatesAsync(_child, [candidate]);
        Assert.Empty(gone.Found);
        Assert.Equal(404, Assert.Single(gone.Failed).Status);
        var ex = await Assert.ThrowsAsync<LinkedInApiException>(() => Sync.UpsertApplicationStagesAsync(_child, application, new Dictionary<string, AtsApplicationStage>
        {
            ["s2"] = new() { AtsCreatedAt = NowMs, Stage = "Offer" },
        }));
        Assert.Equal(HttpStatusCode.NotFound, ex.StatusCode);
    }

    [Fact]
    public async Task UpsertCandidatesAsync_150WithOneMissingFirstName_Reports149SucceededAnd1Failed()
    {
        var batch = Enumerable.Range(0, 150).ToDictionary(
            i => Candidate($"bulk-{i:D3}"),
            i => NewCandidate(i == 77 ? null : "First" + i, "Last" + i));

        var result = await Sync.UpsertCandidatesAsync(_child, batch);

        Assert.Equal(149, result.Succeeded.Count);
        Assert.All(result.Succeeded.Values, status => Assert.Equal(204, status));
        var failure = Assert.Single(result.Failed);
        Assert.Equal(Candidate("bulk-077"), failure.Key);
        Assert.Equal(400, failure.Status);
        Assert.Equal("VALIDATION_FAILED", failure.Code);
        Assert.Equal("firstName is required", failure.Message);

        var read = await Sync.GetCandidatesAsync(_child, batch.Keys);
        Assert.Equal(149, read.Found.Count);
        Assert.Equal(Candidate("bulk-077"), Assert.Single(read.Failed).Key);
        Assert.Equal("First149", read.Found[Candidate("bulk-149")].FirstName);
    }

    [Fact]
    public async Task FindEntityAclsAsync_AfterUpsertingAclAndAssignee_FindsBothUntilDeleted()
    {
        Assert.True((await JobPostings.SubmitJobPostingsAsync(_child, [Job("JOB-ACL")]))[0].Succeeded);
        var acl = new AtsEntityAclKey(ContractHost.Org, "acl group 1", "JOB-ACL");
        var assignee = new AtsEntityAclAssigneeKey(ContractHost.Org, "acl group 1", ContractHost.RecruiterPerson);

        Assert.True((await Acls.UpsertEntityAclsAsync(_child, [acl])).AllSucceeded);
        Assert.True((await Acls.UpsertEntityAclAssigneesAsync(_child, [assignee])).AllSucceeded);

        Assert.Equal([acl], await Acls.FindEntityAclsAsync(_child, ContractHost.Org, "JOB-ACL").ToListAsync());
        Assert.Equal([assignee], await Acls.FindEntityAclAssigneesAsync(_child, ContractHost.Org, ContractHost.RecruiterPerson).ToListAsync());

        Assert.True((await Acls.DeleteEntityAclAssigneesAsync(_child, [assignee])).AllSucceeded);
        Assert.True((await Acls.DeleteEntityAclsAsync(_child, [acl])).AllSucceeded);
        Assert.Empty(await Acls.FindEntityAclsAsync(_child, ContractHost.Org).ToListAsync());
        Assert.Empty(await Acls.FindEntityAclAssigneesAsync(_child, ContractHost.Org).ToListAsync());
    }

    private static AtsApplication NewApplication() => new()
    {
        AtsCandidateId = AwkwardId,
        AtsCreatedAt = NowMs - 60_000,
        AtsLastModifiedAt = NowMs,
        AtsJobPostingId = "JOB-1",
        AtsJobPostingName = "Senior Backend Engineer",
        CandidateEmail = "maya@example.invalid",
        FirstName = "Maya",
        LastName = "Okafor",
        Source = "LinkedIn",
    };
}
