using System.Net;
using Attract.Core.Common;
using Attract.Core.Data;
using Attract.Core.Jobs;
using Attract.IntegrationTests.Infrastructure;
using Attract.IntegrationTests.Security;
using Attract.Web.Pages.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Attract.IntegrationTests.Pages.Jobs;

public abstract class JobPagesTests(DatabaseProvider provider) : IDisposable
{
    private readonly AttractFactory _factory = new(provider);

    public void Dispose() => _factory.Dispose();

    private static Dictionary<string, string> JobForm(string title = "Data Engineer", string? version = null) => new()
    {
        ["Input.Title"] = title,
        ["Input.Description"] = "Pipelines all day.",
        ["Input.City"] = "Amsterdam",
        ["Input.Country"] = "Netherlands",
        ["Input.Department"] = "Engineering",
        ["Input.EmploymentType"] = "0",
        ["Input.Version"] = version ?? Guid.Empty.ToString(),
    };

    [Fact]
    public async Task Create_Recruiter_CreatesDraftWithJobIdAndPutsCreatorOnTeam()
    {
        var client = await _factory.SignedInClientAsync(AtsData.Recruiter);

        var response = await client.PostFormAsync("/Jobs/Create", JobForm());

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var job = await _factory.WithDbAsync(db => db.Jobs.Include(j => j.Team).Include(j => j.Stages).SingleAsync());
        Assert.Equal("JOB-1001", job.Code);
        Assert.Equal(JobStatus.Draft, job.Status);
        Assert.Equal(6, job.Stages.Count);
        Assert.Equal(await _factory.UserIdAsync(AtsData.Recruiter), Assert.Single(job.Team).UserId);
        Assert.True(await _factory.WithDbAsync(db => db.OutboxMessages.AnyAsync(m => m.EntityType == TrackedTypes.Job && m.EntityId == job.Id && m.Operation == ChangeOperation.Created)));
    }

    [Fact]
    public async Task Create_MissingFields_ShowsValidationMessages()
    {
        var client = await _factory.SignedInClientAsync(AtsData.Recruiter);

        var response = await client.PostFormAsync("/Jobs/Create", new Dictionary<string, string> { ["Input.Title"] = "" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("The Title field is required.", html);
        Assert.Contains("The Country field is required.", html);
        Assert.False(await _factory.WithDbAsync(db => db.Jobs.AnyAsync()));
    }

    [Fact]
    public async Task Activate_Recruiter_MakesJobActive()
    {
        var jobId = await _factory.CreateJobAsync(status: JobStatus.Draft);
        var client = await _factory.SignedInClientAsync(AtsData.Recruiter);

        var response = await client.PostFormAsync($"/Jobs/Details/{jobId}", new Dictionary<string, string>(), $"/Jobs/Details/{jobId}?handler=Activate");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(JobStatus.Active, await _factory.WithDbAsync(db => db.Jobs.Where(j => j.Id == jobId).Select(j => j.Status).SingleAsync()));
    }

    [Fact]
    public async Task Edit_StaleVersion_ShowsConcurrencyMessageAndKeepsOtherEdit()
    {
        var jobId = await _factory.CreateJobAsync();
        var client = await _factory.SignedInClientAsync(AtsData.Recruiter);
        var page = await client.GetDocumentAsync($"/Jobs/Edit/{jobId}");
        var staleVersion = page.QuerySelector("input[name='Input.Version']")!.GetAttribute("value")!;
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync($"/Jobs/Edit/{jobId}", JobForm("First edit", staleVersion))).StatusCode);

        var response = await client.PostFormAsync($"/Jobs/Edit/{jobId}", JobForm("Second edit", staleVersion));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var doc = await HtmlForms.ParseAsync(response);
        Assert.Contains("Someone else changed this record", doc.QuerySelector("[data-testid=form-errors]")!.TextContent);
        Assert.Equal("Second edit", doc.QuerySelector("input[name='Input.Title']")!.GetAttribute("value"));
        Assert.Equal("First edit", await _factory.WithDbAsync(db => db.Jobs.Where(j => j.Id == jobId).Select(j => j.Title).SingleAsync()));
    }

    [Fact]
    public async Task Team_AddAndRemoveMember_ChangesHiringTeam()
    {
        var jobId = await _factory.CreateJobAsync(standardTeam: false);
        var adminId = await _factory.UserIdAsync(AtsData.Admin);
        var managerId = await _factory.UserIdAsync(AtsData.Manager);
        var client = await _factory.SignedInClientAsync(AtsData.Admin);
        var url = $"/Jobs/Details/{jobId}";

        await client.PostFormAsync(url, new Dictionary<string, string> { ["userId"] = managerId, ["role"] = "HiringManager" }, url + "?handler=AddMember");
        await client.PostFormAsync(url, new Dictionary<string, string> { ["userId"] = adminId, ["role"] = "Interviewer" }, url + "?handler=AddMember");
        await client.PostFormAsync(url, new Dictionary<string, string> { ["userId"] = adminId, ["role"] = "Interviewer" }, url + "?handler=RemoveMember");

        var team = await _factory.WithDbAsync(db => db.JobTeamMembers.Where(t => t.JobId == jobId).Select(t => new { t.UserId, t.Role }).ToListAsync());
        Assert.Equal(managerId, Assert.Single(team).UserId);
        var manager = await _factory.SignedInClientAsync(AtsData.Manager);
        Assert.Equal(HttpStatusCode.OK, (await manager.GetAsync($"/Jobs/Pipeline/{jobId}")).StatusCode);
    }

