using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Attract.Core.LinkedIn;
using Attract.IntegrationTests.Infrastructure;
using Attract.IntegrationTests.Integrations.LinkedIn.Pulls;
using LinkedIn.Recruiter;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Attract.IntegrationTests.Integrations.LinkedIn.Profile;

public class LinkedInTabTests
{
    private const string ColleagueBody = "COLLEAGUE-SECRET-BODY offer details";
    private const string OwnBody = "Own InMail body about the platform team";

    /// <summary>A candidate matched to a member, an InMail from the recruiter's seat and one from the hiring manager's, pulled.</summary>
    private static async Task<(int CandidateId, JsonNode Member)> SeedHistoryAsync(SimulatedLinkedIn linkedIn, int index)
    {
        var member = (await linkedIn.MembersAsync())[index]!;
        await linkedIn.MapUserAsync("recruiter@contoso.test", SimulatedLinkedIn.RecruiterSeat, "urn:li:person:rC7kLm", "Riley Recruiter");
        await linkedIn.MapUserAsync("hiring.manager@contoso.test", SimulatedLinkedIn.HiringManagerSeat, "urn:li:person:hM4nPq", "Harper Manager");
        var candidateId = await linkedIn.Factory.CreateCandidateAsync(member["firstName"]!.ToString(), member["lastName"]!.ToString(), email: $"tab{index}@example.com");
        await linkedIn.WithDbAsync(async db =>
        {
            (await db.Candidates.SingleAsync(c => c.Id == candidateId)).LinkedInPersonUrn = member["urn"]!.ToString();
            return await db.SaveChangesAsync();
        });
        await linkedIn.SendInMailAsync(SimulatedLinkedIn.RecruiterSeat, member["id"]!.ToString(), "Platform team", OwnBody, respond: "reply");
        await linkedIn.SendInMailAsync(SimulatedLinkedIn.HiringManagerSeat, member["id"]!.ToString(), "Private subject", ColleagueBody);
        await linkedIn.AddNoteAsync(SimulatedLinkedIn.HiringManagerSeat, member["id"]!.ToString(), "Public note from Harper");
        await linkedIn.AddNoteAsync(SimulatedLinkedIn.HiringManagerSeat, member["id"]!.ToString(), "PRIVATE-NOTE of Harper", "PRIVATE");
        var result = await linkedIn.SyncNowAsync();
        Assert.Equal(0, result.Errors);
        return (candidateId, member);
    }

