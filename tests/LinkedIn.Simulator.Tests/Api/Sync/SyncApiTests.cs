using System.Net;
using System.Text.Json.Nodes;

namespace LinkedIn.Simulator.Tests;

public sealed class SyncApiTests : IAsyncLifetime
{
    private SimHost _sim = null!;

    public async Task InitializeAsync() => _sim = await SimHost.StartAsync();

    public async Task DisposeAsync() => await _sim.DisposeAsync();

    private static JsonObject Entities(params (string Key, JsonNode Value)[] e)
    {
        var o = new JsonObject();
        foreach (var (k, v) in e)
        {
            o[k] = v;
        }
        return new JsonObject { ["entities"] = o };
    }

    private Task<SimHost.Resp> PutCandidates(SimHost.Child c, params (string Id, JsonObject Body)[] cands) =>
        _sim.SendAsync(HttpMethod.Put, "/v2/atsCandidates?" + SimHost.CandIds(cands.Select(x => x.Id).ToArray()), c.Token,
            Entities(cands.Select(x => (SimHost.CandKey(x.Id), (JsonNode)x.Body)).ToArray()), "batch_update");

    private Task<SimHost.Resp> PutApplication(SimHost.Child c, string id, string candidateId, string job = "JOB-1") =>
        _sim.SendAsync(HttpMethod.Put, "/v2/atsApplications?" + SimHost.AppIds(id), c.Token, Entities((SimHost.AppKey(id), new JsonObject
        {
            ["atsCandidateId"] = candidateId,
            ["atsCreatedAt"] = SimHost.Now - 5000,
            ["atsLastModifiedAt"] = SimHost.Now,
            ["atsJobPostingId"] = job,
            ["atsJobPostingName"] = "Senior Backend Engineer",
            ["candidateEmail"] = "maya@example.com",
            ["firstName"] = "Maya",
            ["lastName"] = "Okafor",
            ["source"] = "LinkedIn",
        })), "batch_update");

    [Fact]
    public async Task SimpleJobPostings_BatchCreate_ReturnsTaskIdsAndTasksSucceed()
    {
        var c = await _sim.EnabledChildAsync();
        var long201 = new string('x', 201);
        var r = await _sim.SendAsync(HttpMethod.Post, "/v2/simpleJobPostings", c.Token, new JsonObject
        {
            ["elements"] = new JsonArray(SimHost.Job("JOB-1", code: "BE-42"), SimHost.Job("JOB-2", title: long201), SimHost.Job("JOB-404", op: "UPDATE")),
        }, "batch_create");
        Assert.Equal(HttpStatusCode.OK, r.Status);
        var els = r.Json["elements"]!.AsArray();
        Assert.Equal(202, els[0]!["status"]!.GetValue<int>());
        Assert.Equal(400, els[1]!["status"]!.GetValue<int>());
        Assert.Contains("title", els[1]!["error"]!["message"]!.GetValue<string>());
        var t1 = els[0]!["id"]!.GetValue<string>();
        var t3 = els[2]!["id"]!.GetValue<string>();
        var tasks = await _sim.GetAsync($"/v2/simpleJobPostingTasks?ids={t1}&ids={t3}&ids=nope", c.Token);
        Assert.Equal("SUCCEEDED", tasks.Json["results"]![t1]!["status"]!.GetValue<string>());
        Assert.Equal("JOB-1", tasks.Json["results"]![t1]!["externalJobPostingId"]!.GetValue<string>());
        Assert.Equal("FAILED", tasks.Json["results"]![t3]!["status"]!.GetValue<string>());
        Assert.Equal(404, tasks.Json["errors"]!["nope"]!["status"]!.GetValue<int>());
    }