    [Fact]
    public async Task Stages_RenameAndReorder_ChangesProcess()
    {
        var jobId = await _factory.CreateJobAsync();
        var phone = await _factory.StageIdAsync(jobId, "Phone screen");
        var client = await _factory.SignedInClientAsync(AtsData.Recruiter);
        var url = $"/Jobs/Stages/{jobId}";

        await client.PostFormAsync(url, new Dictionary<string, string> { ["stageId"] = phone.ToString(), ["name"] = "Recruiter call" }, url + "?handler=Rename");
        await client.PostFormAsync(url, new Dictionary<string, string> { ["stageId"] = phone.ToString(), ["offset"] = "1" }, url + "?handler=Move");
        var empty = await client.PostFormAsync(url, new Dictionary<string, string> { ["stageId"] = phone.ToString(), ["name"] = " " }, url + "?handler=Rename");

        Assert.Contains("A stage needs a name.", await empty.Content.ReadAsStringAsync());
        var stages = await _factory.WithDbAsync(db => db.JobStages.Where(s => s.JobId == jobId).OrderBy(s => s.Order).Select(s => s.Name).ToListAsync());
        Assert.Equal(["Prospect", "Applied", "Onsite interview", "Recruiter call", "Offer", "Hired"], stages);
    }

    [Fact]
    public async Task Index_FilterByStatusAndDepartment_ShowsMatchingJobs()
    {
        await _factory.CreateJobAsync("Active One");
        await _factory.CreateJobAsync("Draft One", status: JobStatus.Draft);
        var client = await _factory.SignedInClientAsync(AtsData.Admin);

        var page = await client.GetDocumentAsync("/Jobs?Status=Draft&Department=Engineering");

        var rows = page.QuerySelectorAll("[data-testid=jobs] tbody tr").Select(r => r.TextContent).ToList();
        Assert.Contains("Draft One", Assert.Single(rows));
    }

    [Fact]
    public async Task Index_ApplicationsAddedAndRejected_InPipelineCountsActiveOnesAtOnce()
    {
        var job = await _factory.CreateJobAsync("Counted job");
        await _factory.CreateJobAsync("Empty job");
        var first = await _factory.AddApplicationAsync(await _factory.CreateCandidateAsync("Ann", "One", "ann@example.com"), job);
        await _factory.AddApplicationAsync(await _factory.CreateCandidateAsync("Bob", "Two", "bob@example.com"), job);
        var client = await _factory.SignedInClientAsync(AtsData.Admin);
        async Task<Dictionary<string, string>> CountsAsync() => (await client.GetDocumentAsync("/Jobs"))
            .QuerySelectorAll("[data-testid=jobs] tbody tr")
            .ToDictionary(r => r.QuerySelector("a")!.TextContent.Trim(), r => r.QuerySelectorAll("td").Last().TextContent.Trim());

        var before = await CountsAsync();
        await _factory.AddApplicationAsync(await _factory.CreateCandidateAsync("Cy", "Three", "cy@example.com"), job);
        var added = await CountsAsync();
        await _factory.WithDbAsync(async db =>
        {
            var application = await db.Applications.Include(a => a.Stage).SingleAsync(a => a.Id == first);
            application.Reject("Not a fit", FixedActor.System, DateTime.UtcNow);
            return await db.SaveChangesAsync();
        });
        var rejected = await CountsAsync();

        Assert.Equal(("2", "0"), (before["Counted job"], before["Empty job"]));
        Assert.Equal("3", added["Counted job"]);
        Assert.Equal("2", rejected["Counted job"]);
    }

    [Fact]
    public async Task Index_Mine_ShowsOnlyJobsOnMyTeam()
    {
        await _factory.CreateJobAsync("Team job");
        await _factory.CreateJobAsync("Other job", standardTeam: false);
        var client = await _factory.SignedInClientAsync(AtsData.Admin);

        var all = await client.GetDocumentAsync("/Jobs");
        var mine = await client.GetDocumentAsync("/Jobs?Mine=true");

        Assert.Equal(2, all.QuerySelectorAll("[data-testid=jobs] tbody tr").Length);
        Assert.Empty(mine.QuerySelectorAll("[data-testid=jobs] tbody tr"));
    }

