using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Attract.BrowserTests.Infrastructure;
using Attract.Core.Candidates;
using Attract.Core.LinkedIn;
using Attract.Web.Integrations.LinkedIn;
using LinkedIn.Recruiter;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Attract.BrowserTests.LinkedIn.Tab;

/// <summary>Set-up helpers for the LinkedIn tab scenarios (simulator members, seat mapping, candidate sync).</summary>
internal static class LinkedInTabData
{
    public const string RecruiterSeat = "urn:li:seat:9002";
    public const string HiringManagerSeat = "urn:li:seat:9003";

    public static async Task<JsonArray> MembersAsync(this KestrelAttractFactory app, int count = 60)
    {
        using var http = new HttpClient();
        return (JsonNode.Parse(await http.GetStringAsync($"{app.SimulatorUrl()}/_sim/members?count={count}")) as JsonArray)!;
    }

    public static async Task SimPostAsync(this KestrelAttractFactory app, string path, object body)
    {
        using var http = new HttpClient();
        (await http.PostAsJsonAsync(app.SimulatorUrl() + path, body)).EnsureSuccessStatusCode();
    }

    public static Task MapUserAsync(this KestrelAttractFactory app, string email, string seat, string personUrn, string name) =>
        app.WithDbAsync(async db =>
        {
            var userId = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
            db.Add(new LinkedInUserLink { UserId = userId, PersonUrn = personUrn, LinkedInName = name, SeatUrn = seat, ContractUrn = LinkedInScenario.GlobalContract, ConnectedAtUtc = DateTime.UtcNow });
            return await db.SaveChangesAsync();
        });

    public static Task<int> CreateCandidateAsync(this KestrelAttractFactory app, string first, string last, string? email, string? personUrn = null) =>
        app.WithDbAsync(async db =>
        {
            var candidate = new Candidate { CreatedAtUtc = DateTime.UtcNow, UpdatedAtUtc = DateTime.UtcNow, LinkedInPersonUrn = personUrn };
            candidate.SetName(first, last);
            if (email is not null)
            {
                candidate.SetEmails([email]);
            }
            db.Candidates.Add(candidate);
            await db.SaveChangesAsync();
            return candidate.Id;
        });

    public static Task<string?> PersonUrnAsync(this KestrelAttractFactory app, int candidateId) =>
        app.WithDbAsync(db => db.Candidates.Where(c => c.Id == candidateId).Select(c => c.LinkedInPersonUrn).SingleAsync());

    /// <summary>Sends the candidate to LinkedIn as the outbox sync would, so the profile widget knows them.</summary>
    public static async Task SyncCandidateAsync(this KestrelAttractFactory app, int candidateId, string first, string last, string? email)
    {
        using var scope = app.Services.CreateScope();
        var connector = scope.ServiceProvider.GetRequiredService<LinkedInConnector>();
        var child = connector.ChildApp(await connector.GetConnectionAsync())!;
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var key = new AtsCandidateKey(LinkedInScenario.Organization, candidateId.ToString(CultureInfo.InvariantCulture));
        var result = await scope.ServiceProvider.GetRequiredService<ILinkedInSyncClient>().UpsertCandidatesAsync(child,
            [new(key, new AtsCandidate { FirstName = first, LastName = last, EmailAddresses = email is null ? [] : [email], AtsCreatedAt = now, AtsLastModifiedAt = now })]);
        Assert.True(result.AllSucceeded);
    }

    /// <summary>Signs in on the simulator's LinkedIn screen (its session cookie also serves the widget iframes).</summary>
    public static async Task SignInToLinkedInAsync(this IPage page, KestrelAttractFactory app, string email)
    {
        await page.GotoAsync(app.SimulatorUrl() + "/login");
        await page.Locator("#email").FillAsync(email);
        await page.Locator("#password").FillAsync("Passw0rd!");
        await page.Locator("#sign-in").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/recruiter/search"));
    }
}