    [Fact]
    public async Task SimpleJobPostingTasks_WithProcessingTime_AreInProgressUntilItHasPassed()
    {
        var c = await _sim.EnabledChildAsync();
        await _sim.SendAsync(HttpMethod.Post, "/_sim/settings", null, new JsonObject { ["jobTaskProcessingMs"] = 300_000 });
        var r = await _sim.SendAsync(HttpMethod.Post, "/v2/simpleJobPostings", c.Token, new JsonObject
        {
            ["elements"] = new JsonArray(SimHost.Job("JOB-7"), SimHost.Job("JOB-405", op: "UPDATE")),
        }, "batch_create");
        var (ok, failed) = (r.Json["elements"]![0]!["id"]!.GetValue<string>(), r.Json["elements"]![1]!["id"]!.GetValue<string>());

        var during = await _sim.GetAsync($"/v2/simpleJobPostingTasks?ids={ok}&ids={failed}", c.Token);
        await _sim.SendAsync(HttpMethod.Post, "/_sim/clock", null, new JsonObject { ["advanceSeconds"] = 301 });
        var after = await _sim.GetAsync($"/v2/simpleJobPostingTasks?ids={ok}&ids={failed}", c.Token);

        Assert.Equal("IN_PROGRESS", during.Json["results"]![ok]!["status"]!.GetValue<string>());
        Assert.Equal("IN_PROGRESS", during.Json["results"]![failed]!["status"]!.GetValue<string>());
        Assert.Null(during.Json["results"]![failed]!["error"]);
        Assert.Equal("SUCCEEDED", after.Json["results"]![ok]!["status"]!.GetValue<string>());
        Assert.Equal("FAILED", after.Json["results"]![failed]!["status"]!.GetValue<string>());
        Assert.NotNull(after.Json["results"]![failed]!["error"]);
    }

    [Fact]
    public async Task SimpleJobPostings_NotEnabled_Returns403RestLiError()
    {
        var c = await _sim.ProvisionAsync();
        var r = await _sim.SendAsync(HttpMethod.Post, "/v2/simpleJobPostings", c.Token, new JsonObject { ["elements"] = new JsonArray(SimHost.Job("J")) }, "batch_create");
        Assert.Equal(HttpStatusCode.Forbidden, r.Status);
        Assert.Equal(403, r.Json["status"]!.GetValue<int>());
        Assert.Equal("ACCESS_DENIED", r.Json["code"]!.GetValue<string>());
        Assert.Equal(100, r.Json["serviceErrorCode"]!.GetValue<int>());
    }

    [Fact]
    public async Task AtsCandidates_BatchUpdateThenBatchGet_ReturnsEntityWithMatchedMember()
    {
        var c = await _sim.EnabledChildAsync();
        var m = (await _sim.MembersAsync(count: 30))[20]!;
        var body = SimHost.Candidate(m["firstName"]!.GetValue<string>(), m["lastName"]!.GetValue<string>(), m["email"]!.GetValue<string>().ToUpperInvariant());
        var put = await PutCandidates(c, ("cand-1", body), ("cand-2", SimHost.Candidate("Nobody", "Known", "nobody@nowhere.test")));
        Assert.Equal(HttpStatusCode.OK, put.Status);
        Assert.Equal(204, put.Json["results"]![SimHost.CandKey("cand-1")]!["status"]!.GetValue<int>());
        var get = await _sim.GetAsync("/v2/atsCandidates?" + SimHost.CandIds("cand-1", "cand-2", "cand-missing"), c.Token);
        Assert.Equal(HttpStatusCode.OK, get.Status);
        var e1 = get.Json["results"]![SimHost.CandKey("cand-1")]!;
        Assert.Equal(m["urn"]!.GetValue<string>(), e1["matchedMember"]!.GetValue<string>());
        Assert.Null(e1["manualMatchedMember"]);
        Assert.Equal("cand-1", e1["atsCandidateId"]!.GetValue<string>());
        Assert.Null(get.Json["results"]![SimHost.CandKey("cand-2")]!["matchedMember"]);
        Assert.Equal(404, get.Json["errors"]![SimHost.CandKey("cand-missing")]!["status"]!.GetValue<int>());
        Assert.Equal(404, get.Json["statuses"]![SimHost.CandKey("cand-missing")]!.GetValue<int>());
    }

