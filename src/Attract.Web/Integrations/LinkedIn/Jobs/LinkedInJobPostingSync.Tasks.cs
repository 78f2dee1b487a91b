using Attract.Core.Common;
using Attract.Core.LinkedIn;
using Attract.Core.Outbox;
using LinkedIn.Recruiter;
using Microsoft.EntityFrameworkCore;

namespace Attract.Web.Integrations.LinkedIn.Jobs;

/// <summary>
/// LinkedIn processes accepted job postings asynchronously. Each accepted posting's task is checked
/// <see cref="LinkedInSyncOptions.JobTaskCheckDelay"/> later. A task that failed becomes an open sync error on the
/// job (shown on the sync page, with Retry), and its send no longer counts as "sent", so the job is re-sent once
/// automatically as a CREATE (an upsert at LinkedIn). A task that succeeded resolves the job's open error.
/// </summary>
public sealed partial class LinkedInJobPostingSync
{
    public const string TaskRetryActor = "system:linkedin-job-task-retry";

    private TimeSpan TaskCheckDelay => options.Value.Sync.JobTaskCheckDelay;

    private async Task TrackTasksAsync(IEnumerable<JobPostingCreateResult> accepted, IReadOnlyDictionary<string, int> jobByCode, IReadOnlyList<OutboxMessage> rows,
        DateTime now, CancellationToken ct)
    {
        var results = accepted.Where(r => r.TaskId is { Length: > 0 }).ToList();
        var ids = results.Select(r => r.TaskId!).ToList();
        var known = (await db.Set<LinkedInJobPostingTask>().Where(t => ids.Contains(t.TaskId)).Select(t => t.TaskId).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        foreach (var result in results)
        {
            var taskId = result.TaskId!;
            if (!known.Add(taskId) || !jobByCode.TryGetValue(result.ExternalJobPostingId, out var jobId))
            {
                continue; // a task id is tracked once
            }
            db.Add(new LinkedInJobPostingTask
            {
                TaskId = taskId,
                JobId = jobId,
                OutboxMessageId = rows.Where(r => r.EntityId == jobId).Select(r => (long?)r.Id).Max(),
                SubmittedAtUtc = now,
                CheckAfterUtc = now + TaskCheckDelay,
            });
        }
    }

    /// <summary>Checks up to <see cref="BatchSize"/> due tasks; returns how many completed.</summary>
    public async Task<int> CheckTasksAsync(LinkedInAppCredentials app, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var due = await db.Set<LinkedInJobPostingTask>().Where(t => t.CompletedAtUtc == null && t.CheckAfterUtc <= now)
            .OrderBy(t => t.CheckAfterUtc).Take(BatchSize).ToListAsync(ct);
        if (due.Count == 0)
        {
            return 0;
        }
        BatchGetResult<string, JobPostingTask> found;
        try
        {
            found = await jobPostings.GetJobPostingTasksAsync(app, due.Select(t => t.TaskId), ct);
        }
        catch (Exception ex) when (ex is LinkedInApiException or HttpRequestException)
        {
            LogTaskCheckFailed(logger, ex, due.Count);
            due.ForEach(t => t.CheckAfterUtc = now + TaskCheckDelay);
            await db.SaveChangesAsync(ct);
            return 0;
        }
        var missing = found.Failed.Where(f => f.Status == 404).ToDictionary(f => f.Key, f => f.Message, StringComparer.Ordinal);
        var completed = new List<LinkedInJobPostingTask>();
        foreach (var task in due)
        {
            if (found.Found.TryGetValue(task.TaskId, out var state) && state.Status is "SUCCEEDED" or "FAILED" or "PROCESSED")
            {
                task.Status = state.Status;
                task.Error = state.Error is { } e ? Truncate($"{e.Code} {e.Message}".Trim(), 2000) : state.Status == "FAILED" ? "LinkedIn reported the task as failed." : null;
            }
            else if (missing.TryGetValue(task.TaskId, out var message))
            {
                task.Status = "NOT_FOUND";
                task.Error = Truncate(message ?? "LinkedIn no longer knows this task.", 2000);
            }
            else
            {
                task.Status = state?.Status ?? task.Status;
                task.CheckAfterUtc = now + TaskCheckDelay; // still in progress
                continue;
            }
            task.CompletedAtUtc = now;
            completed.Add(task);
        }
        await ApplyOutcomesAsync(completed, now, ct);
        await db.SaveChangesAsync(ct);
        var expired = now.AddDays(-30); // LinkedIn keeps tasks for 30 days
        await db.Set<LinkedInJobPostingTask>().Where(t => t.CompletedAtUtc != null && t.CompletedAtUtc < expired).ExecuteDeleteAsync(ct);
        return completed.Count;
    }

    private async Task ApplyOutcomesAsync(List<LinkedInJobPostingTask> completed, DateTime now, CancellationToken ct)
    {
        // The newest task of each job decides its state.
        var latest = completed.GroupBy(t => t.JobId).Select(g => g.MaxBy(t => t.SubmittedAtUtc)!).ToList();
        var failed = latest.Where(t => t.Failed).ToList();
        await RecordJobErrorsAsync(
            failed.Select(t => (t.JobId, (int?)null, $"LinkedIn could not process the job posting ({t.Status}): {t.Error}")).ToList(),
            latest.Where(t => !t.Failed).Select(t => t.JobId).ToList(), now, ct);
        foreach (var task in failed)
        {
            await ResendOnceAsync(task, now, ct);
        }
    }

    /// <summary>Opens (or updates) the sync error of each failed job and resolves the open error of each succeeded one.</summary>
    private async Task RecordJobErrorsAsync(IReadOnlyCollection<(int JobId, int? Status, string Message)> failures, IReadOnlyCollection<int> succeeded,
        DateTime now, CancellationToken ct)
    {
        var ids = failures.Select(f => (long)f.JobId).Concat(succeeded.Select(id => (long)id)).Distinct().ToList();
        if (ids.Count == 0)
        {
            return;
        }
        var open = await db.Set<LinkedInSyncError>()
            .Where(e => e.ResolvedAtUtc == null && e.EntityType == TrackedTypes.Job && ids.Contains(e.EntityId)).ToListAsync(ct);
        foreach (var error in open.Where(e => succeeded.Contains((int)e.EntityId)))
        {
            error.ResolvedAtUtc = now;
        }
        foreach (var (jobId, status, message) in failures)
        {
            var error = open.FirstOrDefault(e => e.EntityId == jobId);
            if (error is null)
            {
                error = new LinkedInSyncError { EntityType = TrackedTypes.Job, EntityId = jobId };
                db.Add(error);
                open.Add(error);
            }
            error.Status = status;
            error.Message = Truncate(message, 1000);
            error.OccurredAtUtc = now;
            error.Attempts++;
        }
    }

    /// <summary>
    /// Marks the send that produced a failed task as not sent (so the next send is a CREATE) and queues the job again,
    /// unless that send was itself such an automatic re-send: then the error waits for the admin's Retry.
    /// </summary>
    private async Task ResendOnceAsync(LinkedInJobPostingTask task, DateTime now, CancellationToken ct)
    {
        var row = task.OutboxMessageId is { } id ? await db.OutboxMessages.FirstOrDefaultAsync(o => o.Id == id, ct) : null;
        if (row is not null)
        {
            row.LastError = Truncate($"LinkedIn task {task.TaskId} {task.Status}: {task.Error}", 1000);
        }
        if (row?.ActorUserId == TaskRetryActor)
        {
            return;
        }
        db.OutboxMessages.Add(OutboxMessage.Resend(TrackedTypes.Job, task.JobId, new AuditScope(task.JobId, null, null), TaskRetryActor, now));
    }

    private static string Truncate(string value, int max) => value.Length <= max ? value : value[..max];

    [LoggerMessage(Level = LogLevel.Warning, Message = "Checking {Count} LinkedIn job posting tasks failed; they are checked again later")]
    private static partial void LogTaskCheckFailed(ILogger logger, Exception ex, int count);
}
