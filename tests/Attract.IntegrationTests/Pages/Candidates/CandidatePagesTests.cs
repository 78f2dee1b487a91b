using System.Net;
using Attract.Core.Data;
using Attract.Core.Pools;
using Attract.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Attract.IntegrationTests.Pages.Candidates;

public abstract class CandidatePagesTests(DatabaseProvider provider) : IDisposable
{
    private readonly AttractFactory _factory = new(provider);

    public void Dispose() => _factory.Dispose();

    private static Dictionary<string, string> CandidateForm(string first, string last, string emails, string? linkedIn = null) => new()
    {
        ["Input.FirstName"] = first,
        ["Input.LastName"] = last,
        ["Input.Emails"] = emails,
        ["Input.Phones"] = "+49 30 1234567",
        ["Input.CurrentCompany"] = "Contoso",
        ["Input.Source"] = "Referral",
        ["Input.Tags"] = "dotnet, Remote",
        ["Input.LinkedInProfileUrl"] = linkedIn ?? "",
        ["Input.Version"] = Guid.Empty.ToString(),
    };

    [Fact]
    public async Task Create_NewCandidate_SavesAndRedirectsToProfile()
    {
        var client = await _factory.SignedInClientAsync(AtsData.Recruiter);

        var response = await client.PostFormAsync("/Candidates/Create", CandidateForm("Grace", "Hopper", "grace@navy.example\ngrace@home.example"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var candidate = await _factory.WithDbAsync(db => db.Candidates.Include(c => c.Emails).SingleAsync());
        Assert.Equal(2, candidate.Emails.Count);
        Assert.Equal(["dotnet", "remote"], candidate.Tags);
        Assert.Equal($"/Candidates/Details/{candidate.Id}", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Create_KnownEmail_WarnsAndOffersExistingRecord()
    {
        var existing = await _factory.CreateCandidateAsync("Ada", "Lovelace", "ada@example.com");
        var client = await _factory.SignedInClientAsync(AtsData.Recruiter);

        var response = await client.PostFormAsync("/Candidates/Create", CandidateForm("Ada", "King", "ADA@example.com "));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var doc = await HtmlForms.ParseAsync(response);
        var warning = doc.QuerySelector("[data-testid=duplicate-warning]")!;
        Assert.Contains("same email", warning.TextContent);
        Assert.Equal($"/Candidates/Details/{existing}", warning.QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal(1, await _factory.WithDbAsync(db => db.Candidates.CountAsync()));

        var confirmed = await client.PostFormAsync("/Candidates/Create", new Dictionary<string, string>(CandidateForm("Ada", "King", "ada@example.com")) { ["ConfirmDuplicate"] = "true" });
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
    }

    [Fact]
    public async Task Create_KnownLinkedInUrl_Warns()
    {
        await _factory.CreateCandidateAsync("Ada", "Lovelace", linkedIn: "https://www.linkedin.com/in/ada-lovelace/");
        var client = await _factory.SignedInClientAsync(AtsData.Recruiter);

        var response = await client.PostFormAsync("/Candidates/Create", CandidateForm("A.", "Lovelace", "a@example.com", "http://linkedin.com/in/Ada-Lovelace?trk=x"));

        Assert.Contains("same LinkedIn profile", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Create_InvalidEmail_ShowsWhatIsWrong()
    {
        var client = await _factory.SignedInClientAsync(AtsData.Recruiter);

        var missingName = await client.PostFormAsync("/Candidates/Create", CandidateForm("", "Hopper", "grace@example.com"));
        var badEmail = await client.PostFormAsync("/Candidates/Create", CandidateForm("Grace", "Hopper", "not-an-email"));

        Assert.Contains("The First name field is required.", await missingName.Content.ReadAsStringAsync());
        Assert.Contains("&#x27;not-an-email&#x27; is not a valid email address.", await badEmail.Content.ReadAsStringAsync());
        Assert.False(await _factory.WithDbAsync(db => db.Candidates.AnyAsync()));
    }

    [Fact]
    public async Task Edit_TwoPeopleEditingSameCandidate_SecondGetsConcurrencyMessage()
    {
        var candidateId = await _factory.CreateCandidateAsync("Ada", "Lovelace", "ada@example.com");
        var first = await _factory.SignedInClientAsync(AtsData.Recruiter);
        var second = await _factory.SignedInClientAsync(AtsData.Admin);
        var version = (await first.GetDocumentAsync($"/Candidates/Edit/{candidateId}")).QuerySelector("input[name='Input.Version']")!.GetAttribute("value")!;

        var saved = await first.PostFormAsync($"/Candidates/Edit/{candidateId}", new Dictionary<string, string>(CandidateForm("Ada", "Lovelace", "ada@example.com")) { ["Input.Version"] = version, ["Input.CurrentCompany"] = "First" });
        var conflict = await second.PostFormAsync($"/Candidates/Edit/{candidateId}", new Dictionary<string, string>(CandidateForm("Ada", "Lovelace", "ada@example.com")) { ["Input.Version"] = version, ["Input.CurrentCompany"] = "Second" });

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(HttpStatusCode.OK, conflict.StatusCode);
        var doc = await HtmlForms.ParseAsync(conflict);
        Assert.Contains("Someone else changed this record", doc.QuerySelector("[data-testid=form-errors]")!.TextContent);
        Assert.Equal("Second", doc.QuerySelector("input[name='Input.CurrentCompany']")!.GetAttribute("value"));
        Assert.Equal("First", await _factory.WithDbAsync(db => db.Candidates.Select(c => c.CurrentCompany).SingleAsync()));
    }

    [Fact]
    public async Task Index_SearchByEmailOrCompany_FindsCandidateAndPages()
    {
        for (var i = 0; i < 30; i++)
        {
            await _factory.CreateCandidateAsync("Person", $"N{i:00}", $"p{i}@bulk.example");
        }
        await _factory.CreateCandidateAsync("Grace", "Hopper", "grace@navy.example");
        var client = await _factory.SignedInClientAsync(AtsData.Recruiter);

        var byEmail = await client.GetDocumentAsync("/Candidates?q=NAVY.example");
        var byCompany = await client.GetDocumentAsync("/Candidates?q=analytical&p=2");

        Assert.Contains("Grace Hopper", Assert.Single(byEmail.QuerySelectorAll("[data-testid=candidates] tbody tr")).TextContent);
        Assert.Equal(6, byCompany.QuerySelectorAll("[data-testid=candidates] tbody tr").Length);
        Assert.Equal("Page 2 of 2", byCompany.QuerySelector("[data-testid=page]")!.TextContent);
    }

    [Fact]
    public async Task Index_SearchWordPrefixes_EveryWordMustMatch()
    {
        await _factory.CreateCandidateAsync("Jane", "Smith", "jane@contoso.com");
        await _factory.CreateCandidateAsync("Janet", "Smithers", "janet@fabrikam.example");
        await _factory.CreateCandidateAsync("John", "Smith", "john@fabrikam.example");
        var client = await _factory.SignedInClientAsync(AtsData.Recruiter);

        async Task<string[]> Names(string q) => (await client.GetDocumentAsync($"/Candidates?q={Uri.EscapeDataString(q)}"))
            .QuerySelectorAll("[data-testid=candidates] tbody tr a").Select(a => a.TextContent.Trim()).ToArray();

        // Search results come newest candidate first (no sort of every match); every word must match.
        Assert.Equal(["Janet Smithers", "Jane Smith"], await Names("jan smi"));
        Assert.Equal(["Jane Smith"], await Names("contoso"));
        Assert.Equal(["John Smith", "Janet Smithers"], await Names("fabrikam"));
        Assert.Equal(["John Smith"], await Names("John@Fabrikam.example"));
        Assert.Empty(await Names("john contoso"));
    }

    [Theory]
    [InlineData(AtsData.Recruiter)]
    [InlineData(AtsData.Admin)]
    public async Task Index_BroadSearch_CountsFromTheTermIndexAndPagesNewestFirst(string email)
    {
        var ids = new List<int>();
        for (var i = 0; i < 27; i++)
        {
            ids.Add(await _factory.CreateCandidateAsync("Sam" + (char)('a' + i), "Smith", $"sam{i}@smith-family.example"));
        }
        await _factory.CreateCandidateAsync("Jane", "Doe", "jane@doe.example");
        var client = await _factory.SignedInClientAsync(email);

        var first = await client.GetDocumentAsync("/Candidates?q=smith");
        var second = await client.GetDocumentAsync("/Candidates?q=smith&p=2");
        var twoWords = await client.GetDocumentAsync("/Candidates?q=smith+samb");

        Assert.Equal("27", first.QuerySelector("[data-testid=total]")!.TextContent); // one per candidate, though name and email both match
        Assert.Equal("Page 1 of 2", first.QuerySelector("[data-testid=page]")!.TextContent);
        var firstIds = first.QuerySelectorAll("[data-testid=candidates] tbody tr a").Select(a => a.GetAttribute("href")!).ToList();
        Assert.Equal(25, firstIds.Count);
        Assert.EndsWith("/" + ids[^1], firstIds[0], StringComparison.Ordinal);
        Assert.Equal(2, second.QuerySelectorAll("[data-testid=candidates] tbody tr").Length);
        Assert.EndsWith("/" + ids[0], second.QuerySelectorAll("[data-testid=candidates] tbody tr a").Last().GetAttribute("href")!, StringComparison.Ordinal);
        Assert.Equal("1", twoWords.QuerySelector("[data-testid=total]")!.TextContent);
        Assert.NotNull(first.QuerySelector("[data-testid=search-order]"));
    }

    [Fact]
    public async Task Index_SearchCount_SavesOnThisInstanceShowAtOnce()
    {
        var candidateId = await _factory.CreateCandidateAsync("Ada", "Smithson", "ada@one.example");
        var client = await _factory.SignedInClientAsync(AtsData.Recruiter);
        async Task<string> Total() => (await client.GetDocumentAsync("/Candidates?q=smithson")).QuerySelector("[data-testid=total]")!.TextContent;
        Assert.Equal("1", await Total());

        await _factory.CreateCandidateAsync("Bea", "Smithson", "bea@two.example");
        Assert.Equal("2", await Total()); // the shared count was dropped by the save, not kept for its ten seconds

        var version = (await client.GetDocumentAsync($"/Candidates/Edit/{candidateId}")).QuerySelector("input[name='Input.Version']")!.GetAttribute("value")!;
        var saved = await client.PostFormAsync($"/Candidates/Edit/{candidateId}",
            new Dictionary<string, string>(CandidateForm("Ada", "Lovelace", "ada@one.example")) { ["Input.Version"] = version });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal("1", await Total());
    }

    [Fact]
    public async Task Index_SearchAfterEdit_FindsNewNameNotOld()
    {
        var candidateId = await _factory.CreateCandidateAsync("Grace", "Brewster", "gmh@navy.example");
        var client = await _factory.SignedInClientAsync(AtsData.Recruiter);
        var version = (await client.GetDocumentAsync($"/Candidates/Edit/{candidateId}")).QuerySelector("input[name='Input.Version']")!.GetAttribute("value")!;

        var saved = await client.PostFormAsync($"/Candidates/Edit/{candidateId}",
            new Dictionary<string, string>(CandidateForm("Grace", "Hopper", "gmh@navy.example")) { ["Input.Version"] = version });

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Empty((await client.GetDocumentAsync("/Candidates?q=brewster")).QuerySelectorAll("[data-testid=candidates] tbody tr"));
        Assert.Contains("Grace Hopper", Assert.Single((await client.GetDocumentAsync("/Candidates?q=grace+hop")).QuerySelectorAll("[data-testid=candidates] tbody tr")).TextContent);
    }

    [Fact]
    public async Task Details_Tabs_ShowApplicationsHistoryAndLinkedInPlaceholder()
    {
        var jobId = await _factory.CreateJobAsync();
        var candidateId = await _factory.CreateCandidateAsync();
        await _factory.AddApplicationAsync(candidateId, jobId);
        var client = await _factory.SignedInClientAsync(AtsData.Recruiter);

        var applications = await client.GetDocumentAsync($"/Candidates/Details/{candidateId}?tab=applications");
        var linkedIn = await client.GetDocumentAsync($"/Candidates/Details/{candidateId}?tab=linkedin");
        var activity = await client.GetDocumentAsync($"/Candidates/Details/{candidateId}?tab=activity");

        Assert.Equal("Applied", applications.QuerySelector("[data-testid=current-stage]")!.TextContent);
        Assert.Contains("added in Applied", applications.QuerySelector("[data-testid=application] ol")!.TextContent);
        Assert.Contains("once an administrator connects LinkedIn", linkedIn.QuerySelector("[data-testid=linkedin-placeholder]")!.TextContent, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Added to the pipeline in Applied", activity.QuerySelector("[data-testid=activity]")!.TextContent);
    }

    [Fact]
    public async Task AddToJob_ChosenStage_CreatesApplicationInThatStage()
    {
        var jobId = await _factory.CreateJobAsync();
        var candidateId = await _factory.CreateCandidateAsync();
        var phone = await _factory.StageIdAsync(jobId, "Phone screen");
        var client = await _factory.SignedInClientAsync(AtsData.Recruiter);

        var response = await client.PostFormAsync($"/Candidates/Details/{candidateId}?tab=applications", new Dictionary<string, string> { ["stageId"] = phone.ToString() },
            $"/Candidates/Details/{candidateId}?handler=AddToJob");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var stage = await _factory.WithDbAsync(db => db.Applications.Where(a => a.CandidateId == candidateId).Select(a => a.Stage.Name).SingleAsync());
        Assert.Equal("Phone screen", stage);
    }

    [Fact]
    public async Task Merge_Page_MovesApplicationsAndRemovesDuplicate()
    {
        var jobId = await _factory.CreateJobAsync();
        var survivor = await _factory.CreateCandidateAsync("Ada", "Lovelace", "ada@example.com");
        var duplicate = await _factory.CreateCandidateAsync("Ada", "Lovelace", "ada.l@example.com");
        await _factory.AddApplicationAsync(duplicate, jobId, "Offer");
        var client = await _factory.SignedInClientAsync(AtsData.Recruiter);

        var response = await client.PostFormAsync($"/Candidates/Merge/{survivor}", new Dictionary<string, string> { ["duplicateId"] = duplicate.ToString() });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.False(await _factory.WithDbAsync(db => db.Candidates.AnyAsync(c => c.Id == duplicate)));
        Assert.Equal("Offer", await _factory.WithDbAsync(db => db.Applications.Where(a => a.CandidateId == survivor).Select(a => a.Stage.Name).SingleAsync()));
    }

    [Fact]
    public async Task Erase_Admin_RemovesCandidateKeepsApplication()
    {
        var jobId = await _factory.CreateJobAsync();
        var candidateId = await _factory.CreateCandidateAsync();
        var applicationId = await _factory.AddApplicationAsync(candidateId, jobId);
        var admin = await _factory.SignedInClientAsync(AtsData.Admin);

        var response = await admin.PostFormAsync($"/Candidates/Erase/{candidateId}", new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.False(await _factory.WithDbAsync(db => db.Candidates.AnyAsync()));
        Assert.Equal("Applied", (await _factory.ApplicationStateAsync(applicationId)).Stage);
        var pipeline = await admin.GetDocumentAsync($"/Jobs/Pipeline/{jobId}");
        Assert.Contains("Erased candidate", pipeline.QuerySelector("[data-testid=pipeline]")!.TextContent);
    }

    [Fact]
    public async Task Pools_BulkAddThenRemove_ChangesMembership()
    {
        var a = await _factory.CreateCandidateAsync("A", "One");
        var b = await _factory.CreateCandidateAsync("B", "Two");
        var client = await _factory.SignedInClientAsync(AtsData.Recruiter);
        var form = new FormUrlEncodedContent([
            new("poolId", TalentPool.LinkedInPoolId.ToString()), new("candidateIds", a.ToString()), new("candidateIds", b.ToString()),
            new("__RequestVerificationToken", (await client.GetDocumentAsync("/Candidates")).AntiforgeryToken())]);

        Assert.Equal(HttpStatusCode.Redirect, (await client.PostAsync("/Pools/Add", form)).StatusCode);
        Assert.Equal(2, await _factory.WithDbAsync(db => db.TalentPoolMembers.CountAsync(m => m.PoolId == TalentPool.LinkedInPoolId)));

        await client.PostFormAsync("/Pools/Details/1", new Dictionary<string, string> { ["candidateIds"] = a.ToString() }, "/Pools/Details/1?handler=Remove");
        Assert.Equal([b], await _factory.WithDbAsync(db => db.TalentPoolMembers.Select(m => m.CandidateId).ToListAsync()));
    }

    [Fact]
    public async Task Pools_AddOneFromProfile_ShowsMembershipOnProfile()
    {
        var candidateId = await _factory.CreateCandidateAsync();
        var client = await _factory.SignedInClientAsync(AtsData.Recruiter);

        var response = await client.PostFormAsync($"/Candidates/Details/{candidateId}",
            new Dictionary<string, string> { ["poolId"] = TalentPool.LinkedInPoolId.ToString(), ["candidateIds"] = candidateId.ToString(), ["returnToCandidate"] = "true" }, "/Pools/Add");

        Assert.Equal($"/Candidates/Details/{candidateId}", response.Headers.Location!.OriginalString);
        var profile = await client.GetDocumentAsync($"/Candidates/Details/{candidateId}");
        Assert.Contains("LinkedIn", profile.QuerySelector("[data-testid=pools] a")!.TextContent);
    }

    [Fact]
    public async Task Pools_RenameOrDeleteSystemPool_IsRefused()
    {
        var client = await _factory.SignedInClientAsync(AtsData.Admin);

        await client.PostFormAsync("/Pools/Details/1", new Dictionary<string, string> { ["Name"] = "Renamed" }, "/Pools/Details/1?handler=Rename");
        await client.PostFormAsync("/Pools/Details/1", new Dictionary<string, string>(), "/Pools/Details/1?handler=Delete");

        var pool = await _factory.WithDbAsync(db => db.TalentPools.SingleAsync(p => p.Id == TalentPool.LinkedInPoolId));
        Assert.Equal("LinkedIn", pool.Name);
        Assert.True(pool.IsSystem);
    }

    [Fact]
    public async Task Pools_CreateRenameDelete_UserPool()
    {
        var client = await _factory.SignedInClientAsync(AtsData.Recruiter);

        var created = await client.PostFormAsync("/Pools", new Dictionary<string, string> { ["Input.Name"] = "Silver medalists" });
        var id = await _factory.WithDbAsync(db => db.TalentPools.Where(p => p.Name == "Silver medalists").Select(p => p.Id).SingleAsync());
        await client.PostFormAsync($"/Pools/Details/{id}", new Dictionary<string, string> { ["Name"] = "Finalists" }, $"/Pools/Details/{id}?handler=Rename");
        Assert.Equal("Finalists", await _factory.WithDbAsync(db => db.TalentPools.Where(p => p.Id == id).Select(p => p.Name).SingleAsync()));
        await client.PostFormAsync($"/Pools/Details/{id}", new Dictionary<string, string>(), $"/Pools/Details/{id}?handler=Delete");

        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.False(await _factory.WithDbAsync(db => db.TalentPools.AnyAsync(p => p.Id == id)));
    }
}

public sealed class CandidatePagesSqliteTests() : CandidatePagesTests(DatabaseProvider.Sqlite);

public sealed class CandidatePagesPostgreSqlTests() : CandidatePagesTests(DatabaseProvider.PostgreSql);