    [Fact]
    public async Task AtsCandidates_FullReplacePut_OmittedFieldsBecomeNull()
    {
        var c = await _sim.EnabledChildAsync();
        var b = SimHost.Candidate();
        b["currentCompanyName"] = "Fabrikam";
        await PutCandidates(c, ("full-1", b));
        await PutCandidates(c, ("full-1", SimHost.Candidate()));
        var get = await _sim.GetAsync("/v2/atsCandidates?" + SimHost.CandIds("full-1"), c.Token);
        Assert.Null(get.Json["results"]![SimHost.CandKey("full-1")]!["currentCompanyName"]);
    }

    [Fact]
    public async Task AtsCandidates_Matching_UsesProfileUrlPhoneThenNameAndCompany()
    {
        var c = await _sim.EnabledChildAsync();
        var ms = await _sim.MembersAsync(count: 40);
        var byUrl = SimHost.Candidate("X", "Y");
        byUrl["linkedInProfileUrl"] = ms[30]!["profileUrl"]!.GetValue<string>() + "/";
        var byPhone = SimHost.Candidate("X", "Y");
        byPhone["phoneNumbers"] = new JsonArray(new JsonObject { ["number"] = ms[31]!["phone"]!.GetValue<string>() });
        var byName = SimHost.Candidate(ms[32]!["firstName"]!.GetValue<string>(), ms[32]!["lastName"]!.GetValue<string>());
        byName["currentCompanyName"] = ms[32]!["company"]!.GetValue<string>();
        await PutCandidates(c, ("u", byUrl), ("p", byPhone), ("n", byName));
        var get = await _sim.GetAsync("/v2/atsCandidates?" + SimHost.CandIds("u", "p", "n"), c.Token);
        Assert.Equal(ms[30]!["urn"]!.GetValue<string>(), get.Json["results"]![SimHost.CandKey("u")]!["matchedMember"]!.GetValue<string>());
        Assert.Equal(ms[31]!["urn"]!.GetValue<string>(), get.Json["results"]![SimHost.CandKey("p")]!["matchedMember"]!.GetValue<string>());
        Assert.Equal(ms[32]!["urn"]!.GetValue<string>(), get.Json["results"]![SimHost.CandKey("n")]!["matchedMember"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("firstName", null, "firstName")]
    [InlineData("atsCreatedAt", 0L, "atsCreatedAt")]
    [InlineData("atsLastModifiedAt", 1L, "atsLastModifiedAt")]
    [InlineData("phoneNumbers", null, "phoneNumbers")]
    [InlineData("addresses", null, "addresses")]
    [InlineData("emailAddresses", "bad-email", "email")]
    public async Task AtsCandidates_InvalidField_ReturnsPerKeyValidationError(string field, object? value, string expectedInMessage)
    {
        var c = await _sim.EnabledChildAsync();
        var bad = SimHost.Candidate();
        if (value is null)
        {
            bad.Remove(field);
        }
        else if (field == "emailAddresses")
        {
            bad[field] = new JsonArray((string)value);
        }
        else
        {
            bad[field] = JsonValue.Create((long)value);
        }
        var r = await PutCandidates(c, ("bad", bad), ("good", SimHost.Candidate()));
        Assert.Equal(HttpStatusCode.OK, r.Status);
        var err = r.Json["errors"]![SimHost.CandKey("bad")]!;
        Assert.Equal(400, err["status"]!.GetValue<int>());
        Assert.Contains(expectedInMessage, err["message"]!.GetValue<string>());
        Assert.NotNull(r.Json["results"]![SimHost.CandKey("good")]);
    }

    [Fact]
    public async Task AtsCandidates_ManualMatchedMember_SetAndDelete()
    {
        var c = await _sim.EnabledChildAsync();
        await PutCandidates(c, ("mm", SimHost.Candidate("Nobody", "Known")));
        var set = await _sim.SendAsync(HttpMethod.Post, "/v2/atsCandidates?" + SimHost.CandIds("mm"), c.Token,
            Entities((SimHost.CandKey("mm"), new JsonObject { ["patch"] = new JsonObject { ["$set"] = new JsonObject { ["manualMatchedMember"] = "urn:li:person:rC7kLm" } } })), "batch_partial_update");
        Assert.Equal(204, set.Json["results"]![SimHost.CandKey("mm")]!["status"]!.GetValue<int>());
        var get = await _sim.GetAsync("/v2/atsCandidates?" + SimHost.CandIds("mm"), c.Token);
        Assert.Equal("urn:li:person:rC7kLm", get.Json["results"]![SimHost.CandKey("mm")]!["manualMatchedMember"]!.GetValue<string>());
        var unknown = await _sim.SendAsync(HttpMethod.Post, "/v2/atsCandidates?" + SimHost.CandIds("mm"), c.Token,
            Entities((SimHost.CandKey("mm"), new JsonObject { ["patch"] = new JsonObject { ["$set"] = new JsonObject { ["manualMatchedMember"] = "urn:li:person:doesnotexist" } } })), "batch_partial_update");
        Assert.NotNull(unknown.Json["errors"]![SimHost.CandKey("mm")]);
        var del = await _sim.SendAsync(HttpMethod.Post, "/v2/atsCandidates?" + SimHost.CandIds("mm"), c.Token,
            Entities((SimHost.CandKey("mm"), new JsonObject { ["patch"] = new JsonObject { ["$delete"] = new JsonArray("manualMatchedMember") } })), "batch_partial_update");
        Assert.Equal(204, del.Json["results"]![SimHost.CandKey("mm")]!["status"]!.GetValue<int>());
        get = await _sim.GetAsync("/v2/atsCandidates?" + SimHost.CandIds("mm"), c.Token);
        Assert.Null(get.Json["results"]![SimHost.CandKey("mm")]!["manualMatchedMember"]);
    }

    [Fact]
    public async Task AtsCandidates_BodyKeyInAnyFieldOrder_ComparedAsDecodedMap()
    {
        var c = await _sim.EnabledChildAsync();
        var reordered = $"integrationContext={SimHost.Enc(SimHost.Org)}&atsCandidateId=ord-1&dataProvider=ATS";
        var r = await _sim.SendAsync(HttpMethod.Put, "/v2/atsCandidates?" + SimHost.CandIds("ord-1"), c.Token, Entities((reordered, SimHost.Candidate())), "batch_update");
        Assert.Equal(204, r.Json["results"]![reordered]!["status"]!.GetValue<int>());
        var notInUrl = await _sim.SendAsync(HttpMethod.Put, "/v2/atsCandidates?" + SimHost.CandIds("ord-1"), c.Token, Entities((SimHost.CandKey("other"), SimHost.Candidate())), "batch_update");
        Assert.Equal(400, notInUrl.Json["errors"]![SimHost.CandKey("other")]!["status"]!.GetValue<int>());
    }

    [Fact]
    public async Task AtsCandidates_MoreThan100Keys_Returns400()
    {
        var c = await _sim.EnabledChildAsync();
        var ids = Enumerable.Range(0, 101).Select(i => "k" + i).ToArray();
        var r = await _sim.SendAsync(HttpMethod.Put, "/v2/atsCandidates?" + SimHost.CandIds(ids), c.Token,
            Entities(ids.Select(i => (SimHost.CandKey(i), (JsonNode)SimHost.Candidate())).ToArray()), "batch_update");
        Assert.Equal(HttpStatusCode.BadRequest, r.Status);
        Assert.Equal("BATCH_TOO_LARGE", r.Json["code"]!.GetValue<string>());
        var ok = await _sim.SendAsync(HttpMethod.Put, "/v2/atsCandidates?" + SimHost.CandIds(ids[..100]), c.Token,
            Entities(ids[..100].Select(i => (SimHost.CandKey(i), (JsonNode)SimHost.Candidate())).ToArray()), "batch_update");
        Assert.Equal(HttpStatusCode.OK, ok.Status);
        Assert.Equal(100, ok.Json["results"]!.AsObject().Count);
    }

    [Fact]
    public async Task AtsCandidates_NotEnabledOrParentToken_Returns403()
    {
        var c = await _sim.ProvisionAsync();
        var r = await PutCandidates(c, ("x", SimHost.Candidate()));
        Assert.Equal(HttpStatusCode.Forbidden, r.Status);
        Assert.Contains("not enabled", r.Json["message"]!.GetValue<string>());
        var parent = await _sim.PartnerTokenAsync();
        var p = await _sim.GetAsync("/v2/atsCandidates?" + SimHost.CandIds("x"), parent);
        Assert.Equal(HttpStatusCode.Forbidden, p.Status);
    }

    [Fact]
    public async Task AtsCandidates_WithoutRestLiMethodHeader_PutIsBatchUpdateButPostNeedsTheHeader()
    {
        var c = await _sim.EnabledChildAsync();
        var put = await _sim.SendAsync(HttpMethod.Put, "/v2/atsCandidates?" + SimHost.CandIds("x"), c.Token, Entities((SimHost.CandKey("x"), SimHost.Candidate())));
        Assert.Equal(204, put.Json["results"]![SimHost.CandKey("x")]!["status"]!.GetValue<int>());
        var patch = new JsonObject { ["patch"] = new JsonObject { ["$delete"] = new JsonArray("manualMatchedMember") } };
        var post = await _sim.SendAsync(HttpMethod.Post, "/v2/atsCandidates?" + SimHost.CandIds("x"), c.Token, Entities((SimHost.CandKey("x"), patch)));
        Assert.Equal(HttpStatusCode.BadRequest, post.Status);
    }

    [Fact]
    public async Task CandidateNotes_PutGetDelete_AndMissingParentIs404()
    {
        var c = await _sim.EnabledChildAsync();
        await PutCandidates(c, ("n-1", SimHost.Candidate()));
        var path = $"/v2/atsCandidates/{SimHost.CandKey("n-1")}/notes";
        var note = new JsonObject { ["atsCreatedAt"] = SimHost.Now, ["note"] = "Great call", ["author"] = new JsonObject { ["firstName"] = "Riley", ["lastName"] = "Recruiter" } };
        var put = await _sim.SendAsync(HttpMethod.Put, path + "?ids=note1&ids=note2", c.Token, Entities(("note1", note), ("note2", new JsonObject { ["atsCreatedAt"] = 0, ["note"] = "x" })), "batch_update");
        Assert.Equal(204, put.Json["results"]!["note1"]!["status"]!.GetValue<int>());
        Assert.Equal(400, put.Json["errors"]!["note2"]!["status"]!.GetValue<int>());
        var get = await _sim.GetAsync(path + "?ids=note1", c.Token);
        Assert.Equal("Great call", get.Json["results"]!["note1"]!["note"]!.GetValue<string>());
        var del = await _sim.SendAsync(HttpMethod.Delete, path + "?ids=note1", c.Token, restLiMethod: "batch_delete");
        Assert.Equal(204, del.Json["results"]!["note1"]!["status"]!.GetValue<int>());
        get = await _sim.GetAsync(path + "?ids=note1", c.Token);
        Assert.Equal(404, get.Json["errors"]!["note1"]!["status"]!.GetValue<int>());
        var orphan = await _sim.SendAsync(HttpMethod.Put, $"/v2/atsCandidates/{SimHost.CandKey("ghost")}/notes?ids=n", c.Token, Entities(("n", note.DeepClone())), "batch_update");
        Assert.Equal(HttpStatusCode.NotFound, orphan.Status);
    }

    [Fact]
    public async Task AtsApplications_StagesNotesFeedback_ValidateAndDeleteCascades()
    {
        var c = await _sim.EnabledChildAsync();
        await PutCandidates(c, ("cand-a", SimHost.Candidate()));
        var put = await PutApplication(c, "app-1", "cand-a");
        Assert.Equal(204, put.Json["results"]![SimHost.AppKey("app-1")]!["status"]!.GetValue<int>());
        var appKey = SimHost.AppKey("app-1");
        var stages = await _sim.SendAsync(HttpMethod.Put, $"/v2/atsApplications/{appKey}/stages?ids=s1&ids=s2&ids=s3", c.Token, Entities(
            ("s1", new JsonObject { ["atsCreatedAt"] = SimHost.Now - 100, ["stage"] = "Phone screen" }),
            ("s2", new JsonObject { ["atsCreatedAt"] = SimHost.Now, ["stage"] = "Not Available" }),
            ("s3", new JsonObject { ["atsCreatedAt"] = SimHost.Now, ["stage"] = "" })), "batch_update");
        Assert.Equal(204, stages.Json["results"]!["s1"]!["status"]!.GetValue<int>());
        Assert.Contains("Not Available", stages.Json["errors"]!["s2"]!["message"]!.GetValue<string>());
        Assert.NotNull(stages.Json["errors"]!["s3"]);
        var fb = await _sim.SendAsync(HttpMethod.Put, $"/v2/atsApplications/{appKey}/interviewFeedback?ids=f1&ids=f2", c.Token, Entities(
            ("f1", new JsonObject { ["atsCreatedAt"] = SimHost.Now, ["interviewer"] = new JsonObject { ["firstName"] = "Harper", ["lastName"] = "Manager" }, ["evaluations"] = new JsonArray(new JsonObject { ["attribute"] = "Communication", ["result"] = "4" }), ["feedback"] = "Strong", ["interviewType"] = "ONSITE" }),
            ("f2", new JsonObject { ["atsCreatedAt"] = SimHost.Now, ["interviewType"] = "LUNCH" })), "batch_update");
        Assert.Equal(204, fb.Json["results"]!["f1"]!["status"]!.GetValue<int>());
        Assert.NotNull(fb.Json["errors"]!["f2"]);
        var notes = await _sim.SendAsync(HttpMethod.Put, $"/v2/atsApplications/{appKey}/notes?ids=an1", c.Token, Entities(("an1", new JsonObject { ["atsCreatedAt"] = SimHost.Now, ["note"] = "App note" })), "batch_update");
        Assert.Equal(204, notes.Json["results"]!["an1"]!["status"]!.GetValue<int>());
        var getStage = await _sim.GetAsync($"/v2/atsApplications/{appKey}/stages?ids=s1", c.Token);
        Assert.Equal("Phone screen", getStage.Json["results"]!["s1"]!["stage"]!.GetValue<string>());
        // deleting the candidate deletes the application and its sub-resources
        var del = await _sim.SendAsync(HttpMethod.Delete, "/v2/atsCandidates?" + SimHost.CandIds("cand-a"), c.Token, restLiMethod: "batch_delete");
        Assert.Equal(204, del.Json["results"]![SimHost.CandKey("cand-a")]!["status"]!.GetValue<int>());
        var gone = await _sim.GetAsync("/v2/atsApplications?" + SimHost.AppIds("app-1"), c.Token);
        Assert.Equal(404, gone.Json["errors"]![SimHost.AppKey("app-1")]!["status"]!.GetValue<int>());
        var stagesGone = await _sim.GetAsync($"/v2/atsApplications/{appKey}/stages?ids=s1", c.Token);
        Assert.Equal(HttpStatusCode.NotFound, stagesGone.Status);
    }

    [Fact]
    public async Task AtsApplications_Validation_PerKeyErrors()
    {
        var c = await _sim.EnabledChildAsync();
        var r = await _sim.SendAsync(HttpMethod.Put, "/v2/atsApplications?" + SimHost.AppIds("a1", "a2", "a3"), c.Token, Entities(
            (SimHost.AppKey("a1"), new JsonObject { ["atsCandidateId"] = "c", ["atsCreatedAt"] = 10, ["atsLastModifiedAt"] = 5, ["atsJobPostingId"] = "J", ["atsJobPostingName"] = "N", ["firstName"] = "F" }),
            (SimHost.AppKey("a2"), new JsonObject { ["atsCandidateId"] = "c", ["atsCreatedAt"] = 10, ["atsLastModifiedAt"] = 20, ["atsJobPostingId"] = "", ["atsJobPostingName"] = "N", ["firstName"] = "F" }),
            (SimHost.AppKey("a3"), new JsonObject { ["atsCandidateId"] = "c", ["atsCreatedAt"] = 10, ["atsLastModifiedAt"] = 20, ["atsJobPostingId"] = "J", ["atsJobPostingName"] = "N", ["firstName"] = "F", ["candidateEmail"] = "nope" })), "batch_update");
        Assert.Equal(HttpStatusCode.OK, r.Status);
        Assert.Contains("atsLastModifiedAt", r.Json["errors"]![SimHost.AppKey("a1")]!["message"]!.GetValue<string>());
        Assert.Contains("atsJobPostingId", r.Json["errors"]![SimHost.AppKey("a2")]!["message"]!.GetValue<string>());
        Assert.Contains("candidateEmail", r.Json["errors"]![SimHost.AppKey("a3")]!["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task AtsApplications_DirectDelete_CascadesStages()
    {
        var c = await _sim.EnabledChildAsync();
        await PutApplication(c, "app-d", "cand-x");
        await _sim.SendAsync(HttpMethod.Put, $"/v2/atsApplications/{SimHost.AppKey("app-d")}/stages?ids=s1", c.Token, Entities(("s1", new JsonObject { ["atsCreatedAt"] = SimHost.Now, ["stage"] = "Hired" })), "batch_update");
        var del = await _sim.SendAsync(HttpMethod.Delete, "/v2/atsApplications?" + SimHost.AppIds("app-d"), c.Token, restLiMethod: "batch_delete");
        Assert.Equal(204, del.Json["results"]![SimHost.AppKey("app-d")]!["status"]!.GetValue<int>());
        await PutApplication(c, "app-d", "cand-x");
        var stage = await _sim.GetAsync($"/v2/atsApplications/{SimHost.AppKey("app-d")}/stages?ids=s1", c.Token);
        Assert.Equal(404, stage.Json["errors"]!["s1"]!["status"]!.GetValue<int>());
    }

    [Fact]
    public async Task RestAtsApplications_RequiresLinkedInVersionAndOmitsDataProvider()
    {
        var c = await _sim.EnabledChildAsync();
        var key = $"atsJobApplicationId=r1&integrationContext={SimHost.Enc(SimHost.Org)}";
        var body = Entities((key, new JsonObject { ["atsCandidateId"] = "c", ["atsCreatedAt"] = 10, ["atsLastModifiedAt"] = 20, ["atsJobPostingId"] = "J", ["atsJobPostingName"] = "N", ["firstName"] = "F" }));
        var noVersion = await _sim.SendAsync(HttpMethod.Put, $"/rest/atsApplications?ids[0].atsJobApplicationId=r1&ids[0].integrationContext={SimHost.Enc(SimHost.Org)}", c.Token, body, "batch_update");
        Assert.Equal(HttpStatusCode.BadRequest, noVersion.Status);
        Assert.Equal("VERSION_MISSING", noVersion.Json["code"]!.GetValue<string>());
        var ok = await _sim.SendAsync(HttpMethod.Put, $"/rest/atsApplications?ids[0].atsJobApplicationId=r1&ids[0].integrationContext={SimHost.Enc(SimHost.Org)}", c.Token, body, "batch_update", version: "202604");
        Assert.Equal(204, ok.Json["results"]![key]!["status"]!.GetValue<int>());
        var v2 = await _sim.GetAsync("/v2/atsApplications?" + SimHost.AppIds("r1"), c.Token);
        Assert.NotNull(v2.Json["results"]![SimHost.AppKey("r1")]);
    }

    [Fact]
    public async Task AtsEntityAclsAndAssignees_PutFindDelete()
    {
        var c = await _sim.EnabledChildAsync();
        var org = SimHost.Enc(SimHost.Org);
        var aclKey = $"atsEntityAclId=grp-1&atsEntityId=JOB-1&atsEntityType=JOB_POSTING&dataProvider=ATS&integrationContext={org}";
        var aclIds = $"ids[0].atsEntityAclId=grp-1&ids[0].dataProvider=ATS&ids[0].integrationContext={org}&ids[0].atsEntityId=JOB-1&ids[0].atsEntityType=JOB_POSTING";
        var put = await _sim.SendAsync(HttpMethod.Put, "/v2/atsEntityAcls?" + aclIds, c.Token, Entities((aclKey, new JsonObject())), "batch_update");
        Assert.Equal(204, put.Json["results"]![aclKey]!["status"]!.GetValue<int>());
        var badType = $"atsEntityAclId=grp-1&atsEntityId=C-1&atsEntityType=CANDIDATE&dataProvider=ATS&integrationContext={org}";
        var bad = await _sim.SendAsync(HttpMethod.Put, "/v2/atsEntityAcls", c.Token, Entities((badType, new JsonObject())), "batch_update");
        Assert.NotNull(bad.Json["errors"]![badType]);
        var find = await _sim.GetAsync($"/v2/atsEntityAcls?q=criteria&atsEntityId=JOB-1&atsEntityType=JOB_POSTING&dataProvider=ATS&integrationContext={org}&start=0&count=10", c.Token);
        Assert.Single(find.Json["elements"]!.AsArray());
        var assigneeKey = $"assignee={SimHost.Enc("urn:li:person:rC7kLm")}&atsEntityAclId=grp-1&atsEntityType=JOB_POSTING&dataProvider=ATS&integrationContext={org}";
        var ap = await _sim.SendAsync(HttpMethod.Put, "/v2/atsEntityAclAssignees", c.Token, Entities((assigneeKey, new JsonObject())), "batch_update");
        Assert.Equal(204, ap.Json["results"]![assigneeKey]!["status"]!.GetValue<int>());
        var af = await _sim.GetAsync($"/v2/atsEntityAclAssignees?q=criteria&assignee={SimHost.Enc("urn:li:person:rC7kLm")}&dataProvider=ATS&integrationContext={org}", c.Token);
        Assert.Equal("grp-1", Assert.Single(af.Json["elements"]!.AsArray())!["atsEntityAclId"]!.GetValue<string>());
        var del = await _sim.SendAsync(HttpMethod.Delete, "/v2/atsEntityAcls?" + aclIds, c.Token, restLiMethod: "batch_delete");
        Assert.Equal(204, del.Json["results"]![aclKey]!["status"]!.GetValue<int>());
        find = await _sim.GetAsync($"/v2/atsEntityAcls?q=criteria&atsEntityId=JOB-1&dataProvider=ATS&integrationContext={org}", c.Token);
        Assert.Empty(find.Json["elements"]!.AsArray());
    }

    [Fact]
    public async Task QueryTunneling_PostWithMethodOverride_ActsAsGet()
    {
        var c = await _sim.EnabledChildAsync();
        await PutCandidates(c, ("tun", SimHost.Candidate()));
        var resp = await _sim.TunnelAsync("/v2/atsCandidates", SimHost.CandIds("tun"), "GET", c.Token);
        Assert.Equal(HttpStatusCode.OK, resp.Status);
        Assert.NotNull(resp.Json["results"]![SimHost.CandKey("tun")]);
    }
}
