using Attract.Core.Common;
using Attract.Core.Data;
using Attract.Core.Jobs;
using Attract.Core.LinkedIn;
using Attract.Core.Outbox;
using Attract.Web.Infrastructure;
using LinkedIn.Recruiter;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Attract.Web.Integrations.LinkedIn.Jobs;

/// <summary>
/// Sends jobs to LinkedIn's <c>simpleJobPostings</c> so recruiters find them in the 1-Click Export picker by title or
/// Job ID. Claims only outbox rows with EntityType <c>Job</c> (leases: a conditional update, so two instances never
/// claim the same row), maps each job's current state (Active → LISTED, Closed → CLOSED, Draft not sent) and marks the
/// rows processed. Runs only while company-level access is on; the first run after it is enabled sends every active and
/// closed job once (backfill).
/// </summary>
public sealed partial class LinkedInJobPostingSync(
    AttractDbContext db,
    LinkedInCapabilities capabilities,
    LinkedInConnector connector,
    ILinkedInJobPostingsClient jobPostings,
    Sync.LinkedInUsageMeter usage,
    AttractMetrics metrics,
    IOptions<LinkedInIntegrationOptions> options,
    TimeProvider clock,
    ILogger<LinkedInJobPostingSync> logger)
{
    public const int BatchSize = 100;
    public const int MaxAttempts = 10;
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);

    /// <summary>Claims and sends due job rows (several batches); returns how many outbox rows were completed.</summary>
    public async Task<int> DrainAsync(CancellationToken ct = default)
    {
        if (!(await capabilities.GetAsync(cancellationToken: ct)).Has(LinkedInCapability.OneClickExport))
        {
            return 0;
        }
        var connection = await db.Set<LinkedInConnection>().AsNoTracking().Where(c => c.ChildClientId != null).FirstOrDefaultAsync(ct);
        if (connection is null || connector.ChildApp(connection) is not { } app || connection.OrganizationUrn is null)
        {
            return 0;
        }
        await BackfillIfNeededAsync(connection, app, ct);
        var done = 0;
        for (var batch = 0; batch < 50; batch++)
        {
            var claimed = await ClaimAsync(ct);
            if (claimed.Count == 0)
            {
                break;
            }
            done += await SendAsync(connection, app, claimed, ct);
        }
        await CheckTasksAsync(app, ct);
        return done;
    }

    /// <summary>Leases up to <see cref="BatchSize"/> unprocessed Job rows; only rows this call updated are returned.</summary>
    public async Task<List<OutboxMessage>> ClaimAsync(CancellationToken ct)
    {
        var owner = await db.OutboxMessages.LeaseAsync(JobTypes, BatchSize, Lease, clock.GetUtcNow().UtcDateTime, "jobs", MaxAttempts, ct: ct);
        return owner is null ? [] : await db.OutboxMessages.Owned(owner).ToListAsync(ct);
    }

    private static readonly string[] JobTypes = [TrackedTypes.Job];

    private async Task<int> SendAsync(LinkedInConnection connection, LinkedInAppCredentials app, List<OutboxMessage> rows, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var (jobs, postings) = await PostingsAsync(connection, rows, ct);
        string? error = null;
        var failed = new Dictionary<string, string>(StringComparer.Ordinal);
        var accepted = new List<JobPostingCreateResult>();
        try
        {
            if (postings.Count > 0)
            {
                var results = await jobPostings.SubmitJobPostingsAsync(app, postings, ct);
                usage.CountRecords(postings.Count);
                foreach (var r in results)
                {
                    if (r.Succeeded)
                    {
                        accepted.Add(r);
                    }
                    else
                    {
                        failed[r.ExternalJobPostingId] = $"{r.Status} {r.Error?.Message}".Trim();
                    }
                }
                metrics.SyncRecords(TrackedTypes.Job, accepted.Count, failed.Count);
            }
        }
        catch (Exception ex) when (ex is LinkedInApiException or HttpRequestException)
        {
            error = LinkedInConnector.Describe(ex);
            LogBatchFailed(logger, ex, postings.Count);
        }
        var codes = jobs.ToDictionary(j => j.Key, j => j.Value.Code);
        foreach (var row in rows)
        {
            var rowError = error ?? (codes.TryGetValue((int)row.EntityId, out var code) ? failed.GetValueOrDefault(code) : null);
            row.Settle(rowError, now, options.Value.Sync.Backoff);
        }
        metrics.RowsDeferred(AttractMetrics.JobPostingsConsumer, rows.Count(r => r.ProcessedAtUtc is null));
        var jobByCode = jobs.Values.ToDictionary(j => j.Code, j => j.Id, StringComparer.Ordinal);
        await TrackTasksAsync(accepted, jobByCode, rows, now, ct);
        await RecordJobErrorsAsync(
            failed.Where(f => jobByCode.ContainsKey(f.Key)).Select(f => (jobByCode[f.Key], (int?)null, "LinkedIn refused the job posting: " + f.Value)).ToList(),
            [], now, ct);
        await db.SaveChangesAsync(ct);
        if (error is null)
        {
            await db.Set<LinkedInConnection>().Where(c => c.Id == connection.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.LastSyncAtUtc, now), ct);
        }
        return rows.Count(r => r.ProcessedAtUtc is not null);
    }

    /// <summary>The jobs behind the rows and their postings (first-time or update; none for drafts).</summary>
    private async Task<(Dictionary<int, Job> Jobs, List<SimpleJobPosting> Postings)> PostingsAsync(LinkedInConnection connection,
        List<OutboxMessage> rows, CancellationToken ct)
    {
        var entityIds = rows.Select(r => r.EntityId).Distinct().ToList();
        var jobIds = entityIds.Select(id => (int)id).ToList();
        var jobs = await db.Jobs.AsNoTracking().Where(j => jobIds.Contains(j.Id)).ToDictionaryAsync(j => j.Id, ct);
        var lastSent = await db.OutboxMessages.AsNoTracking()
            .Where(m => m.EntityType == TrackedTypes.Job && entityIds.Contains(m.EntityId) && m.ProcessedAtUtc != null && m.LastError == null)
            .GroupBy(m => m.EntityId).Select(g => new { Id = g.Key, At = g.Max(m => m.ProcessedAtUtc) })
            .ToDictionaryAsync(x => (int)x.Id, x => x.At, ct);
        // A re-send after a failure (automatic, or the admin's Retry) is a CREATE, which LinkedIn treats as an upsert.
        var resends = rows.Where(r => r.ActorUserId is TaskRetryActor or Sync.LinkedInSyncStatus.RetryActor).Select(r => (int)r.EntityId).ToHashSet();
        var postings = new List<SimpleJobPosting>();
        foreach (var job in jobIds.Select(id => jobs.GetValueOrDefault(id)).OfType<Job>())
        {
            var first = resends.Contains(job.Id)
                || (job.ActivatedAtUtc is { } activated && (lastSent.GetValueOrDefault(job.Id) is not { } sent || activated >= sent));
            if (ToPosting(connection.OrganizationUrn!, job, first) is { } posting)
            {
                postings.Add(posting);
            }
        }
        return (jobs, postings);
    }

    /// <summary>The posting for a job's current state; null for drafts (not sent).</summary>
    public static SimpleJobPosting? ToPosting(string integrationContext, Job job, bool firstTime)
    {
        if (job.Status == JobStatus.Draft)
        {
            return null;
        }
        var closed = job.Status == JobStatus.Closed;
        var location = string.Join(", ", new[] { job.City, string.IsNullOrWhiteSpace(job.Region) ? job.Country : job.Region }
            .Where(s => !string.IsNullOrWhiteSpace(s)));
        return new SimpleJobPosting
        {
            IntegrationContext = integrationContext,
            ExternalJobPostingId = job.Code,
            CompanyJobCode = job.Code,
            Title = job.Title.Length > 200 ? job.Title[..200] : job.Title,
            Description = string.IsNullOrWhiteSpace(job.Description) ? job.Title : job.Description,
            Location = string.IsNullOrWhiteSpace(location) ? null : location,
            Availability = "PRIVATE_TO_ATS_INTEGRATION",
            State = closed ? "CLOSED" : "LISTED",
            ListedAt = new DateTimeOffset(DateTime.SpecifyKind(job.ActivatedAtUtc ?? job.CreatedAtUtc, DateTimeKind.Utc)).ToUnixTimeMilliseconds(),
            JobPostingOperationType = closed ? (firstTime ? "CREATE" : "CLOSE") : (firstTime ? "CREATE" : "UPDATE"),
        };
    }

    /// <summary>Once per enablement of the company-level features (either level): sends every active and closed job (again after a failure).</summary>
    private async Task BackfillIfNeededAsync(LinkedInConnection connection, LinkedInAppCredentials app, CancellationToken ct)
    {
        var enabledAt = connection.CompanyFeaturesChangedAtUtc ?? DateTime.MinValue;
        if (connection.JobsBackfilledAtUtc is { } done && done >= enabledAt && connection.JobsBackfillError is null)
        {
            return;
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var context = connection.OrganizationUrn!;
        var jobs = await db.Jobs.AsNoTracking().Where(j => j.Status != JobStatus.Draft).OrderBy(j => j.Id).ToListAsync(ct);
        string? error;
        try
        {
            // CREATE is an upsert of the posting (state LISTED or CLOSED); LinkedIn splits the list into batches of ≤ 100.
            var results = await jobPostings.SubmitJobPostingsAsync(app, jobs.Select(j => ToPosting(context, j, firstTime: true)!), ct);
            usage.CountRecords(jobs.Count);
            await TrackTasksAsync(results.Where(r => r.Succeeded), jobs.ToDictionary(j => j.Code, j => j.Id, StringComparer.Ordinal), [], now, ct);
            var failed = results.Count(r => r.Status is < 200 or >= 300);
            metrics.SyncRecords(TrackedTypes.Job, results.Count - failed, failed);
            error = failed == 0 ? null : $"{failed} of {jobs.Count} job postings were refused.";
            LogBackfilled(logger, jobs.Count, failed);
        }
        catch (Exception ex) when (ex is LinkedInApiException or HttpRequestException)
        {
            error = LinkedInConnector.Describe(ex);
            LogBatchFailed(logger, ex, jobs.Count);
        }
        await db.SaveChangesAsync(ct);
        await db.Set<LinkedInConnection>().Where(c => c.Id == connection.Id).ExecuteUpdateAsync(s => s
            .SetProperty(c => c.JobsBackfilledAtUtc, now)
            .SetProperty(c => c.JobsBackfillError, error is null ? null : error.Length > 2000 ? error[..2000] : error), ct);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sending {Count} job postings to LinkedIn failed")]
    private static partial void LogBatchFailed(ILogger logger, Exception ex, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Job postings backfill: sent {Count} jobs, {Failed} refused")]
    private static partial void LogBackfilled(ILogger logger, int count, int failed);
}
