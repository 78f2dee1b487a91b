using System.Net;
using Attract.Core.Candidates;
using Attract.Core.Common;
using Attract.Core.Data;
using Attract.Core.Jobs;
using Attract.Core.LinkedIn;
using Attract.Core.Outbox;
using Attract.Core.Pipeline;
using Attract.Web.Infrastructure;
using LinkedIn.Recruiter;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Attract.Web.Integrations.LinkedIn.Export;

/// <summary>
/// The 1-Click Export intake: leases <c>EXPORT_CANDIDATE_PROFILE</c> notifications (Status Received), pulls the exported
/// candidates, checks the job and the exporting seat, then finds or creates the candidate and adds it to the job's
/// Prospect stage in one transaction. A refused export stores its reason and changes nothing else. Transient LinkedIn
/// failures retry with the sync's <see cref="RetryBackoff"/>; permanent ones end as Failed. Runs only while 1-Click
/// Export (company level) is on. Each notification is leased (<see cref="Leases"/>), so several instances never
/// process the same export, and one whose lease ran out writes nothing.
/// </summary>
public sealed partial class LinkedInExportProcessor(
    AttractDbContext db,
    DbContextOptions<AttractDbContext> dbOptions,
    LinkedInCapabilities capabilities,
    LinkedInConnector connector,
    AttractMetrics metrics,
    ILinkedInExportsClient exports,
    ILinkedInSyncClient sync,
    IOptions<LinkedInIntegrationOptions> options,
    ErasureSuppressionKeyring suppressions,
    TimeProvider clock,
    ILogger<LinkedInExportProcessor> logger)
{
    public const string ExportType = "EXPORT_CANDIDATE_PROFILE";
    public const string Source = "LinkedIn Recruiter (1-click export)";
    public const int MaxAttempts = 5;

    /// <summary>The refusal of an export whose every member was erased from Attract (the suppression list matched).</summary>
    public const string SuppressedReason = "The exported LinkedIn member was erased from Attract at their request (GDPR erasure) and is not imported again. "
        + "An administrator can lift the suppression under Admin settings → Erasure suppressions.";
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);

    /// <summary>Processes every due export notification; returns how many were completed (processed, refused or failed).</summary>
    public async Task<int> ProcessDueAsync(CancellationToken ct = default)
    {
        if (!(await capabilities.GetAsync(cancellationToken: ct)).Has(LinkedInCapability.OneClickExport))
        {
            return 0;
        }
        await RetryManualMatchesAsync(ct);
        var done = 0;
        var now = clock.GetUtcNow().UtcDateTime;
        var ids = await Received.Unclaimed(now).OrderBy(n => n.Id).Select(n => n.Id).Take(50).ToListAsync(ct);
        foreach (var id in ids)
        {
            if (await ProcessAsync(id, ct))
            {
                done++;
            }
        }
        return done;
    }

    private IQueryable<LinkedInNotification> Received => db.Set<LinkedInNotification>().Where(n =>
        n.Type == ExportType && n.Status == LinkedInNotificationStatus.Received);

    /// <summary>Claims one notification (lease) and processes it; false when another instance holds it or it is not due.</summary>
    public async Task<bool> ProcessAsync(int notificationId, CancellationToken ct = default)
    {
        var owner = Leases.NewOwner("export");
        var claimed = await Received.Where(n => n.Id == notificationId)
            .ClaimAsync(owner, clock.GetUtcNow().UtcDateTime, Lease, s => s.SetProperty(n => n.Attempts, n => n.Attempts + 1), ct);
        if (claimed == 0)
        {
            return false;
        }
        var notification = await db.Set<LinkedInNotification>().AsNoTracking().SingleAsync(n => n.Id == notificationId, ct);
        var connection = await db.Set<LinkedInConnection>().AsNoTracking().Where(c => c.ChildClientId != null).FirstOrDefaultAsync(ct);
        if (connection is null || connector.ChildApp(connection) is not { } app)
        {
            await FinishAsync(notification.Id, owner, LinkedInNotificationStatus.Failed, "Attract is not connected to LinkedIn.", ct);
            metrics.Export("failed", "not_connected");
            return true;
        }
        IReadOnlyList<ExportedCandidate> exported;
        try
        {
            exported = await exports.GetExportedCandidatesAsync(app, notification.NotificationId, ct);
        }
        catch (Exception ex) when (ex is LinkedInApiException or HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            LogPullFailed(logger, ex, notification.NotificationId);
            var reason = "Reading the export from LinkedIn failed: " + LinkedInConnector.Describe(ex);
            if (IsTransient(ex) && notification.Attempts < MaxAttempts)
            {
                await RetryLaterAsync(notification.Id, owner, notification.Attempts, reason + " (will retry)", ct);
                metrics.Export("deferred", "linkedin_unavailable");
                return false;
            }
            await FinishAsync(notification.Id, owner, LinkedInNotificationStatus.Failed, reason, ct);
            metrics.Export("failed", "linkedin_error");
            return true;
        }
        if (exported.Count == 0)
        {
            await FinishAsync(notification.Id, owner, LinkedInNotificationStatus.Failed,
                "LinkedIn returned no exported candidate for this request (expired or purged).", ct);
            metrics.Export("failed", "not_found");
            return true;
        }
        ImportResult result;
        try
        {
            result = await ImportAsync(notification.Id, owner, connection, exported, ct);
        }
        catch (Exception ex) when (ex is DbUpdateException or DomainException or InvalidOperationException)
        {
            LogImportFailed(logger, ex, notification.NotificationId);
            var reason = "Saving the export failed: " + ex.Message;
            if (notification.Attempts < MaxAttempts)
            {
                await RetryLaterAsync(notification.Id, owner, notification.Attempts, reason + " (will retry)", ct);
                metrics.Export("deferred", "save_failed");
                return false;
            }
            await FinishAsync(notification.Id, owner, LinkedInNotificationStatus.Failed, reason, ct);
            metrics.Export("failed", "save_failed");
            return true;
        }
        if (result.Outcome is { } outcome)
        {
            metrics.Export(outcome.Status, outcome.Reason);
        }
        if (result.MatchCandidates.Count > 0)
        {
            await SetManualMatchesAsync(app, connection, result.MatchCandidates, ct);
        }
        return true;
    }

    /// <summary>What the import did, for the metrics: <c>taken</c> or <c>refused</c> with a reason; null when the lease was lost.</summary>
    private sealed record ImportResult(List<(int CandidateId, string PersonUrn)> MatchCandidates, (string Status, string Reason)? Outcome = null);

    /// <summary>Checks and writes everything in one transaction, using a context whose actor is the exporting user.</summary>
    private async Task<ImportResult> ImportAsync(int notificationId, string owner, LinkedInConnection connection,
        IReadOnlyList<ExportedCandidate> exported, CancellationToken ct)
    {
        var first = exported[0];
        var jobCode = first.ExternalJobPostingId?.Trim();
        var seat = first.Exporter?.Seat;
        var link = seat is null ? null : await db.Set<LinkedInUserLink>().AsNoTracking()
            .Where(l => l.SeatUrn == seat && (connection.ContractUrn == null || l.ContractUrn == null || l.ContractUrn == connection.ContractUrn))
            .Select(l => new { l.UserId, Name = db.Users.Where(u => u.Id == l.UserId).Select(u => u.DisplayName).FirstOrDefault() })
            .FirstOrDefaultAsync(ct);
        var actor = link is null ? FixedActor.System : new FixedActor(link.UserId, $"{link.Name} (LinkedIn export)");
        // read before the transaction: the first read may store the suppression key, which SQLite can't do beside an open write transaction
        var suppressed = await suppressions.LoadListAsync(db, ct);
        await using var scopedDb = new AttractDbContext(dbOptions, actor, clock);
        await using var tx = await scopedDb.Database.BeginTransactionAsync(ct);
        var notification = await scopedDb.Set<LinkedInNotification>().SingleAsync(n => n.Id == notificationId, ct);
        if (notification.ClaimedBy != owner || notification.Status != LinkedInNotificationStatus.Received)
        {
            return new ImportResult([]); // the lease expired and another instance took over
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var kept = exported.Where(e => !suppressed.ContainsAny(e.Member, [e.EmailAddress], e.PublicProfileUrl)).ToList();
        notification.PersonUrn = kept.FirstOrDefault()?.Member;
        notification.JobCode = jobCode;
        notification.SeatUrn = seat;
        if (kept.Count == 0)
        {
            Complete(notification, LinkedInNotificationStatus.Refused, SuppressedReason, now);
            await scopedDb.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            LogRefused(logger, notification.NotificationId, SuppressedReason);
            return new ImportResult([]);
        }
        var job = jobCode is null ? null : await scopedDb.Jobs.Include(j => j.Stages).Include(j => j.Team).ThenInclude(t => t.User)
            .FirstOrDefaultAsync(j => j.Code == jobCode, ct);
        var refusal = Check(jobCode, job, seat, link?.UserId, link?.Name);
        var matches = new List<(int, string)>();
        if (refusal is { } refused)
        {
            Complete(notification, LinkedInNotificationStatus.Refused, refused.Message, now);
            await scopedDb.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            LogRefused(logger, notification.NotificationId, refused.Message);
            return new ImportResult(matches, ("refused", refused.Reason));
        }
        var prospect = job!.Stages.Single(s => s.IsProspect);
        var outcomes = new List<string>();
        var pending = new List<(Candidate Candidate, JobApplication? Application)>();
        if (kept.Count < exported.Count)
        {
            outcomes.Add($"{exported.Count - kept.Count} exported member(s) not imported: erased from Attract (suppressed).");
        }
        foreach (var e in kept)
        {
            var (candidate, how) = await FindOrCreateAsync(scopedDb, e, now, ct);
            var existing = candidate.Id == 0 ? null : await scopedDb.Applications
                .Where(a => a.CandidateId == candidate.Id && a.JobId == job.Id)
                .Select(a => new { a.Id, Stage = a.Stage.Name, a.Status }).FirstOrDefaultAsync(ct);
            if (existing is not null)
            {
                outcomes.Add($"{candidate.FullName} ({how}) is already in {job.Code}'s pipeline ({existing.Stage}{(existing.Status == ApplicationStatus.Rejected ? ", rejected" : "")}); no second application added.");
                notification.ApplicationId = existing.Id;
                pending.Add((candidate, null));
                continue;
            }
            var application = JobApplication.Create(candidate, job, prospect, actor, now);
            scopedDb.Applications.Add(application);
            pending.Add((candidate, application));
            outcomes.Add($"{candidate.FullName} ({how}) added to {job.Code} {job.Title} in {prospect.Name}.");
        }
        var recipients = job.Team.Where(t => t.Role is TeamRole.Recruiter or TeamRole.HiringManager)
            .Select(t => t.User.DisplayName).Distinct().Order().ToList();
        outcomes.Add(recipients.Count == 0 ? "Nobody to notify." : "Notified: " + string.Join(", ", recipients) + ".");
        await scopedDb.SaveChangesAsync(ct);
        var (firstCandidate, firstApplication) = pending[0];
        notification.CandidateId = firstCandidate.Id;
        notification.ApplicationId = firstApplication?.Id ?? notification.ApplicationId;
        Complete(notification, LinkedInNotificationStatus.Processed, string.Join(" ", outcomes), now);
        await scopedDb.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        matches.AddRange(pending.Where(p => p.Candidate.LinkedInPersonUrn is not null).Select(p => (p.Candidate.Id, p.Candidate.LinkedInPersonUrn!)));
        return new ImportResult(matches, ("taken", pending.Any(p => p.Application is not null) ? "added" : "already_in_pipeline"));
    }

    /// <summary>Why the export can't be taken (a reason code for the metrics and a message), or null when the job and the exporting user qualify.</summary>
    public static (string Reason, string Message)? Check(string? jobCode, Job? job, string? seat, string? userId, string? userName)
    {
        if (job is null)
        {
            return ("job_not_found", $"Job {jobCode ?? "(none)"} was not found in Attract.");
        }
        if (job.Status != JobStatus.Active)
        {
            return ("job_not_active", $"Job {job.Code} is {job.Status}; only active jobs accept exports.");
        }
        if (!job.HasProspectStage)
        {
            return ("no_prospect_stage", $"Job {job.Code} has no Prospect stage; add one to accept exports.");
        }
        if (userId is null)
        {
            return ("seat_not_mapped", $"The exporting Recruiter seat {seat ?? "(unknown)"} is not mapped to an Attract user (User settings → LinkedIn).");
        }
        if (!job.Team.Any(t => t.UserId == userId && t.Role is TeamRole.Recruiter or TeamRole.HiringManager))
        {
            return ("not_on_hiring_team", $"{userName} is not a recruiter or hiring manager on {job.Code}'s hiring team.");
        }
        return null;
    }

    /// <summary>By person URN, then email, then normalised profile URL; otherwise a new candidate.</summary>
    private static async Task<(Candidate Candidate, string How)> FindOrCreateAsync(AttractDbContext scopedDb, ExportedCandidate e, DateTime now, CancellationToken ct)
    {
        var candidates = scopedDb.Candidates.Include(c => c.Emails);
        Candidate? found = null;
        var how = "";
        if (!string.IsNullOrWhiteSpace(e.Member))
        {
            found = await candidates.FirstOrDefaultAsync(c => c.LinkedInPersonUrn == e.Member, ct);
            how = "matched by LinkedIn member";
        }
        if (found is null && !string.IsNullOrWhiteSpace(e.EmailAddress))
        {
            var email = CandidateEmail.Normalize(e.EmailAddress);
            found = await candidates.FirstOrDefaultAsync(c => c.Emails.Any(m => m.Normalized == email), ct);
            how = "matched by email";
        }
        if (found is null && Candidate.NormalizeLinkedInUrl(e.PublicProfileUrl) is { } key)
        {
            found = await candidates.FirstOrDefaultAsync(c => c.LinkedInProfileKey == key, ct);
            how = "matched by LinkedIn profile URL";
        }
        if (found is not null)
        {
            found.LinkedInPersonUrn ??= e.Member;
            Fill(found, e);
            return (found, how);
        }
        var candidate = new Candidate
        {
            Source = Source,
            LinkedInPersonUrn = e.Member,
            CreatedAtUtc = now,
            UpdatedAtUtc = now,
        };
        candidate.SetName(e.FirstName ?? "", e.LastName ?? "");
        if (candidate.FullName.Length == 0)
        {
            candidate.SetName("LinkedIn", "member");
        }
        Fill(candidate, e);
        scopedDb.Candidates.Add(candidate);
        return (candidate, "new candidate");
    }

    /// <summary>Fills blanks only; shared email and phone are added.</summary>
    private static void Fill(Candidate c, ExportedCandidate e)
    {
        c.CurrentCompany ??= e.CurrentCompanyName;
        c.CurrentTitle ??= e.CurrentTitle ?? e.Headline;
        c.Summary ??= e.Headline;
        c.City ??= e.Location?.City;
        c.Region ??= e.Location?.Region;
        c.Country ??= e.Location?.CountryCode?.ToUpperInvariant();
        if (c.LinkedInProfileUrl is null && !string.IsNullOrWhiteSpace(e.PublicProfileUrl))
        {
            c.SetLinkedInProfileUrl(e.PublicProfileUrl);
        }
        if (!string.IsNullOrWhiteSpace(e.EmailAddress))
        {
            c.SetEmails(c.Emails.Select(m => m.Address).Append(e.EmailAddress));
        }
        if (!string.IsNullOrWhiteSpace(e.PhoneNumber) && !c.Phones.Contains(e.PhoneNumber.Trim(), StringComparer.OrdinalIgnoreCase))
        {
            c.Phones = [.. c.Phones, e.PhoneNumber.Trim()];
        }
    }

    public const string ManualMatchErrorType = LinkedInSyncError.ManualMatchedMember;
    public const int MaxManualMatchAttempts = 10;

    /// <summary>Retries <c>manualMatchedMember</c> writes that failed earlier (kept as <see cref="LinkedInSyncError"/> rows).</summary>
    private async Task RetryManualMatchesAsync(CancellationToken ct)
    {
        var errors = await db.Set<LinkedInSyncError>()
            .Where(e => e.EntityType == ManualMatchErrorType && e.ResolvedAtUtc == null && e.Attempts < MaxManualMatchAttempts)
            .OrderBy(e => e.Id).Take(100).ToListAsync(ct);
        if (errors.Count == 0)
        {
            return;
        }
        var connection = await db.Set<LinkedInConnection>().AsNoTracking().Where(c => c.ChildClientId != null).FirstOrDefaultAsync(ct);
        if (connection is null || connector.ChildApp(connection) is not { } app)
        {
            return;
        }
        var ids = errors.Select(e => (int)e.EntityId).ToList();
        var matches = await db.Candidates.AsNoTracking().Where(c => ids.Contains(c.Id) && c.LinkedInPersonUrn != null)
            .Select(c => new { c.Id, c.LinkedInPersonUrn }).ToListAsync(ct);
        var failed = await TrySetManualMatchesAsync(app, connection, matches.Select(m => (m.Id, m.LinkedInPersonUrn!)).ToList(), 1, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var e in errors)
        {
            e.Attempts++;
            if (!failed.Contains((int)e.EntityId))
            {
                e.ResolvedAtUtc = now;
            }
        }
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// Links the candidates to their LinkedIn members (<c>manualMatchedMember</c>) after the commit; never fatal. What
    /// still fails after a few quick tries is kept as a <see cref="LinkedInSyncError"/> and retried on later runs.
    /// </summary>
    private async Task SetManualMatchesAsync(LinkedInAppCredentials app, LinkedInConnection connection, List<(int CandidateId, string PersonUrn)> matches, CancellationToken ct)
    {
        var failed = await TrySetManualMatchesAsync(app, connection, matches, 3, ct);
        if (failed.Count == 0)
        {
            return;
        }
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var id in failed)
        {
            db.Add(new LinkedInSyncError
            {
                EntityType = ManualMatchErrorType,
                EntityId = id,
                Message = "Linking the candidate to its LinkedIn member (manualMatchedMember) failed; it is retried.",
                OccurredAtUtc = now,
                Attempts = 1,
            });
        }
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Returns the candidate ids that could not be matched.</summary>
    private async Task<HashSet<int>> TrySetManualMatchesAsync(LinkedInAppCredentials app, LinkedInConnection connection,
        List<(int CandidateId, string PersonUrn)> matches, int tries, CancellationToken ct)
    {
        var pending = matches.Select(m => m.CandidateId).ToHashSet();
        if (matches.Count == 0)
        {
            return pending;
        }
        var context = connection.OrganizationUrn ?? "";
        var members = matches.Select(m => new KeyValuePair<AtsCandidateKey, string?>(
            new AtsCandidateKey(context, m.CandidateId.ToString(System.Globalization.CultureInfo.InvariantCulture)), m.PersonUrn)).ToList();
        for (var attempt = 1; attempt <= tries; attempt++)
        {
            try
            {
                var result = await sync.SetManualMatchedMembersAsync(app, members, ct);
                pending = result.Failed.Select(f => int.Parse(f.Key.AtsCandidateId, System.Globalization.CultureInfo.InvariantCulture)).ToHashSet();
                if (pending.Count == 0)
                {
                    return pending;
                }
                LogMatchRefused(logger, result.Failed.Count, attempt);
                members = members.Where(m => pending.Contains(int.Parse(m.Key.AtsCandidateId, System.Globalization.CultureInfo.InvariantCulture))).ToList();
            }
            catch (Exception ex) when (ex is LinkedInApiException or HttpRequestException)
            {
                LogMatchFailed(logger, ex, attempt);
            }
            if (attempt < tries)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(300 * attempt), ct);
            }
        }
        return pending;
    }

    private static bool IsTransient(Exception ex) => ex switch
    {
        LinkedInAuthException => false,
        LinkedInApiException a => a.StatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.RequestTimeout || (int)a.StatusCode >= 500,
        _ => true,
    };

    private static void Complete(LinkedInNotification n, LinkedInNotificationStatus status, string outcome, DateTime now)
    {
        n.Status = status;
        n.Outcome = outcome.Length > 2000 ? outcome[..2000] : outcome;
        n.ProcessedAtUtc = now;
        n.ClaimedBy = null;
        n.ClaimedUntilUtc = null;
    }

    private async Task FinishAsync(int id, string owner, LinkedInNotificationStatus status, string outcome, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        outcome = outcome.Length > 2000 ? outcome[..2000] : outcome;
        await db.Set<LinkedInNotification>().Where(n => n.Id == id).ReleaseAsync(owner, null, s => s
            .SetProperty(n => n.Status, status).SetProperty(n => n.Outcome, outcome).SetProperty(n => n.ProcessedAtUtc, now), ct);
    }

    /// <summary>Releases the lease but keeps the row not due until the backoff has passed.</summary>
    private async Task RetryLaterAsync(int id, string owner, int attempts, string outcome, CancellationToken ct)
    {
        var notBefore = clock.GetUtcNow().UtcDateTime + options.Value.Sync.Backoff.After(attempts);
        await db.Set<LinkedInNotification>().Where(n => n.Id == id).ReleaseAsync(owner, notBefore, s => s.SetProperty(n => n.Outcome, outcome), ct);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reading LinkedIn export {RequestId} failed")]
    private static partial void LogPullFailed(ILogger logger, Exception ex, string requestId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Saving LinkedIn export {RequestId} failed; nothing was kept")]
    private static partial void LogImportFailed(ILogger logger, Exception ex, string requestId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Refused LinkedIn export {RequestId}: {Reason}")]
    private static partial void LogRefused(ILogger logger, string requestId, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "LinkedIn refused {Count} manual member matches (attempt {Attempt})")]
    private static partial void LogMatchRefused(ILogger logger, int count, int attempt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Setting manual member matches failed (attempt {Attempt})")]
    private static partial void LogMatchFailed(ILogger logger, Exception ex, int attempt);
}
