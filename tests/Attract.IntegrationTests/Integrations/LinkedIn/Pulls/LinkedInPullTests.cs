using Attract.Core.LinkedIn;
using Attract.Core.Pools;
using Attract.IntegrationTests.Infrastructure;
using Attract.Web.Integrations.LinkedIn.Pulls;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Attract.IntegrationTests.Integrations.LinkedIn.Pulls;

public class LinkedInPullTests
{
    private static Task<LinkedInPullResult> SyncNowAsync(SimulatedLinkedIn linkedIn) => linkedIn.SyncNowAsync();

    private static Task RewindCursorsAsync(SimulatedLinkedIn linkedIn, TimeSpan by) => linkedIn.WithDbAsync(async db =>
    {
        await db.Set<LinkedInPullCursor>().ForEachAsync(c => c.CursorUtc -= by);
        return await db.SaveChangesAsync();
    });

    [Fact]
    public async Task RunAsync_ContractLevel_StoresInMailsNotesAndAdvancesEachSeatCursor()
    {
        using var linkedIn = await SimulatedLinkedIn.CreateAsync();
        var member = (await linkedIn.MembersAsync())[11]!;
        await linkedIn.SendInMailAsync(SimulatedLinkedIn.RecruiterSeat, member["id"]!.ToString(), "Platform role", "Body for the pull test", respond: "reply");
        await linkedIn.AddNoteAsync(SimulatedLinkedIn.RecruiterSeat, member["id"]!.ToString(), "Strong Rust background");
        var before = DateTime.UtcNow;

        var result = await SyncNowAsync(linkedIn);

        Assert.True(result.Ran, result.Message);
        Assert.Equal(0, result.Errors);
        var urn = member["urn"]!.ToString();
        var (inmails, notes, cursors) = await linkedIn.WithDbAsync(async db => (
            await db.Set<LinkedInInMail>().Where(m => m.ProspectUrn == urn).ToListAsync(),
            await db.Set<LinkedInProspectNote>().Where(n => n.ProspectUrn == urn).ToListAsync(),
            await db.Set<LinkedInPullCursor>().Where(c => c.SeatUrn == SimulatedLinkedIn.RecruiterSeat).ToListAsync()));
        Assert.Contains(inmails, m => m.EventType == "INMAIL_SENT" && m.Subject == "Platform role" && m.Body == "Body for the pull test" && m.SeatUrn == SimulatedLinkedIn.RecruiterSeat);
        Assert.Contains(inmails, m => m.EventType == "INMAIL_REPLY" && m.SenderUrn == urn);
        Assert.Contains(notes, n => n.Note == "Strong Rust background" && n.Active && n.OwnerSeatUrn == SimulatedLinkedIn.RecruiterSeat);
        Assert.Equal(["inmail", "notes", "stubs"], cursors.Select(c => c.Kind).Order());
        Assert.All(cursors, c => Assert.True(c.CursorUtc >= before.AddSeconds(-1) && c.LastError is null && c.LastRunAtUtc is not null));
        // Seats of the contract that no Attract user maps are pulled too (colleagues' history).
        Assert.True(await linkedIn.WithDbAsync(db => db.Set<LinkedInPullCursor>().AnyAsync(c => c.SeatUrn == "urn:li:seat:9004")));
    }

    [Fact]
    public async Task RunAsync_SameRangeTwice_StoresEveryEventNoteAndStubOnce()
    {
        using var linkedIn = await SimulatedLinkedIn.CreateAsync();
        var member = (await linkedIn.MembersAsync())[12]!;
        await linkedIn.SendInMailAsync(SimulatedLinkedIn.RecruiterSeat, member["id"]!.ToString(), "Hello", "Twice?", respond: "accept", share: true);
        await linkedIn.AddNoteAsync(SimulatedLinkedIn.RecruiterSeat, member["id"]!.ToString(), "Once only");
        await SyncNowAsync(linkedIn);
        Task<(int, int, int, int)> CountAsync() => linkedIn.WithDbAsync(async db => (
            await db.Set<LinkedInInMail>().CountAsync(), await db.Set<LinkedInProspectNote>().CountAsync(),
            await db.Candidates.CountAsync(), await db.TalentPoolMembers.CountAsync(m => m.PoolId == TalentPool.LinkedInPoolId)));
        var first = await CountAsync();

        await RewindCursorsAsync(linkedIn, TimeSpan.FromDays(1));
        await SyncNowAsync(linkedIn);

        Assert.Equal(first, await CountAsync());
    }