    [Fact]
    public async Task Stages_RemoveStageWithApplications_RefusesThenMovesWhenTargetGiven()
    {
        var jobId = await _factory.CreateJobAsync();
        var applicationId = await _factory.AddApplicationAsync(await _factory.CreateCandidateAsync(), jobId, "Phone screen");
        var phone = await _factory.StageIdAsync(jobId, "Phone screen");
        var onsite = await _factory.StageIdAsync(jobId, "Onsite interview");
        var client = await _factory.SignedInClientAsync(AtsData.Recruiter);

        var refused = await client.PostFormAsync($"/Jobs/Stages/{jobId}", new Dictionary<string, string> { ["stageId"] = phone.ToString() }, $"/Jobs/Stages/{jobId}?handler=Remove");
        Assert.Contains("still holds 1 application", await refused.Content.ReadAsStringAsync());

        var moved = await client.PostFormAsync($"/Jobs/Stages/{jobId}", new Dictionary<string, string> { ["stageId"] = phone.ToString(), ["moveToStageId"] = onsite.ToString() }, $"/Jobs/Stages/{jobId}?handler=Remove");

        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        Assert.Equal("Onsite interview", (await _factory.ApplicationStateAsync(applicationId)).Stage);
        Assert.False(await _factory.WithDbAsync(db => db.JobStages.AnyAsync(s => s.Id == phone)));
    }

    [Fact]
    public async Task Stages_RemoveProspect_JobPagesSaySoAndAddRestoresIt()
    {
        var jobId = await _factory.CreateJobAsync();
        var prospect = await _factory.StageIdAsync(jobId, "Prospect");
        var client = await _factory.SignedInClientAsync(AtsData.Recruiter);

        await client.PostFormAsync($"/Jobs/Stages/{jobId}", new Dictionary<string, string> { ["stageId"] = prospect.ToString() }, $"/Jobs/Stages/{jobId}?handler=Remove");

        Assert.NotNull((await client.GetDocumentAsync($"/Jobs/Details/{jobId}")).QuerySelector("[data-testid=no-prospect-stage]"));
        Assert.NotNull((await client.GetDocumentAsync($"/Jobs/Pipeline/{jobId}")).QuerySelector("[data-testid=no-prospect-stage]"));
        await client.PostFormAsync($"/Jobs/Stages/{jobId}", new Dictionary<string, string> { ["NewStage"] = "Prospect", ["NewIsProspect"] = "true" }, $"/Jobs/Stages/{jobId}?handler=Add");
        Assert.Null((await client.GetDocumentAsync($"/Jobs/Details/{jobId}")).QuerySelector("[data-testid=no-prospect-stage]"));
    }

    [Fact]
    public async Task Details_UnknownId_Returns404()
    {
        var client = await _factory.SignedInClientAsync(AtsData.Admin);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/Jobs/Details/4242")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/Jobs/Pipeline/4242")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/Candidates/Details/4242")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/Applications/Details/4242")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/Pools/Details/4242")).StatusCode);
    }

    [Fact]
    public async Task Details_SharedCounts_ThisInstancesChangeShowsAtOnceAnotherInstancesWithinMaxAge()
    {
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        _factory.WithServices(s => s.AddSingleton<TimeProvider>(clock));
        var jobId = await _factory.CreateJobAsync();
        var first = await _factory.AddApplicationAsync(await _factory.CreateCandidateAsync("Stat", "One"), jobId, "Applied");
        var offer = await _factory.StageIdAsync(jobId, "Offer");
        var client = await _factory.SignedInClientAsync(AtsData.Recruiter);
        async Task<(string Applied, string Offer)> ActiveAsync()
        {
            var rows = (await client.GetDocumentAsync($"/Jobs/Details/{jobId}")).QuerySelectorAll("[data-testid=stages] tbody tr");
            string Count(string stage) => rows.Single(r => r.Children[0].TextContent.Trim().StartsWith(stage, StringComparison.Ordinal)).Children[1].TextContent;
            return (Count("Applied"), Count("Offer"));
        }
        Assert.Equal(("1", "0"), await ActiveAsync());

        // another instance moves the application (no SaveChanges here): the counts are shared until MaxAge
        await _factory.WithDbAsync(db => db.Applications.Where(a => a.Id == first).ExecuteUpdateAsync(u => u.SetProperty(a => a.StageId, offer)));
        Assert.Equal(("1", "0"), await ActiveAsync());
        clock.Advance(PipelineReads.MaxAge);
        Assert.Equal(("0", "1"), await ActiveAsync());

        // an application saved on this instance drops the shared counts at once
        await _factory.AddApplicationAsync(await _factory.CreateCandidateAsync("Stat", "Two"), jobId, "Applied");
        Assert.Equal(("1", "1"), await ActiveAsync());
    }

    [Fact]
    public async Task Details_SharedCounts_RemovedFromTheTeam_NotFoundAtOnce()
    {
        var jobId = await _factory.CreateJobAsync();
        var manager = await _factory.UserIdAsync(AtsData.Manager);
        var client = await _factory.SignedInClientAsync(AtsData.Manager);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/Jobs/Details/{jobId}")).StatusCode);

        await _factory.WithDbAsync(db => db.JobTeamMembers.Where(t => t.JobId == jobId && t.UserId == manager).ExecuteDeleteAsync());

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Jobs/Details/{jobId}")).StatusCode);
    }
}

public sealed class JobPagesSqliteTests() : JobPagesTests(DatabaseProvider.Sqlite);

public sealed class JobPagesPostgreSqlTests() : JobPagesTests(DatabaseProvider.PostgreSql);
