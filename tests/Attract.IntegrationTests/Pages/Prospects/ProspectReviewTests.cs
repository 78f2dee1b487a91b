using System.Net;
using Attract.Core.Pipeline;
using Attract.IntegrationTests.Infrastructure;

namespace Attract.IntegrationTests.Pages.Prospects;

public class ProspectReviewTests : IDisposable
{
    private readonly AttractFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task Review_HiringManager_SeesProspectsOfTheirJobsWithSourceAndSummary()
    {
        var mine = await _factory.CreateJobAsync("Mine");
        var other = await _factory.CreateJobAsync("Other", standardTeam: false);
        await _factory.AddApplicationAsync(await _factory.CreateCandidateAsync("Pat", "Prospect"), mine, "Prospect");
        await _factory.AddApplicationAsync(await _factory.CreateCandidateAsync("Oscar", "Other"), other, "Prospect");
        await _factory.AddApplicationAsync(await _factory.CreateCandidateAsync("Ava", "Applied"), mine, "Applied");
        var client = await _factory.SignedInClientAsync(AtsData.Manager);

        var page = await client.GetDocumentAsync("/Prospects");
        var home = await client.GetDocumentAsync("/");

        var row = Assert.Single(page.QuerySelectorAll("[data-testid=prospect]"));
        Assert.Contains("Pat Prospect", row.TextContent);
        Assert.Contains("LinkedIn", row.TextContent);
        Assert.Contains("Pat builds engines.", row.TextContent);
        Assert.Equal("1", home.QuerySelector("[data-testid=waiting-prospects]")!.TextContent);
    }

    [Fact]
    public async Task Review_BulkAdvanceAndReject_MovesSelected()
    {
        var jobId = await _factory.CreateJobAsync();
        var a = await _factory.AddApplicationAsync(await _factory.CreateCandidateAsync("A", "One"), jobId, "Prospect");
        var b = await _factory.AddApplicationAsync(await _factory.CreateCandidateAsync("B", "Two"), jobId, "Prospect");
        var c = await _factory.AddApplicationAsync(await _factory.CreateCandidateAsync("C", "Three"), jobId, "Prospect");
        var client = await _factory.SignedInClientAsync(AtsData.Manager);
        var token = (await client.GetDocumentAsync("/Prospects")).AntiforgeryToken();

        var advanced = await client.PostAsync("/Prospects?handler=Advance", new FormUrlEncodedContent([new("applicationIds", a.ToString()), new("applicationIds", b.ToString()), new("__RequestVerificationToken", token)]));
        var rejected = await client.PostAsync("/Prospects?handler=Reject", new FormUrlEncodedContent([new("applicationIds", c.ToString()), new("reason", "Not enough experience"), new("__RequestVerificationToken", token)]));

        Assert.Equal(HttpStatusCode.Redirect, advanced.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, rejected.StatusCode);
        Assert.Equal(("Applied", ApplicationStatus.Active), await _factory.ApplicationStateAsync(a));
        Assert.Equal(("Applied", ApplicationStatus.Active), await _factory.ApplicationStateAsync(b));
        Assert.Equal(("Prospect", ApplicationStatus.Rejected), await _factory.ApplicationStateAsync(c));
        Assert.NotNull((await client.GetDocumentAsync("/Prospects")).QuerySelector("[data-testid=no-prospects]"));
    }

    [Fact]
    public async Task Review_RejectWithoutReason_ChangesNothing()
    {
        var jobId = await _factory.CreateJobAsync();
        var a = await _factory.AddApplicationAsync(await _factory.CreateCandidateAsync(), jobId, "Prospect");
        var client = await _factory.SignedInClientAsync(AtsData.Manager);

        await client.PostFormAsync("/Prospects", new Dictionary<string, string> { ["applicationIds"] = a.ToString(), ["reason"] = "" }, "/Prospects?handler=Reject");

        Assert.Equal(("Prospect", ApplicationStatus.Active), await _factory.ApplicationStateAsync(a));
        Assert.Contains("Choose a reason", (await client.GetDocumentAsync("/Prospects")).QuerySelector("[data-testid=error-message]")!.TextContent);
    }

    [Fact]
    public async Task Review_ApplicationOfAnotherManagersJob_Returns404()
    {
        var other = await _factory.CreateJobAsync("Other", standardTeam: false);
        var a = await _factory.AddApplicationAsync(await _factory.CreateCandidateAsync(), other, "Prospect");
        var client = await _factory.SignedInClientAsync(AtsData.Manager);

        var response = await client.PostFormAsync("/Prospects", new Dictionary<string, string> { ["applicationIds"] = a.ToString() }, "/Prospects?handler=Advance");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(("Prospect", ApplicationStatus.Active), await _factory.ApplicationStateAsync(a));
    }
}
