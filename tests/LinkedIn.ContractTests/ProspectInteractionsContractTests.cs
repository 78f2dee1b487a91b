using System.Text.Json.Nodes;

namespace LinkedIn.ContractTests;

public sealed class ProspectInteractionsContractTests : ContractTestBase
{
    private const string Seat = ContractHost.RecruiterSeat;
    private LinkedInAppCredentials _child = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        (_, _child) = await Host.ProvisionAsync();
        await Host.EnableContractAsync(_child, ContractHost.GlobalContract);
    }

    // Small pages so that every finder has to page.
    protected override void ConfigureClient(LinkedInRecruiterOptions options) => options.PageSize = 2;

    [Fact]
    public async Task GetSeatsAsync_ContractLevelEnabled_ReturnsEverySeatOfTheContractAcrossPages()
    {
        var seats = await Prospects.GetSeatsAsync(_child, ContractHost.GlobalContract).ToListAsync();

        Assert.Equal(["urn:li:seat:9001", "urn:li:seat:9002", "urn:li:seat:9003", "urn:li:seat:9004", "urn:li:seat:9005"], seats.Select(s => s.Id).Order(StringComparer.Ordinal));
        Assert.All(seats, s => Assert.Equal(ContractHost.GlobalContract, s.Contract));
        var riley = Assert.Single(seats, s => s.Id == Seat);
        Assert.Equal(ContractHost.RecruiterPerson, riley.Member);
        Assert.Equal("Riley", riley.FirstName);
        Assert.Equal("Recruiter", riley.LastName);
        Assert.True(riley.Active);
        Assert.Equal("HIRING_MANAGER", Assert.Single(seats, s => s.Id == "urn:li:seat:9003").SeatType);
    }

    [Fact]
    public async Task GetSeatsLegacyAsync_ContractLevelEnabled_ReturnsActiveSeats()
    {
        var legacy = await Prospects.GetSeatsLegacyAsync(_child, ContractHost.GlobalContract).ToListAsync();
        var v2 = await Prospects.GetSeatsAsync(_child, ContractHost.GlobalContract).ToListAsync();

        Assert.Equal(v2.Where(s => s.Active == true).Select(s => s.Id).Order(StringComparer.Ordinal), legacy.Select(s => s.Id).Order(StringComparer.Ordinal));
        Assert.All(legacy, s => Assert.True(s.Active));
    }

    [Fact]
    public async Task GetSeatsAsync_ContractNotEnabled_ThrowsApiException403()
    {
        var ex = await Assert.ThrowsAsync<LinkedInApiException>(async () => await Prospects.GetSeatsAsync(_child, ContractHost.EmeaContract).ToListAsync());

        Assert.Equal(System.Net.HttpStatusCode.Forbidden, ex.StatusCode);
        Assert.Equal("ACCESS_DENIED", ex.ErrorCode);
    }

    [Fact]
    public async Task GetConversationEventsAsync_RangeOver12HoursWithAcceptedInMail_ReturnsEventsFromEveryWindow()
    {
        var (a, b) = await TwoMembersAsync();
        var t0 = await SimNowAsync();
        var first = await SendInMailAsync(a, respond: null);
        await AdvanceSimClockAsync(TimeSpan.FromHours(14));
        var second = await SendInMailAsync(b, respond: "accept");

        var events = await Prospects.GetConversationEventsAsync(_child, Seat, t0.AddHours(-1), t0.AddHours(15)).ToListAsync();

        var mine = events.Where(e => e.Conversation == "urn:li:conversation:" + first || e.Conversation == "urn:li:conversation:" + second).ToList();
        Assert.Equal(3, mine.Count);
        Assert.Equal(mine.OrderBy(e => e.CreatedAt).Select(e => e.Id), mine.Select(e => e.Id));
        Assert.Equal(["INMAIL_SENT", "INMAIL_SENT", "INMAIL_ACCEPTED"], mine.Select(e => e.EventType));
        Assert.Equal([a.Urn, b.Urn, b.Urn], mine.Select(e => e.Prospect));
        Assert.All(mine, e => Assert.Equal(Seat, e.Seat));
        Assert.Equal(Seat, mine[0].Sender);
        Assert.Equal(b.Urn, mine[2].Sender);
        Assert.Equal("Senior Backend Engineer at Contoso", mine[0].Subject);
        Assert.True(mine[2].CreatedAt - mine[0].CreatedAt >= (long)TimeSpan.FromHours(14).TotalMilliseconds);
        Assert.Equal(events.Select(e => e.Id).Distinct().Count(), events.Count);
        Assert.All(events, e => Assert.InRange(e.CreatedAt, ContractHost.Ms(t0.AddHours(-1)), ContractHost.Ms(t0.AddHours(15)) - 1));
    }

    [Fact]
    public async Task GetMailStubsAsync_MemberAcceptedAndSharedEmail_ReturnsStubWithEmail()
    {
        var (a, b) = await TwoMembersAsync();
        var t0 = await SimNowAsync();
        await SendInMailAsync(a, respond: "decline");
        await AdvanceSimClockAsync(TimeSpan.FromHours(13));
        await SendInMailAsync(b, respond: "accept", shareEmail: true);

        var stubs = await Prospects.GetMailStubsAsync(_child, ContractHost.GlobalContract, Seat, t0.AddHours(-1), t0.AddHours(14)).ToListAsync();

        var stub = Assert.Single(stubs);
        Assert.Equal(b.Urn, stub.Member);
        Assert.Equal(b.Email, stub.EmailAddress);
        Assert.Null(stub.PhoneNumber);
        Assert.Equal(Seat, stub.Owner);
        Assert.Equal(ContractHost.GlobalContract, stub.Contract);
        Assert.Equal(b.FirstName, stub.FirstName);
    }

    [Fact]
    public async Task GetProspectNotesAsync_ActiveAndDeletedNotes_ReturnsBothWithActiveFlag()
    {
        var (a, b) = await TwoMembersAsync();
        var t0 = await SimNowAsync();
        var kept = (await Host.ControlAsync(HttpMethod.Post, "/_sim/notes", new JsonObject { ["seat"] = Seat, ["memberId"] = a.Id, ["note"] = "Follow up in March", ["visibility"] = "PRIVATE" }))["id"]!.GetValue<string>();
        await AdvanceSimClockAsync(TimeSpan.FromHours(13));
        var removed = (await Host.ControlAsync(HttpMethod.Post, "/_sim/notes", new JsonObject { ["seat"] = Seat, ["memberId"] = b.Id, ["note"] = "Not interested", ["visibility"] = "PUBLIC" }))["id"]!.GetValue<string>();
        await Host.ControlAsync(HttpMethod.Post, $"/_sim/notes/{removed}/delete");

        var notes = await Prospects.GetProspectNotesAsync(_child, ContractHost.GlobalContract, Seat, t0.AddMinutes(-1), t0.AddHours(14)).ToListAsync();

        Assert.Equal([kept, removed], notes.Select(n => n.Id));
        var active = notes[0];
        Assert.True(active.Active);
        Assert.Equal(a.Urn, active.Prospect);
        Assert.Equal("Follow up in March", active.Note);
        Assert.Equal("PRIVATE", active.Visibility);
        Assert.Equal(Seat, active.Owner);
        Assert.Equal(ContractHost.GlobalContract, active.Contract);
        var inactive = notes[1];
        Assert.False(inactive.Active);
        Assert.Equal(b.Urn, inactive.Prospect);
        Assert.True(inactive.LastModifiedAt >= inactive.CreatedAt);
    }

    private sealed record Member(string Id, string Urn, string FirstName, string Email);

    private async Task<(Member A, Member B)> TwoMembersAsync()
    {
        var members = await Host.MembersAsync(80);
        Member At(int i) => new(members[i]!["id"]!.GetValue<string>(), members[i]!["urn"]!.GetValue<string>(), members[i]!["firstName"]!.GetValue<string>(), members[i]!["email"]!.GetValue<string>());
        return (At(70), At(71));
    }

    private async Task<DateTimeOffset> SimNowAsync() =>
        DateTimeOffset.FromUnixTimeMilliseconds((await Host.ControlAsync(HttpMethod.Get, "/_sim/clock"))["nowMs"]!.GetValue<long>());

    /// <summary>Time passes on LinkedIn's side (the simulator clock).</summary>
    private Task AdvanceSimClockAsync(TimeSpan by) =>
        Host.ControlAsync(HttpMethod.Post, "/_sim/clock", new JsonObject { ["advanceSeconds"] = (long)by.TotalSeconds });

    /// <summary>The recruiter sends an InMail from Recruiter; the member optionally answers it.</summary>
    private async Task<string> SendInMailAsync(Member to, string? respond, bool shareEmail = false)
    {
        var body = new JsonObject
        {
            ["seat"] = Seat,
            ["memberId"] = to.Id,
            ["subject"] = "Senior Backend Engineer at Contoso",
            ["body"] = "Hi " + to.FirstName + ", interested?",
        };
        if (respond is not null)
        {
            body["respond"] = respond;
            body["shareProfile"] = shareEmail;
            body["shareEmail"] = shareEmail;
        }

        return (await Host.ControlAsync(HttpMethod.Post, "/_sim/inmails", body))["conversationId"]!.GetValue<string>();
    }
}