    [Fact]
    public async Task RunAsync_AcceptedInMailWithSharing_CreatesStubCandidateInLinkedInPool()
    {
        using var linkedIn = await SimulatedLinkedIn.CreateAsync();
        var member = (await linkedIn.MembersAsync())[13]!;
        await linkedIn.SendInMailAsync(SimulatedLinkedIn.RecruiterSeat, member["id"]!.ToString(), "Hi", "Interested?", respond: "accept", share: true);

        await SyncNowAsync(linkedIn);

        var urn = member["urn"]!.ToString();
        var candidate = await linkedIn.WithDbAsync(db => db.Candidates.Include(c => c.Emails).SingleAsync(c => c.LinkedInPersonUrn == urn));
        Assert.Equal(member["firstName"]!.ToString(), candidate.FirstName);
        Assert.Equal(member["lastName"]!.ToString(), candidate.LastName);
        Assert.Equal(LinkedInStubImporter.Source, candidate.Source);
        Assert.Contains(candidate.Emails, e => string.Equals(e.Address, member["email"]!.ToString(), StringComparison.OrdinalIgnoreCase));
        Assert.True(await linkedIn.WithDbAsync(db => db.TalentPoolMembers.AnyAsync(m => m.PoolId == TalentPool.LinkedInPoolId && m.CandidateId == candidate.Id)));
    }

    [Fact]
    public async Task RunAsync_StubOfExistingCandidateByEmail_LinksAndPoolsWithoutDuplicate()
    {
        using var linkedIn = await SimulatedLinkedIn.CreateAsync();
        var member = (await linkedIn.MembersAsync())[14]!;
        var existing = await linkedIn.Factory.CreateCandidateAsync("Known", "Person", email: member["email"]!.ToString().ToUpperInvariant());
        await linkedIn.SendInMailAsync(SimulatedLinkedIn.RecruiterSeat, member["id"]!.ToString(), "Hi", "Again?", respond: "accept", share: true);
        var urn = member["urn"]!.ToString();

        // Creating the candidate wakes the background outbox drain, which can hold SQLite's write lock while a pull runs;
        // a pull that fails keeps its cursor and covers the same window on the next run, as it would in production.
        List<int> matches = [];
        for (var run = 0; run < 3 && matches.Count == 0; run++)
        {
            await SyncNowAsync(linkedIn);
            matches = await linkedIn.WithDbAsync(db => db.Candidates.Where(c => c.LinkedInPersonUrn == urn).Select(c => c.Id).ToListAsync());
        }
        Assert.Equal([existing], matches);
        Assert.True(await linkedIn.WithDbAsync(db => db.TalentPoolMembers.AnyAsync(m => m.PoolId == TalentPool.LinkedInPoolId && m.CandidateId == existing)));
    }

    [Fact]
    public async Task RunAsync_NoteDeletedOnLinkedIn_MarksItInactive()
    {
        using var linkedIn = await SimulatedLinkedIn.CreateAsync();
        var member = (await linkedIn.MembersAsync())[15]!;
        var noteId = await linkedIn.AddNoteAsync(SimulatedLinkedIn.RecruiterSeat, member["id"]!.ToString(), "Soon deleted");
        await SyncNowAsync(linkedIn);
        await linkedIn.DeleteNoteAsync(noteId);
        await RewindCursorsAsync(linkedIn, TimeSpan.FromMinutes(1));

        await SyncNowAsync(linkedIn);

        var note = await linkedIn.WithDbAsync(db => db.Set<LinkedInProspectNote>().SingleAsync(n => n.Note == "Soon deleted"));
        Assert.False(note.Active);
    }

    [Fact]
    public async Task RunAsync_ContractLevelOff_PullsNothing()
    {
        using var linkedIn = await SimulatedLinkedIn.CreateAsync(contractLevel: false);
        var member = (await linkedIn.MembersAsync())[16]!;
        await linkedIn.SendInMailAsync(SimulatedLinkedIn.RecruiterSeat, member["id"]!.ToString(), "Hi", "Not pulled", respond: "accept", share: true);

        var result = await SyncNowAsync(linkedIn);

        Assert.False(result.Ran);
        Assert.False(await linkedIn.WithDbAsync(db => db.Set<LinkedInInMail>().AnyAsync()));
        Assert.False(await linkedIn.WithDbAsync(db => db.Set<LinkedInPullCursor>().AnyAsync()));
    }

