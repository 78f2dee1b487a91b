using System.Net;
using Attract.IntegrationTests.Infrastructure;

namespace Attract.IntegrationTests.Security;

public class ActivityLogTests : IDisposable
{
    private readonly AttractFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task ActivityLog_Admin_ShowsWhoDidWhat()
    {
        var recruiter = await _factory.SignedInClientAsync(AtsData.Recruiter);
        await recruiter.PostFormAsync("/Jobs/Create", new Dictionary<string, string>
        {
            ["Input.Title"] = "Audited Job",
            ["Input.Description"] = "d",
            ["Input.City"] = "Oslo",
            ["Input.Country"] = "Norway",
            ["Input.Department"] = "Finance",
            ["Input.EmploymentType"] = "0",
            ["Input.Version"] = Guid.Empty.ToString(),
        });
        var admin = await _factory.SignedInClientAsync(AtsData.Admin);

        var log = await admin.GetDocumentAsync("/Admin/Activity?type=Job");

        var row = Assert.Single(log.QuerySelectorAll("[data-testid=activity] tbody tr"));
        Assert.Contains("Riley Recruiter", row.TextContent);
        Assert.Contains("Job #1 Created", row.TextContent);
    }

    [Theory]
    [InlineData(AtsData.Recruiter)]
    [InlineData(AtsData.Manager)]
    [InlineData(AtsData.Interviewer)]
    public async Task ActivityLog_NonAdmin_Returns403(string email)
    {
        var client = await _factory.SignedInClientAsync(email);

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/Admin/Activity")).StatusCode);
    }
}
