using System.Security.Cryptography;

namespace LinkedIn.Simulator.Domain;

/// <summary>
/// The running simulation: its state store, the seeded world, the clock, injected faults and the request log, plus the
/// rules every room shares (callers and limits, integrations and gating, pushes, member sessions and matching; see the partial files).
/// </summary>
internal sealed partial class Simulation
{
    public static readonly string[] OrgTypes = ["IN_ATS_INDICATOR", "ONE_CLICK_EXPORT", "PROFILE_PLUGIN"];
    public const string CsaApi = "CSA_API";

    public SimulatorOptions Options { get; }
    public StateStore State { get; }
    public SeededWorld World { get; }
    public SimulationClock Clock { get; }
    public RequestLog RequestLog { get; }
    public FaultSettings Faults { get; set; } = new();
    public TimeSpan NotifyPartnerDelay { get; set; }
    public TimeSpan JobTaskProcessingTime { get; set; }

    public Simulation(SimulatorOptions options)
    {
        Options = options;
        Clock = new SimulationClock(options.TimeProvider);
        NotifyPartnerDelay = options.NotifyPartnerDelay;
        JobTaskProcessingTime = options.JobTaskProcessingTime;
        World = new SeededWorld(options.MemberCount);
        State = new StateStore(options.ResolveDatabasePath(), candidate => EffectiveMatch(candidate)?.Id);
        RequestLog = new RequestLog(Clock, State);
        State.Write(state =>
        {
            if (state.IsEmpty)
            {
                Seed(state);
            }
            EnsurePartnerApp(state);
        });
    }

    public long NowMs => Clock.NowMs;

    public static string NewId(int bytes = 12) =>
        Convert.ToHexString(RandomNumberGenerator.GetBytes(bytes)).ToLowerInvariant();

    public static string NewSecret() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)).Replace('+', 'A').Replace('/', 'B').TrimEnd('=');

    /// <summary>Back to a freshly seeded simulator: empty store, clock and faults reset, settings from the options.</summary>
    public void Reset() => State.Write(state =>
    {
        state.Clear();
        Clock.Reset();
        Faults = new FaultSettings();
        NotifyPartnerDelay = Options.NotifyPartnerDelay;
        JobTaskProcessingTime = Options.JobTaskProcessingTime;
        Seed(state);
        EnsurePartnerApp(state);
    });

    private void EnsurePartnerApp(StateStore state)
    {
        var app = state.Apps.Get(Options.PartnerClientId);
        if (app is null || app.ClientSecret != Options.PartnerClientSecret || !app.IsParent)
        {
            state.Apps.Put(new AppRec
            {
                ClientId = Options.PartnerClientId,
                ClientSecret = Options.PartnerClientSecret,
                Id = 4001,
                IsParent = true,
                Name = "Attract (partner)",
                CallbackUrls = [.. Options.PartnerRedirectUris],
                CreatedAt = NowMs,
            });
        }
    }

    private void Seed(StateStore state)
    {
        state.Settings.Put(new SettingRec { Key = "seededAt", Value = NowMs.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        if (Options.SeedSampleData)
        {
            SeedColleagueActivity(state);
        }
    }

    /// <summary>Colleagues' InMails, stubs and notes, so that pulls return data from "others".</summary>
    private void SeedColleagueActivity(StateStore state)
    {
        var now = NowMs;
        var colleagues = new[] { "urn:li:seat:9004", "urn:li:seat:9005" };
        for (var i = 0; i < 6; i++)
        {
            var seat = colleagues[i % 2];
            var member = World.Members[10 + i * 7];
            var at = now - (i + 1) * 3_600_000L;
            var conversation = new ConversationRec { Id = $"conv-seed-{i}", Seat = seat, MemberId = member.Id, Subject = $"Opportunity at Contoso for {member.FirstName}", CreatedAt = at, State = i % 3 == 0 ? "ACCEPTED" : "PENDING" };
            state.Conversations.Put(conversation);
            AddEvent(conversation, "INMAIL_SENT", seat, $"Hi {member.FirstName}, we are hiring at Contoso. Interested in a chat?", at);
            if (conversation.State == "ACCEPTED")
            {
                AddEvent(conversation, "INMAIL_ACCEPTED", member.Urn, "Sounds interesting, happy to talk.", at + 600_000);
                state.Stubs.Put(new StubRec { Id = $"stub-seed-{i}", MemberId = member.Id, FirstName = member.FirstName, LastName = member.LastName, EmailAddress = member.Email, Owner = seat, Contract = SeededWorld.GlobalContract, CreatedAt = at + 600_000 });
            }
            state.ProspectNotes.Put(new ProspectNoteRec
            {
                Id = $"pn-seed-{i}",
                MemberId = member.Id,
                Owner = seat,
                Contract = SeededWorld.GlobalContract,
                Note = $"Spoke with {member.FirstName}; strong {member.Title} background.",
                Visibility = i % 2 == 0 ? "PUBLIC" : "PRIVATE",
                CreatedAt = at,
                LastModifiedAt = at,
            });
        }
        state.Projects.Put(new ProjectRec { Id = "proj-seed-1", Name = "Backend hiring 2026", Seat = "urn:li:seat:9004", Members = [World.Members[12].Id], CreatedAt = now });
    }

    /// <summary>Appends an event (InMail sent, accepted, reply …) to a conversation.</summary>
    public EventRec AddEvent(ConversationRec conversation, string type, string sender, string body, long at)
    {
        var added = new EventRec
        {
            Id = "ev-" + NewId(8),
            ConversationId = conversation.Id,
            EventType = type,
            Sender = sender,
            Seat = conversation.Seat,
            Prospect = $"urn:li:person:{conversation.MemberId}",
            Subject = conversation.Subject,
            Body = body,
            CreatedAt = at,
        };
        State.Write(state => state.Events.Put(added));
        return added;
    }
}