    [Fact]
    public async Task LinkedInTab_ContractLevel_ShowsOwnInMailsAndColleaguesWithoutTheirBodies()
    {
        using var linkedIn = await SimulatedLinkedIn.CreateAsync();
        var (candidateId, _) = await SeedHistoryAsync(linkedIn, 21);
        var client = await linkedIn.Factory.SignedInClientAsync("recruiter@contoso.test");

        var html = await client.GetStringAsync($"/Candidates/Details/{candidateId}?tab=linkedin");

        Assert.Contains(OwnBody, html, StringComparison.Ordinal);
        Assert.Contains("Platform team", html, StringComparison.Ordinal);
        Assert.Contains("Happy to talk.", html, StringComparison.Ordinal);
        Assert.Contains("Harper Manager", html, StringComparison.Ordinal);
        Assert.Contains(DateTime.UtcNow.ToString("yyyy-MM-dd"), html, StringComparison.Ordinal);
        Assert.DoesNotContain("COLLEAGUE-SECRET-BODY", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Private subject", html, StringComparison.Ordinal);
        Assert.Contains("Public note from Harper", html, StringComparison.Ordinal);
        Assert.DoesNotContain("PRIVATE-NOTE of Harper", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"linkedin-widget\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LinkedInTab_OwnerOfPrivateNote_SeesIt()
    {
        using var linkedIn = await SimulatedLinkedIn.CreateAsync();
        var (candidateId, _) = await SeedHistoryAsync(linkedIn, 22);
        var client = await linkedIn.Factory.SignedInClientAsync("hiring.manager@contoso.test");
        var jobId = await linkedIn.Factory.CreateJobAsync();
        await linkedIn.Factory.AddApplicationAsync(candidateId, jobId);

        var html = await client.GetStringAsync($"/Candidates/Details/{candidateId}?tab=linkedin");

        Assert.Contains("PRIVATE-NOTE of Harper", html, StringComparison.Ordinal);
        Assert.Contains(ColleagueBody, html, StringComparison.Ordinal);
        Assert.DoesNotContain(OwnBody, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LinkedInTab_CompanyLevel_RendersNoInMailOrNotesAndSaysWhy()
    {
        using var linkedIn = await SimulatedLinkedIn.CreateAsync();
        var (candidateId, _) = await SeedHistoryAsync(linkedIn, 23);
        await linkedIn.WithDbAsync(async db =>
        {
            (await db.Set<LinkedInConnection>().SingleAsync()).ContractLevelEnabled = false;
            return await db.SaveChangesAsync();
        });
        var client = await linkedIn.Factory.SignedInClientAsync("recruiter@contoso.test");

        var html = await client.GetStringAsync($"/Candidates/Details/{candidateId}?tab=linkedin");

        Assert.DoesNotContain(OwnBody, html, StringComparison.Ordinal);
        Assert.DoesNotContain("Public note from Harper", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Harper Manager", html, StringComparison.Ordinal);
        Assert.Contains("Contract-level access is not enabled by your LinkedIn admin", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"linkedin-widget\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LinkedInTab_UserWithoutSeat_AsksToConnectLinkedIn()
    {
        using var linkedIn = await SimulatedLinkedIn.CreateAsync();
        var candidateId = await linkedIn.Factory.CreateCandidateAsync("No", "Seat");
        var client = await linkedIn.Factory.SignedInClientAsync("admin@contoso.test");

        var html = await client.GetStringAsync($"/Candidates/Details/{candidateId}?tab=linkedin");

        Assert.Contains("Connect your LinkedIn account under User settings", System.Net.WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"inmail-history\"", html, StringComparison.Ordinal);
    }

    private static async Task<HttpResponseMessage> PostLinkAsync(HttpClient client, int candidateId, string handler, string? urn, bool withToken = true)
    {
        var page = await client.GetDocumentAsync($"/Candidates/Details/{candidateId}?tab=linkedin");
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/Candidates/LinkedIn/Link/{candidateId}?handler={handler}")
        {
            Content = new FormUrlEncodedContent(urn is null ? [] : [new("personUrn", urn)]),
        };
        if (withToken)
        {
            request.Headers.Add("RequestVerificationToken", page.AntiforgeryToken());
        }
        return await client.SendAsync(request);
    }

    [Fact]
    public async Task Link_ValidUrn_StoresItAndSetsManualMatchOnLinkedIn()
    {
        using var linkedIn = await SimulatedLinkedIn.CreateAsync();
        var member = (await linkedIn.MembersAsync())[24]!;
        var candidateId = await linkedIn.Factory.CreateCandidateAsync("Link", "Me");
        await linkedIn.SyncCandidateAsync(candidateId, "Link", "Me");
        var client = await linkedIn.Factory.SignedInClientAsync("recruiter@contoso.test");
        var urn = member["urn"]!.ToString();

        var response = await PostLinkAsync(client, candidateId, "Link", urn);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(urn, (await response.Content.ReadFromJsonAsync<JsonObject>())!["personUrn"]!.ToString());
        Assert.Equal(urn, await linkedIn.WithDbAsync(db => db.Candidates.Where(c => c.Id == candidateId).Select(c => c.LinkedInPersonUrn).SingleAsync()));
        Assert.Equal(urn, await ManualMatchAsync(linkedIn, candidateId));

        var unlinked = await PostLinkAsync(client, candidateId, "Unlink", null);

        Assert.Equal(HttpStatusCode.OK, unlinked.StatusCode);
        Assert.Null(await linkedIn.WithDbAsync(db => db.Candidates.Where(c => c.Id == candidateId).Select(c => c.LinkedInPersonUrn).SingleAsync()));
        Assert.Null(await ManualMatchAsync(linkedIn, candidateId));
    }

    private static async Task<string?> ManualMatchAsync(SimulatedLinkedIn linkedIn, int candidateId)
    {
        var client = linkedIn.Factory.Services.GetRequiredService<ILinkedInSyncClient>();
        var key = new AtsCandidateKey(SimulatedLinkedIn.Organization, candidateId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var found = await client.GetCandidatesAsync(linkedIn.ChildApp, [key]);
        return Assert.Single(found.Found).Value.ManualMatchedMember;
    }

    [Theory]
    [InlineData("not-a-urn")]
    [InlineData("urn:li:organization:1001")]
    [InlineData("urn:li:person:<script>")]
    public async Task Link_InvalidUrn_ReturnsProblemDetailsAndStoresNothing(string urn)
    {
        using var linkedIn = await SimulatedLinkedIn.CreateAsync();
        var candidateId = await linkedIn.Factory.CreateCandidateAsync("Bad", "Input");
        var client = await linkedIn.Factory.SignedInClientAsync("recruiter@contoso.test");

        var response = await PostLinkAsync(client, candidateId, "Link", urn);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Null(await linkedIn.WithDbAsync(db => db.Candidates.Where(c => c.Id == candidateId).Select(c => c.LinkedInPersonUrn).SingleAsync()));
    }

    [Fact]
    public async Task Link_WithoutAntiforgeryToken_IsRejected()
    {
        using var linkedIn = await SimulatedLinkedIn.CreateAsync();
        var candidateId = await linkedIn.Factory.CreateCandidateAsync("No", "Token");
        var client = await linkedIn.Factory.SignedInClientAsync("recruiter@contoso.test");

        var response = await PostLinkAsync(client, candidateId, "Link", "urn:li:person:abc123", withToken: false);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(await linkedIn.WithDbAsync(db => db.Candidates.Where(c => c.Id == candidateId).Select(c => c.LinkedInPersonUrn).SingleAsync()));
    }

    [Fact]
    public async Task Link_Interviewer_IsForbidden()
    {
        using var linkedIn = await SimulatedLinkedIn.CreateAsync();
        var candidateId = await linkedIn.Factory.CreateCandidateAsync("Not", "Allowed");
        var client = await linkedIn.Factory.SignedInClientAsync("interviewer@contoso.test");

        var response = await client.PostAsync($"/Candidates/LinkedIn/Link/{candidateId}?handler=Link", new FormUrlEncodedContent([new("personUrn", "urn:li:person:abc123")]));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Null(await linkedIn.WithDbAsync(db => db.Candidates.Where(c => c.Id == candidateId).Select(c => c.LinkedInPersonUrn).SingleAsync()));
    }
}
