using System.Globalization;
using Attract.Core.Common;
using Attract.Core.Data;
using Attract.Core.LinkedIn;
using Attract.Core.Outbox;
using Attract.Web.Integrations.LinkedIn.Sync;
using LinkedIn.Recruiter;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Attract.Web.Integrations.LinkedIn.Export;

/// <summary>
/// Links exported candidates to their LinkedIn members (<c>manualMatchedMember</c> <c>$set</c>). Each pending link is an
/// outbox row of type <see cref="EntityType"/> (the candidate's id), written in the export's transaction, by the
/// reconciliation (<see cref="ReconcileAsync"/>) or by Retry on the sync status page; it is leased
/// (<see cref="OutboxLeases"/>), so a link whose worker died is taken again once the lease runs out. "Not yet" answers
/// (404 until LinkedIn has the candidate, 408, 409, 429, 5xx, any failed call) are retried with the one
/// <see cref="RetryBackoff"/> until <see cref="LinkedInSyncOptions.LinkRetryWindow"/> has passed since the row was
/// queued; other refusals give up at once. See docs/reliability.md, "Export links".
/// </summary>
public sealed partial class LinkedInExportLinker(
    AttractDbContext db,
    LinkedInConnector connector,
    ILinkedInSyncClient sync,
    IOptions<LinkedInIntegrationOptions> options,
    TimeProvider clock,
    ILogger<LinkedInExportLinker> logger)
{
    /// <summary>The outbox (and <see cref="LinkedInSyncError"/>) entity type of a pending link; the entity is the candidate.</summary>
    public const string EntityType = LinkedInSyncError.ManualMatchedMember;

    /// <summary>The actor of link rows queued by the export intake.</summary>
    public const string ExportActor = "system:linkedin-export";

    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);

    private static readonly string[] Types = [EntityType];

    /// <summary>How many links one call sends (RSC batches take at most 100 keys).</summary>
    public int ClaimSize { get; set; } = 100;

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>A new pending link of <paramref name="candidateId"/> (add it to the context; it is due at once).</summary>
    public static OutboxMessage Pending(int candidateId, string actor, DateTime nowUtc) =>
        OutboxMessage.Resend(EntityType, candidateId, new AuditScope(null, candidateId, null), actor, nowUtc);

    /// <summary>Sends the due links until none is due or LinkedIn fails a whole call. Returns how many candidates ended linked.</summary>
    public async Task<int> LinkDueAsync(CancellationToken ct = default)
    {
        var connection = await db.Set<LinkedInConnection>().AsNoTracking()
            .Where(c => c.ChildClientId != null && c.OrganizationUrn != null).OrderBy(c => c.Id).FirstOrDefaultAsync(ct);
        if (connection is null || connector.ChildApp(connection) is not { } app)
        {
            return 0;
        }
        var linked = 0;
        for (var round = 0; round < 20; round++)
        {
            var owner = await db.OutboxMessages.LeaseAsync(Types, ClaimSize, Lease, Now, "export-link", ct: ct);
            if (owner is null)
            {
                break;
            }
            var rows = await db.OutboxMessages.AsNoTracking().Owned(owner).ToListAsync(ct);
            var (attempts, callFailed) = await SendAsync(app, connection.OrganizationUrn!, rows, ct);
            var states = await SettleAsync(owner, rows, attempts, ct);
            await RecordErrorsAsync(states, ct);
            linked += states.Values.Count(s => s.Result == AttemptResult.Linked);
            if (callFailed)
            {
                break;
            }
        }
        return linked;
    }

    /// <summary>One <c>manualMatchedMember</c> call for the rows' candidates; what LinkedIn said per candidate, and whether the call failed.</summary>
    private async Task<(Dictionary<int, Attempt> Attempts, bool CallFailed)> SendAsync(LinkedInAppCredentials app, string context,
        List<OutboxMessage> rows, CancellationToken ct)
    {
        var ids = rows.Select(r => (int)r.EntityId).Distinct().ToList();
        var urns = await db.Candidates.AsNoTracking().Where(c => ids.Contains(c.Id) && c.LinkedInPersonUrn != null)
            .Select(c => new { c.Id, c.LinkedInPersonUrn }).ToDictionaryAsync(c => c.Id, c => c.LinkedInPersonUrn!, ct);
        var attempts = ids.ToDictionary(id => id, id => urns.ContainsKey(id) ? Attempt.Linked : Attempt.NothingToLink);
        if (urns.Count == 0)
        {
            return (attempts, false);
        }
        var members = urns.Select(u => new KeyValuePair<AtsCandidateKey, string?>(
            new AtsCandidateKey(context, u.Key.ToString(CultureInfo.InvariantCulture)), u.Value)).ToList();
        try
        {
            var result = await sync.SetManualMatchedMembersAsync(app, members, ct);
            foreach (var f in result.Failed)
            {
                var id = int.Parse(f.Key.AtsCandidateId, CultureInfo.InvariantCulture);
                attempts[id] = new(IsNotYet(f.Status) ? AttemptResult.NotYet : AttemptResult.Refused, f.Status, $"{f.Status} {f.Code}: {f.Message}");
            }
            if (result.Failed.Count > 0)
            {
                LogRefused(logger, result.Failed.Count, members.Count);
            }
            return (attempts, false);
        }
        catch (Exception ex) when (ex is LinkedInApiException or HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            LogCallFailed(logger, ex, members.Count);
            var status = (ex as LinkedInApiException)?.StatusCode is { } code ? (int)code : (int?)null;
            var notYet = status is null || LinkedInSyncDrain.IsTransient(ex) || IsNotYet(status.Value);
            var failed = new Attempt(notYet ? AttemptResult.NotYet : AttemptResult.Refused, status, LinkedInConnector.Describe(ex));
            foreach (var id in urns.Keys)
            {
                attempts[id] = failed;
            }
            return (attempts, true);
        }
    }

    /// <summary>
    /// "Not yet" refusals of a link, retried until the window ends: 404 (LinkedIn does not have the candidate yet: it
    /// arrives with the sync or the backfill), 408, 409, 429 and 5xx. Any other status (400 <c>VALIDATION_FAILED</c>, e.g.
    /// an unknown member URN) is permanent.
    /// </summary>
    public static bool IsNotYet(int status) => status is 404 or 408 or 409 or 429 or >= 500;

    /// <summary>Ends the lease on each row: processed (linked, nothing to link, or given up), or released until its backoff has passed.</summary>
    private async Task<Dictionary<int, LinkState>> SettleAsync(string owner, List<OutboxMessage> rows, Dictionary<int, Attempt> attempts, CancellationToken ct)
    {
        var now = Now;
        var window = options.Value.Sync.LinkRetryWindow;
        var states = new Dictionary<int, LinkState>();
        foreach (var row in rows)
        {
            var id = (int)row.EntityId;
            var attempt = attempts[id];
            var mine = db.OutboxMessages.Where(o => o.Id == row.Id);
            var tries = row.Attempts + 1;
            var deadline = row.OccurredAtUtc + window;
            LinkState state;
            if (attempt.Result is AttemptResult.Linked or AttemptResult.NothingToLink)
            {
                await mine.ReleaseAsync(owner, null, s => s.SetProperty(o => o.ProcessedAtUtc, now).SetProperty(o => o.LastError, attempt.Message), ct);
                state = new(attempt.Result, tries, attempt.Status, attempt.Message, null);
            }
            else if (attempt.Result == AttemptResult.NotYet && now < deadline)
            {
                var error = Fit(attempt.Message);
                await mine.ReleaseAsync(owner, now + options.Value.Sync.Backoff.After(tries),
                    s => s.SetProperty(o => o.Attempts, tries).SetProperty(o => o.LastError, error), ct);
                state = new(AttemptResult.NotYet, tries, attempt.Status, attempt.Message, deadline);
            }
            else
            {
                var error = Fit("Gave up: " + attempt.Message);
                await mine.ReleaseAsync(owner, null, s => s.SetProperty(o => o.ProcessedAtUtc, now)
                    .SetProperty(o => o.Attempts, tries).SetProperty(o => o.LastError, error), ct);
                state = new(AttemptResult.Refused, tries, attempt.Status, attempt.Message, deadline);
            }
            // Several rows of one candidate (an export and a Retry): the most hopeful outcome speaks for it.
            if (!states.TryGetValue(id, out var before) || state.Rank > before.Rank)
            {
                states[id] = state;
            }
        }
        return states;
    }

    private static string Fit(string? message) =>
        message is null ? "" : message.Length > OutboxMessage.MaxKeptErrorLength ? message[..OutboxMessage.MaxKeptErrorLength] : message;

    /// <summary>What LinkedIn said about one candidate's link.</summary>
    private sealed record Attempt(AttemptResult Result, int? Status = null, string? Message = null)
    {
        public static readonly Attempt Linked = new(AttemptResult.Linked);

        public static readonly Attempt NothingToLink = new(AttemptResult.NothingToLink, Message: "Nothing to link: the candidate was erased or unlinked.");
    }

    /// <summary>Where a candidate's link stands after this run (given up is <see cref="AttemptResult.Refused"/>).</summary>
    private sealed record LinkState(AttemptResult Result, int Attempts, int? Status, string? Message, DateTime? Deadline)
    {
        public int Rank => Result switch { AttemptResult.Linked or AttemptResult.NothingToLink => 2, AttemptResult.NotYet => 1, _ => 0 };
    }

    private enum AttemptResult
    {
        Linked,
        NothingToLink,
        NotYet,
        Refused,
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "LinkedIn refused {Count} of {Total} links of exported candidates to their members")]
    private static partial void LogRefused(ILogger logger, int count, int total);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Linking {Total} exported candidates to their LinkedIn members failed")]
    private static partial void LogCallFailed(ILogger logger, Exception ex, int total);
}
