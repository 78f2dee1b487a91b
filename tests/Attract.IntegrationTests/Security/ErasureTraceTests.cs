using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Attract.Core.Feedback;
using Attract.Core.LinkedIn;
using Attract.Core.Pools;
using Attract.IntegrationTests.Infrastructure;
using Attract.IntegrationTests.Integrations.LinkedIn.Pulls;
using Attract.Web.Infrastructure;
using Attract.Web.Integrations.LinkedIn.Export;
using Attract.Web.Integrations.LinkedIn.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Attract.IntegrationTests.Security;

/// <summary>
/// GDPR erasure end to end, against the LinkedIn simulator over real HTTP: a candidate who came in through InMail (stub
/// profile) and a 1-click export, with Recruiter notes, emails, a phone, two applications (one rejected with a free-text
/// reason that names them), notes, a scorecard, pool memberships, search terms, activity and outbox rows, a purged-export
/// flag and a sync error is erased by the admin; then every column of every table of the database is searched for their
/// name, emails, phone, member URN and profile URL. Later pulls and exports of the same member are suppressed until the
/// admin lifts the suppression.
/// </summary>
public sealed class ErasureTraceTests(ITestOutputHelper output)
{
    private const string Phone = "+49 170 5550199";

    /// <summary>The person the test erases, as LinkedIn and Attract know them.</summary>
    private sealed record Person(string MemberId, string Urn, string First, string Last, string Email, string PrivateEmail)
    {
        public int CandidateId { get; set; }
        public string ProfileUrl { get; set; } = "";
        public int Job { get; set; }
        public int SecondJob { get; set; }
        public int FirstApp { get; set; }
        public int SecondApp { get; set; }

        /// <summary>Lower-case names too (search terms, tags), unless a name could be read as hex (hashes are hex).</summary>
        public string[] Needles() => [First, Last, $"{First} {Last}", Email, Email.ToLowerInvariant(), PrivateEmail, Phone, Urn, ProfileUrl,
            Core.Candidates.Candidate.NormalizeLinkedInUrl(ProfileUrl)!,
            .. new[] { First, Last }.Select(n => n.ToLowerInvariant()).Where(n => !n.All(Uri.IsHexDigit))];
    }

