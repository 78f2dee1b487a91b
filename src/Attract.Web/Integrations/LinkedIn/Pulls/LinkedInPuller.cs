using Attract.Core.Data;
using Attract.Core.LinkedIn;
using Attract.Core.Privacy;
using Attract.Web.Infrastructure;
using LinkedIn.Recruiter;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Attract.Web.Integrations.LinkedIn.Pulls;

/// <summary>What one pull run did, in words for the admin.</summary>
public sealed record LinkedInPullResult(bool Ran, string Message, int Seats, int InMails, int Notes, int Stubs, int Errors);

/// <summary>
/// Contract-level pulls (CSA_API): for every seat of the connected contract (plus the seats mapped to Attract users) it
/// reads <c>conversationEvents</c>, <c>prospectNotes</c> and <c>mailStubs</c> from the seat's stored cursor
/// (<see cref="LinkedInPullCursor"/> per seat and kind, less <see cref="LinkedInPullOptions.Overlap"/>) up to now, in windows of at most 12 h (the client splits the range),
/// and upserts them. A kind whose call fails keeps its cursor and records the error, so the next run retries the same range.
/// Nothing runs unless contract-level access is on.
/// </summary>
public sealed partial class LinkedInPuller(
    AttractDbContext db,
    LinkedInConnector connector,
    ILinkedInProspectInteractionsClient prospects,
    LinkedInStubImporter stubs,
    AttractMetrics metrics,
    ErasureSuppressionKeyring suppressions,
    IOptions<LinkedInIntegrationOptions> options,
    IOptions<LinkedInPullOptions> settings,
    TimeProvider clock,
    ILogger<LinkedInPuller> logger)
{
    public const string InMailKind = "inmail";
    public const string NotesKind = "notes";
    public const string StubsKind = "stubs";
    public static readonly IReadOnlyList<string> Kinds = [InMailKind, NotesKind, StubsKind];

    private static readonly SemaphoreSlim Gate = new(1, 1);

    /// <summary>Pulls every seat that is due (<paramref name="force"/>: every seat now, e.g. "Sync now").</summary>
    public async Task<LinkedInPullResult> RunAsync(bool force, CancellationToken ct = default)
    {
        await Gate.WaitAsync(ct);
        try
        {
            return await RunLockedAsync(force, ct);
        }
        finally
        {
            Gate.Release();
        }
    }

    private async Task<LinkedInPullResult> RunLockedAsync(bool force, CancellationToken ct)
    {
        if (!connector.IsConfigured)
        {
            return new(false, "LinkedIn is not configured.", 0, 0, 0, 0, 0);
        }
        var connection = await connector.GetConnectionAsync(ct);
        var app = connector.ChildApp(connection);
        if (app is null || connection.ContractUrn is null)
        {
            return new(false, "Attract is not connected to a LinkedIn Recruiter contract.", 0, 0, 0, 0, 0);
        }
        if (connection.AccessLevel != LinkedInAccessLevel.ContractLevel)
        {
            return new(false, "Contract-level access is not enabled by your LinkedIn admin; nothing was pulled.", 0, 0, 0, 0, 0);
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var seats = await SeatsAsync(app, connection.ContractUrn, ct);
        // Erased candidates stay erased: their InMails, notes and stub profiles are skipped (see CandidateEraser).
        var suppressed = await suppressions.LoadListAsync(db, ct);
        int inmails = 0, notes = 0, stubCount = 0, errors = 0, pulled = 0;
        foreach (var seat in seats)
        {
            var cursors = await db.Set<LinkedInPullCursor>().Where(c => c.SeatUrn == seat).ToListAsync(ct);
            foreach (var kind in Kinds)
            {
                var cursor = cursors.FirstOrDefault(c => c.Kind == kind);
                if (cursor is null)
                {
                    cursor = new LinkedInPullCursor { SeatUrn = seat, Kind = kind, CursorUtc = now - settings.Value.InitialLookback };
                    db.Add(cursor);
                }
                if (!force && cursor.LastRunAtUtc is { } last && last + options.Value.Sync.PullInterval > now)
                {
                    continue;
                }
                pulled++;
                var items = await PullWindowAsync(app, connection.ContractUrn, seat, kind, cursor, now, suppressed, ct);
                switch (kind)
                {
                    case InMailKind:
                        inmails += items ?? 0;
                        break;
                    case NotesKind:
                        notes += items ?? 0;
                        break;
                    default:
                        stubCount += items ?? 0;
                        break;
                }
                errors += items is null ? 1 : 0;
                cursor.LastRunAtUtc = now;
                await db.SaveChangesAsync(ct);
            }
        }
        connection.LastPullAtUtc = now;
        await db.SaveChangesAsync(ct);
        var message2 = pulled == 0
            ? $"No seat was due ({seats.Count} seats)."
            : $"Pulled {seats.Count} seats: {inmails} InMail events, {notes} notes, {stubCount} stub profiles" + (errors > 0 ? $", {errors} errors." : ".");
        return new(true, message2, seats.Count, inmails, notes, stubCount, errors);
    }

    /// <summary>
    /// Pulls one kind for one seat from the cursor up to now and moves the cursor; returns how many items were stored, or
    /// null when LinkedIn failed (the error is kept on the cursor and the run's partial writes are dropped).
    /// </summary>
    private async Task<int?> PullWindowAsync(LinkedInAppCredentials app, string contract, string seat, string kind, LinkedInPullCursor cursor,
        DateTime now, SuppressionList suppressed, CancellationToken ct)
    {
        // Each run re-reads the last few minutes before the cursor (upserts are idempotent), so what LinkedIn
        // indexes a little after its timestamp is still picked up; the end bound is exclusive at millisecond
        // precision, so +1 ms takes in what happened in the current millisecond.
        var from = DateTime.SpecifyKind(cursor.CursorUtc, DateTimeKind.Utc) - settings.Value.Overlap;
        var to = now.AddMilliseconds(1);
        try
        {
            var items = kind switch
            {
                InMailKind => await PullInMailsAsync(app, seat, from, to, suppressed, ct),
                NotesKind => await PullNotesAsync(app, contract, seat, from, to, suppressed, ct),
                _ => await stubs.ImportAsync(prospects.GetMailStubsAsync(app, contract, seat, from, to, ct), suppressed, ct),
            };
            cursor.CursorUtc = now;
            cursor.LastError = null;
            metrics.PullRun(kind, succeeded: true, items);
            return items;
        }
        catch (Exception ex) when (ex is LinkedInApiException or HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            db.ChangeTracker.Entries().Where(e => e.Entity is not LinkedInPullCursor && e.State != EntityState.Unchanged).ToList()
                .ForEach(e => e.State = e.State == EntityState.Added ? EntityState.Detached : EntityState.Unchanged);
            var message = LinkedInConnector.Describe(ex);
            cursor.LastError = message.Length > 2000 ? message[..2000] : message;
            LogPullFailed(logger, kind, seat, cursor.LastError);
            metrics.PullRun(kind, succeeded: false);
            return null;
        }
    }

    /// <summary>The contract's seats (<c>seatsV2</c>) plus the seats mapped to Attract users.</summary>
    private async Task<List<string>> SeatsAsync(LinkedInAppCredentials app, string contract, CancellationToken ct)
    {
        var seats = new List<string>();
        try
        {
            await foreach (var seat in prospects.GetSeatsAsync(app, contract, ct))
            {
                if (seat.Active != false && seat.Id.Length > 0)
                {
                    seats.Add(seat.Id);
                }
            }
        }
        catch (LinkedInApiException ex)
        {
            LogPullFailed(logger, "seats", contract, LinkedInConnector.Describe(ex));
        }
        var mapped = await db.Set<LinkedInUserLink>().AsNoTracking()
            .Where(l => l.SeatUrn != null && l.ContractUrn == contract).Select(l => l.SeatUrn!).ToListAsync(ct);
        return seats.Concat(mapped).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
    }

    private async Task<int> PullInMailsAsync(LinkedInAppCredentials app, string seat, DateTime from, DateTime to,
        SuppressionList suppressed, CancellationToken ct)
    {
        var count = 0;
        await foreach (var e in prospects.GetConversationEventsAsync(app, seat, from, to, ct))
        {
            if (e.Id.Length == 0 || e.Prospect is null || suppressed.ContainsUrn(e.Prospect))
            {
                continue;
            }
            var (row, _) = await db.FindOrAddAsync<LinkedInInMail>(m => m.SeatUrn == seat && m.ExternalId == e.Id,
                () => new LinkedInInMail { SeatUrn = seat, ExternalId = e.Id }, ct);
            row.ConversationUrn = e.Conversation ?? "";
            row.EventType = e.EventType ?? "";
            row.ProspectUrn = e.Prospect;
            row.SenderUrn = e.Sender;
            row.Subject = Trim(e.Subject, 500);
            row.Body = e.Body;
            row.CreatedAtUtc = DateTimeOffset.FromUnixTimeMilliseconds(e.CreatedAt).UtcDateTime;
            count += IsNewOrChanged(row);
        }
        return count;
    }

    private async Task<int> PullNotesAsync(LinkedInAppCredentials app, string contract, string seat, DateTime from, DateTime to,
        SuppressionList suppressed, CancellationToken ct)
    {
        var count = 0;
        await foreach (var n in prospects.GetProspectNotesAsync(app, contract, seat, from, to, ct))
        {
            if (n.Id.Length == 0 || n.Prospect is null || suppressed.ContainsUrn(n.Prospect))
            {
                continue;
            }
            var (row, _) = await db.FindOrAddAsync<LinkedInProspectNote>(x => x.ExternalId == n.Id, () => new LinkedInProspectNote { ExternalId = n.Id }, ct);
            row.ProspectUrn = n.Prospect;
            row.OwnerSeatUrn = n.Owner ?? seat;
            row.Note = n.Note ?? "";
            row.Visibility = n.Visibility is "PRIVATE" ? "PRIVATE" : "PUBLIC";
            row.Active = n.Active;
            row.CreatedAtUtc = DateTimeOffset.FromUnixTimeMilliseconds(n.CreatedAt).UtcDateTime;
            row.LastModifiedAtUtc = DateTimeOffset.FromUnixTimeMilliseconds(n.LastModifiedAt == 0 ? n.CreatedAt : n.LastModifiedAt).UtcDateTime;
            count += IsNewOrChanged(row);
        }
        return count;
    }

    /// <summary>1 when the row is new or differs from what was stored (re-read overlap rows count 0).</summary>
    private int IsNewOrChanged(object row) => db.Entry(row).State is EntityState.Added or EntityState.Modified ? 1 : 0;

    private static string? Trim(string? value, int max) => value is null || value.Length <= max ? value : value[..max];

    [LoggerMessage(Level = LogLevel.Warning, Message = "LinkedIn pull of {Kind} for {Seat} failed: {Error}")]
    private static partial void LogPullFailed(ILogger logger, string kind, string seat, string error);
}
