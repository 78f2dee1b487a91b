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
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Options;

namespace Attract.Web.Integrations.LinkedIn.Export;

/// <summary>
/// The 1-Click Export intake: leases <c>EXPORT_CANDIDATE_PROFILE</c> notifications (Status Received), pulls the exported
/// candidates, checks the job and the exporting seat, then finds or creates the candidate and adds it to the job's
/// Prospect stage in one transaction. A refused export stores its reason and changes nothing else. Transient LinkedIn
/// failures retry with the sync's <see cref="RetryBackoff"/>; permanent ones end as Failed. Runs only while 1-Click
/// Export (company level) is on. Each notification is leased (<see cref="Leases"/>), so several instances never
/// process the same export, and one whose lease ran out writes nothing. The link of each candidate to its LinkedIn member
/// is queued in the same transaction and sent by <see cref="LinkedInExportLinker"/> (right after, and retried).
/// </summary>
public sealed partial class LinkedInExportProcessor(
    AttractDbContext db,
    DbContextOptions<AttractDbContext> dbOptions,
    LinkedInCapabilities capabilities,
    LinkedInConnector connector,
    AttractMetrics metrics,
    ILinkedInExportsClient exports,
    LinkedInExportLinker links,
    IOptions<LinkedInIntegrationOptions> options,
    ErasureSuppressionKeyring suppressions,
    TimeProvider clock,
    ILogger<LinkedInExportProcessor> logger)
{
    public const string ExportType = "EXPORT_CANDIDATE_PROFILE";
    public const string Source = "LinkedIn Recruiter (1-click export)";

    /// <summary>
    /// Ends the actor name of every change an export makes (<c>"{exporter} (LinkedIn export)"</c>), so the application's
    /// first stage move says who exported it from LinkedIn, and when.
    /// </summary>
    public const string ExporterSuffix = " (LinkedIn export)";
    public const int MaxAttempts = 5;

    /// <summary>The refusal of an export whose every member was erased from Attract (the suppression list matched).</summary>
    public const string SuppressedReason = "The exported LinkedIn member was erased from Attract at their request (GDPR erasure) and is not imported again. "
        + "An administrator can lift the suppression under Admin settings → Erasure suppressions.";
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);

    /// <summary>
    /// Processes every due export notification, then sends the due member links (<see cref="LinkedInExportLinker"/>);
    /// returns how many exports were completed (processed, refused or failed).
    /// </summary>
    public async Task<int> ProcessDueAsync(CancellationToken ct = default)
    {
        var done = await ProcessExportsAsync(ct);
        await links.LinkDueAsync(ct);
        return done;
    }

    private async Task<int> ProcessExportsAsync(CancellationToken ct)
    {
        if (!(await capabilities.GetAsync(cancellationToken: ct)).Has(LinkedInCapability.OneClickExport))
        {
            return 0;
        }
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
            return await RetryOrFailAsync(notification, owner, IsTransient(ex), "Reading the export from LinkedIn failed: " + LinkedInConnector.Describe(ex),
                ("linkedin_unavailable", "linkedin_error"), ct);
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
            return await RetryOrFailAsync(notification, owner, retryable: true, "Saving the export failed: " + ex.Message, ("save_failed", "save_failed"), ct);
        }
        if (result.Outcome is { } outcome)
        {
            metrics.Export(outcome.Status, outcome.Reason);
        }
        return true;
    }

    /// <summary>What the import did, for the metrics: <c>taken</c> or <c>refused</c> with a reason; null when the lease was lost.</summary>
    private sealed record ImportResult((string Status, string Reason)? Outcome = null);

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
        var actor = link is null ? FixedActor.System : new FixedActor(link.UserId, link.Name + ExporterSuffix);
        // read before the transaction: the first read may store the suppression key, which SQLite can't do beside an open write transaction
        var suppressed = await suppressions.LoadListAsync(db, ct);
        await using var scopedDb = new AttractDbContext(dbOptions, actor, clock);
        await using var tx = await scopedDb.Database.BeginTransactionAsync(ct);
        var notification = await scopedDb.Set<LinkedInNotification>().SingleAsync(n => n.Id == notificationId, ct);
        if (notification.ClaimedBy != owner || notification.Status != LinkedInNotificationStatus.Received)
        {
            return new ImportResult(); // the lease expired and another instance took over
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var kept = exported.Where(e => !suppressed.ContainsAny(e.Member, [e.EmailAddress], e.PublicProfileUrl)).ToList();
        notification.PersonUrn = kept.FirstOrDefault()?.Member;
        notification.JobCode = jobCode;
        notification.SeatUrn = seat;
        if (kept.Count == 0)
        {
            await RefuseAsync(scopedDb, tx, notification, SuppressedReason, now, ct);
            return new ImportResult();
        }
        var job = jobCode is null ? null : await scopedDb.Jobs.Include(j => j.Stages).Include(j => j.Team).ThenInclude(t => t.User)
            .FirstOrDefaultAsync(j => j.Code == jobCode, ct);
        var refusal = Check(jobCode, job, seat, link?.UserId, link?.Name);
        if (refusal is { } refused)
        {
            await RefuseAsync(scopedDb, tx, notification, refused.Message, now, ct);
            return new ImportResult(("refused", refused.Reason));
        }
        var outcomes = new List<string>();
        if (kept.Count < exported.Count)
        {
            outcomes.Add($"{exported.Count - kept.Count} exported member(s) not imported: erased from Attract (suppressed).");
        }
        var pending = await AddToPipelineAsync(scopedDb, notification, job!, kept, actor, outcomes, now, ct);
        var recipients = job!.Team.Where(t => t.Role is TeamRole.Recruiter or TeamRole.HiringManager)
            .Select(t => t.User.DisplayName).Distinct().Order().ToList();
        outcomes.Add(recipients.Count == 0 ? "Nobody to notify." : "Notified: " + string.Join(", ", recipients) + ".");
        await scopedDb.SaveChangesAsync(ct);
        var (firstCandidate, firstApplication) = pending[0];
        notification.CandidateId = firstCandidate.Id;
        notification.ApplicationId = firstApplication?.Id ?? notification.ApplicationId;
        notification.Complete(LinkedInNotificationStatus.Processed, string.Join(" ", outcomes), now);
        // The links to the LinkedIn members commit with the candidates, so a crash after the commit cannot lose them.
        scopedDb.OutboxMessages.AddRange(pending.Where(p => p.Candidate.LinkedInPersonUrn is not null)
            .Select(p => p.Candidate.Id).Distinct().Select(id => LinkedInExportLinker.Pending(id, LinkedInExportLinker.ExportActor, now)));
        await scopedDb.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new ImportResult(("taken", pending.Any(p => p.Application is not null) ? "added" : "already_in_pipeline"));
    }

    /// <summary>
    /// A failed attempt: retried later (with the backoff) while it may help and attempts are left, otherwise the export
    /// ends as Failed with <paramref name="reason"/>. Returns whether the export is completed.
    /// </summary>
    private async Task<bool> RetryOrFailAsync(LinkedInNotification notification, string owner, bool retryable, string reason,
        (string Deferred, string Failed) metricReasons, CancellationToken ct)
    {
        if (retryable && notification.Attempts < MaxAttempts)
        {
            await RetryLaterAsync(notification.Id, owner, notification.Attempts, reason + " (will retry)", ct);
            metrics.Export("deferred", metricReasons.Deferred);
            return false;
        }
        await FinishAsync(notification.Id, owner, LinkedInNotificationStatus.Failed, reason, ct);
        metrics.Export("failed", metricReasons.Failed);
        return true;
    }

    /// <summary>Refuses the export: stores the reason on the notification and changes nothing else.</summary>
    private async Task RefuseAsync(AttractDbContext scopedDb, IDbContextTransaction tx, LinkedInNotification notification, string reason, DateTime now, CancellationToken ct)
    {
        notification.Complete(LinkedInNotificationStatus.Refused, reason, now);
        await scopedDb.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        LogRefused(logger, notification.NotificationId, reason);
    }

    /// <summary>
    /// Finds or creates each exported candidate and adds it to the job's Prospect stage, unless it is already in the job's
    /// pipeline; says what happened in <paramref name="outcomes"/>.
    /// </summary>
    private static async Task<List<(Candidate Candidate, JobApplication? Application)>> AddToPipelineAsync(AttractDbContext scopedDb,
        LinkedInNotification notification, Job job, List<ExportedCandidate> kept, ICurrentActor actor, List<string> outcomes, DateTime now, CancellationToken ct)
    {
        var prospect = job.Stages.Single(s => s.IsProspect);
        var pending = new List<(Candidate Candidate, JobApplication? Application)>();
        foreach (var e in kept)
        {
            var (candidate, how) = await ExportedCandidateMatcher.FindOrCreateAsync(scopedDb, e, now, ct);
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
        return pending;
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

    private static bool IsTransient(Exception ex) => ex switch
    {
        LinkedInAuthException => false,
        LinkedInApiException a => a.StatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.RequestTimeout || (int)a.StatusCode >= 500,
        _ => true,
    };

    private async Task FinishAsync(int id, string owner, LinkedInNotificationStatus status, string outcome, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        outcome = LinkedInNotification.FitOutcome(outcome);
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
}