    [Fact]
    public async Task Erase_CandidateWithEverything_LeavesNoTraceInAnyTable_AndPullsAndExportsStaySuppressedUntilLifted()
    {
        using var linkedIn = await SimulatedLinkedIn.CreateAsync();
        var factory = linkedIn.Factory;
        var person = await ArriveFromLinkedInAsync(linkedIn);
        var admin = await factory.SignedInClientAsync(AtsData.Admin);
        await FillAttractAsync(factory, admin, person);
        var needles = person.Needles();
        var before = Scan(factory, needles);
        // the scan does find the person wherever they are, before the erasure
        string[] holding = ["Candidates", "CandidateEmails", "CandidateSearchTerms", "Applications", "StageMoves", "Notes", "Scorecards",
            "AuditEntries", "LinkedInInMail", "LinkedInProspectNote", "LinkedInNotification", "LinkedInPurgedExport", "LinkedInSyncError"];
        Assert.Empty(holding.Except(before.Found.Select(f => f.Table)));
        Assert.True(await factory.WithDbAsync(db => db.TalentPoolMembers.CountAsync(m => m.CandidateId == person.CandidateId)) >= 2);
        Assert.True(await factory.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.CandidateId == person.CandidateId)) > 0);

        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync($"/Candidates/Erase/{person.CandidateId}", new Dictionary<string, string>())).StatusCode);

        var after = Scan(factory, needles);
        output.WriteLine($"Before erasure the person was found in {before.Found.Count} columns of {before.Found.Select(f => f.Table).Distinct().Count()} tables; "
            + $"after it, {after.Found.Count} in {after.Tables} tables ({after.Columns} columns) scanned.");
        Assert.True(after.Found.Count == 0, "Left after erasure: " + string.Join(", ", after.Found.Select(f => $"{f.Table}.{f.Column} ({f.Needle})")));
        Assert.Empty(EntityTablesMissingFrom(factory, after.TableNames));
        Assert.Equal(2, await factory.WithDbAsync(db => db.Applications.CountAsync(a => (a.Id == person.FirstApp || a.Id == person.SecondApp) && a.CandidateId == null)));
        Assert.Equal("Other", await factory.WithDbAsync(db => db.Applications.Where(a => a.Id == person.SecondApp).Select(a => a.RejectionReason).SingleAsync()));
        Assert.Equal(0, await factory.WithDbAsync(db => db.TalentPoolMembers.CountAsync(m => m.CandidateId == person.CandidateId)));

        // Only keyed hashes remain, under the app's protected key (a plain SHA-256 of the email appears nowhere).
        var hasher = await factory.Services.GetRequiredService<ErasureSuppressionKeyring>().GetHasherAsync();
        var stored = await factory.WithDbAsync(db => db.ErasureSuppressions.Select(s => s.Hash).ToListAsync());
        Assert.Equal(hasher.HashesOf(person.Urn, [person.Email, person.PrivateEmail], person.ProfileUrl).Select(h => h.Hash).Order(), stored.Order());
        var plain = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(person.Email.ToLowerInvariant())));
        Assert.DoesNotContain(plain, factory.Snapshot(), StringComparison.OrdinalIgnoreCase);

        await AssertSuppressedUntilLiftedAsync(linkedIn, admin, person);
    }

    /// <summary>
    /// LinkedIn: a member unknown to the demo data sends back an accepted InMail with the profile shared (stub candidate),
    /// gets a Recruiter note, then a 1-click export to the first of two jobs.
    /// </summary>
    private static async Task<Person> ArriveFromLinkedInAsync(SimulatedLinkedIn linkedIn)
    {
        var factory = linkedIn.Factory;
        var baseline = factory.Snapshot();
        var member = (await linkedIn.MembersAsync(60)).Select(m => m!.AsObject())
            .First(m => m["firstName"]!.ToString().Length >= 4 && m["lastName"]!.ToString().Length >= 4 && m["email"] is not null
                && !baseline.Contains(m["firstName"]!.ToString(), StringComparison.Ordinal) && !baseline.Contains(m["lastName"]!.ToString(), StringComparison.Ordinal));
        var (first, last) = (member["firstName"]!.ToString(), member["lastName"]!.ToString());
        var person = new Person(member["id"]!.ToString(), member["urn"]!.ToString(), first, last, member["email"]!.ToString(),
            $"{first}.{last}.private@example.org".ToLowerInvariant());
        await linkedIn.MapUserAsync(AtsData.Recruiter, SimulatedLinkedIn.RecruiterSeat, "urn:li:person:riley-seat", "Riley Recruiter");
        person.Job = await factory.CreateJobAsync("Erasure trace job");
        person.SecondJob = await factory.CreateJobAsync("Second trace job");
        await PostJobsToLinkedInAsync(linkedIn);

        await linkedIn.SendInMailAsync(SimulatedLinkedIn.RecruiterSeat, person.MemberId, $"A role for {first}", $"Hello {first} {last}, are you open to talk?", respond: "accept", share: true);
        await linkedIn.AddNoteAsync(SimulatedLinkedIn.RecruiterSeat, person.MemberId, $"{first} {last} knows Rust; reach them at {person.Email}");
        Assert.Equal(0, (await linkedIn.SyncNowAsync()).Errors);
        person.CandidateId = await factory.WithDbAsync(db => db.Candidates.Where(c => c.LinkedInPersonUrn == person.Urn).Select(c => c.Id).SingleAsync());
        var export = await ExportAsync(linkedIn, person.MemberId, await JobCodeAsync(factory, person.Job));
        Assert.Equal(LinkedInNotificationStatus.Processed, export.Status);
        Assert.Equal(person.CandidateId, export.CandidateId);
        person.ProfileUrl = await factory.WithDbAsync(db => db.Candidates.Where(c => c.Id == person.CandidateId).Select(c => c.LinkedInProfileUrl).SingleAsync())
            ?? throw new InvalidOperationException("The export left no profile URL.");
        return person;
    }

    /// <summary>
    /// Attract: contact data, a second application rejected with free text, notes, feedback, pools, a purged flag, a sync error.
    /// </summary>
    private static async Task FillAttractAsync(AttractFactory factory, HttpClient admin, Person person)
    {
        var (first, last, candidateId) = (person.First, person.Last, person.CandidateId);
        await factory.WithDbAsync(async db =>
        {
            var c = await db.Candidates.Include(x => x.Emails).SingleAsync(x => x.Id == candidateId);
            c.SetEmails([.. c.Emails.Select(e => e.Address), person.PrivateEmail]);
            c.Phones = [Phone];
            c.Tags = ["rust", first.ToLowerInvariant()];
            c.Summary = $"{first} {last} builds compilers.";
            var pool = TalentPool.Create("Trace pool", null, null, DateTime.UtcNow);
            pool.Members.Add(new TalentPoolMember { Candidate = c, AddedAtUtc = DateTime.UtcNow });
            db.TalentPools.Add(pool);
            db.Add(new LinkedInPurgedExport { PersonUrn = person.Urn, PurgedAtUtc = DateTime.UtcNow, CandidateId = candidateId });
            db.Add(new LinkedInSyncError { EntityType = "Candidate", EntityId = candidateId, Message = $"Invalid email {person.Email}", OccurredAtUtc = DateTime.UtcNow, Attempts = 1 });
            return await db.SaveChangesAsync();
        });
        person.FirstApp = await factory.WithDbAsync(db => db.Applications.Where(a => a.CandidateId == candidateId && a.JobId == person.Job).Select(a => a.Id).SingleAsync());
        person.SecondApp = await factory.AddApplicationAsync(candidateId, person.SecondJob, "Phone screen");
        var interviewer = await factory.SignedInClientAsync(AtsData.Interviewer);
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync($"/Applications/Details/{person.SecondApp}",
            new Dictionary<string, string> { ["reason"] = $"{first} asked for twice the budget" }, $"/Applications/Details/{person.SecondApp}?handler=Reject")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync($"/Candidates/Details/{candidateId}?tab=notes",
            new Dictionary<string, string> { ["NoteBody"] = $"Call {first} on {Phone}" }, $"/Candidates/Details/{candidateId}?handler=AddNote")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync($"/Candidates/Details/{candidateId}?tab=notes",
            new Dictionary<string, string> { ["NoteBody"] = $"{last} prefers remote", ["applicationId"] = person.FirstApp.ToString() }, $"/Candidates/Details/{candidateId}?handler=AddNote")).StatusCode);
        var feedback = new Dictionary<string, string> { ["Input.InterviewType"] = nameof(InterviewType.PhoneScreen), ["Input.Recommendation"] = nameof(Recommendation.Yes), ["Input.Comments"] = $"{first} {last} did well" };
        for (var i = 0; i < Scorecard.DefaultAttributes.Count; i++)
        {
            feedback[$"Input.Ratings[{i}]"] = "3";
        }
        Assert.Equal(HttpStatusCode.Redirect, (await interviewer.PostFormAsync($"/Feedback/Create/{person.FirstApp}", feedback)).StatusCode);
    }

    /// <summary>
    /// Later pulls (old InMails in the overlap, a new InMail accepted with sharing, a new note) and a new export skip the
    /// person; the admin sees the entry without personal data and lifts it, and the person may come back.
    /// </summary>
    private static async Task AssertSuppressedUntilLiftedAsync(SimulatedLinkedIn linkedIn, HttpClient admin, Person person)
    {
        var factory = linkedIn.Factory;
        var needles = person.Needles();
        await linkedIn.SendInMailAsync(SimulatedLinkedIn.RecruiterSeat, person.MemberId, "Still interested?", $"Hi {person.First}", respond: "accept", share: true);
        await linkedIn.AddNoteAsync(SimulatedLinkedIn.RecruiterSeat, person.MemberId, $"{person.First} again");
        await RewindCursorsAsync(linkedIn);
        Assert.Equal(0, (await linkedIn.SyncNowAsync()).Errors);
        var refused = await ExportAsync(linkedIn, person.MemberId, await JobCodeAsync(factory, person.Job));
        Assert.Equal(LinkedInNotificationStatus.Refused, refused.Status);
        Assert.Equal(LinkedInExportProcessor.SuppressedReason, refused.Outcome);
        Assert.Null(refused.PersonUrn);
        var again = Scan(factory, needles);
        Assert.True(again.Found.Count == 0, "Re-created after erasure: " + string.Join(", ", again.Found.Select(f => $"{f.Table}.{f.Column} ({f.Needle})")));

        var list = await admin.GetStringAsync("/Admin/Suppressions");
        Assert.Single((await HtmlForms.ParseAsync(await admin.GetAsync("/Admin/Suppressions"))).QuerySelectorAll("[data-testid=suppression]"));
        Assert.DoesNotContain(needles, n => list.Contains(n, StringComparison.OrdinalIgnoreCase));
        var liftAction = (await HtmlForms.ParseAsync(await admin.GetAsync("/Admin/Suppressions"))).QuerySelector("[data-testid=suppression] form")!.GetAttribute("action")!;
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync("/Admin/Suppressions", new Dictionary<string, string>(), liftAction)).StatusCode);
        Assert.Equal(0, await factory.WithDbAsync(db => db.ErasureSuppressions.CountAsync()));
        await RewindCursorsAsync(linkedIn);
        Assert.Equal(0, (await linkedIn.SyncNowAsync()).Errors);
        Assert.True(await factory.WithDbAsync(db => db.Set<LinkedInInMail>().CountAsync(m => m.ProspectUrn == person.Urn)) > 0);
        var back = await factory.WithDbAsync(db => db.Candidates.Where(c => c.LinkedInPersonUrn == person.Urn).Select(c => c.Id).SingleAsync());
        var accepted = await ExportAsync(linkedIn, person.MemberId, await JobCodeAsync(factory, person.Job));
        Assert.Equal(LinkedInNotificationStatus.Processed, accepted.Status);
        Assert.Equal(back, accepted.CandidateId);
    }

    private sealed record Hit(string Table, string Column, string Needle);

    private sealed record ScanResult(int Tables, int Columns, IReadOnlyList<string> TableNames, IReadOnlyList<Hit> Found);

    /// <summary>Searches every column of every table (from sqlite_master), as text, for each needle (case-sensitive).</summary>
    private static ScanResult Scan(AttractFactory factory, IReadOnlyList<string> needles)
    {
        using var connection = factory.OpenDatabase();
        var tables = SecurityTestData.Tables(connection);
        var found = new List<Hit>();
        foreach (var (table, columns) in tables)
        {
            foreach (var column in columns)
            {
                using var command = connection.CreateCommand();
                var tests = needles.Select((n, i) => $"instr(CAST(\"{column}\" AS TEXT), $n{i}) > 0");
                command.CommandText = $"SELECT CAST(\"{column}\" AS TEXT) FROM \"{table}\" WHERE {string.Join(" OR ", tests)}";
                for (var i = 0; i < needles.Count; i++)
                {
                    command.Parameters.AddWithValue($"$n{i}", needles[i]);
                }
                using var reader = command.ExecuteReader();
                while (reader.Read())
                {
                    var value = reader.GetString(0);
                    found.Add(new Hit(table, column, needles.First(n => value.Contains(n, StringComparison.Ordinal))));
                }
            }
        }
        return new ScanResult(tables.Count, tables.Sum(t => t.Columns.Count), tables.Select(t => t.Table).ToList(), found);
    }

    /// <summary>Tables of the EF model that the scan did not see (there must be none).</summary>
    private static List<string> EntityTablesMissingFrom(AttractFactory factory, IReadOnlyList<string> scanned)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<Core.Data.AttractDbContext>();
        return db.Model.GetEntityTypes().Select(e => e.GetTableName()).OfType<string>().Distinct().Where(t => !scanned.Contains(t)).ToList();
    }

    private static async Task PostJobsToLinkedInAsync(SimulatedLinkedIn linkedIn)
    {
        await using var scope = linkedIn.Factory.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<LinkedInJobPostingSync>().DrainAsync();
    }

    private static Task<string> JobCodeAsync(AttractFactory factory, int jobId) =>
        factory.WithDbAsync(db => db.Jobs.Where(j => j.Id == jobId).Select(j => j.Code).SingleAsync());

    /// <summary>The Recruiter user exports the member into the job in LinkedIn; Attract records the push and processes it.</summary>
    private static async Task<LinkedInNotification> ExportAsync(SimulatedLinkedIn linkedIn, string memberId, string jobCode)
    {
        using var http = new HttpClient();
        var response = await http.PostAsJsonAsync(linkedIn.SimulatorUrl + "/_sim/exports",
            new { clientId = linkedIn.ChildApp.ClientId, memberId, externalJobPostingId = jobCode, seat = SimulatedLinkedIn.RecruiterSeat });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        var requestId = JsonNode.Parse(body)!["requestId"]!.ToString();
        var id = await linkedIn.WithDbAsync(async db =>
        {
            var n = new LinkedInNotification { NotificationId = requestId, Type = LinkedInExportProcessor.ExportType, ReceivedAtUtc = DateTime.UtcNow, Status = LinkedInNotificationStatus.Received };
            db.Add(n);
            await db.SaveChangesAsync();
            return n.Id;
        });
        await using (var scope = linkedIn.Factory.Services.CreateAsyncScope())
        {
            Assert.True(await scope.ServiceProvider.GetRequiredService<LinkedInExportProcessor>().ProcessAsync(id));
        }
        return await linkedIn.WithDbAsync(db => db.Set<LinkedInNotification>().AsNoTracking().SingleAsync(n => n.Id == id));
    }

    private static Task RewindCursorsAsync(SimulatedLinkedIn linkedIn) => linkedIn.WithDbAsync(async db =>
    {
        await db.Set<LinkedInPullCursor>().ForEachAsync(c => c.CursorUtc -= TimeSpan.FromDays(1));
        return await db.SaveChangesAsync();
    });
}