    [Fact]
    public async Task RunAsync_FromStoredCursor_RequestsContiguousWindowsOfAtMost12Hours()
    {
        using var linkedIn = await SimulatedLinkedIn.CreateAsync();
        await SyncNowAsync(linkedIn);
        var firstCursor = await linkedIn.WithDbAsync(db => db.Set<LinkedInPullCursor>()
            .SingleAsync(c => c.SeatUrn == SimulatedLinkedIn.RecruiterSeat && c.Kind == LinkedInPuller.InMailKind));
        var first = await InMailWindowsAsync(linkedIn);

        await SyncNowAsync(linkedIn);

        var overlap = new LinkedInPullOptions().Overlap;
        Assert.Equal(15, first.Count); // 7 days of initial lookback plus the 10-minute overlap, in 12 h windows
        Assert.All(first, w => Assert.True(w.End - w.Start <= 12 * 3_600_000L));
        Assert.All(first.Zip(first.Skip(1)), p => Assert.Equal(p.First.End, p.Second.Start));
        var second = (await InMailWindowsAsync(linkedIn)).Skip(first.Count).ToList();
        var resumedAt = new DateTimeOffset(DateTime.SpecifyKind(firstCursor.CursorUtc, DateTimeKind.Utc) - overlap).ToUnixTimeMilliseconds();
        Assert.Equal(resumedAt, Assert.Single(second).Start);
        Assert.True(first[^1].End > second[0].Start, "The second run re-reads the end of the first run's range.");
    }

    [Fact]
    public async Task RunAsync_NoteIndexedAfterTheCursorPassedIt_IsPickedUpByTheOverlap()
    {
        using var linkedIn = await SimulatedLinkedIn.CreateAsync();
        var member = (await linkedIn.MembersAsync())[17]!;
        await linkedIn.AddNoteAsync(SimulatedLinkedIn.RecruiterSeat, member["id"]!.ToString(), "Seen on the first run");
        var first = await SyncNowAsync(linkedIn);
        // LinkedIn makes a note visible only now, stamped two minutes ago: before the seat's cursor.
        await linkedIn.AdvanceClockAsync(TimeSpan.FromMinutes(-2));
        await linkedIn.AddNoteAsync(SimulatedLinkedIn.RecruiterSeat, member["id"]!.ToString(), "Indexed late");
        await linkedIn.AdvanceClockAsync(TimeSpan.FromMinutes(2));

        var second = await SyncNowAsync(linkedIn);

        Assert.True(first.Notes >= 1); // the simulator also holds seeded notes of other members
        Assert.Equal(1, second.Notes); // the re-read note is not counted again
        var urn = member["urn"]!.ToString();
        var notes = await linkedIn.WithDbAsync(db => db.Set<LinkedInProspectNote>().Where(n => n.ProspectUrn == urn).Select(n => n.Note).ToListAsync());
        Assert.Single(notes, n => n == "Indexed late");
        Assert.Single(notes, n => n == "Seen on the first run");
    }

    /// <summary>The conversationEvents windows requested for the recruiter seat, oldest first, from the simulator's request log.</summary>
    private static async Task<List<(long Start, long End)>> InMailWindowsAsync(SimulatedLinkedIn linkedIn)
    {
        using var http = new HttpClient();
        var log = System.Text.Json.Nodes.JsonNode.Parse(await http.GetStringAsync($"{linkedIn.SimulatorUrl}/_sim/requests?clientId={linkedIn.ChildApp.ClientId}&limit=5000"))!.AsArray();
        return log.Select(r => r!["path"]!.ToString())
            .Where(p => p.Contains("/conversationEvents", StringComparison.Ordinal) && p.Contains(Uri.EscapeDataString(SimulatedLinkedIn.RecruiterSeat), StringComparison.Ordinal))
            .Reverse()
            .Select(p => System.Web.HttpUtility.ParseQueryString(new Uri("http://x" + p).Query))
            .Where(q => q["start"] is null or "0")
            .Select(q => (long.Parse(q["timeRange.start"]!, System.Globalization.CultureInfo.InvariantCulture), long.Parse(q["timeRange.end"]!, System.Globalization.CultureInfo.InvariantCulture)))
            .ToList();
    }
}
