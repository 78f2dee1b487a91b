namespace Attract.Core.LinkedIn;

/// <summary>
/// A LinkedIn job-posting task: <c>simpleJobPostings</c> accepts a posting with 202 and a task id, and processes it later.
/// Attract checks the task (<c>simpleJobPostingTasks</c>) a few minutes afterwards, so a posting LinkedIn could not
/// process shows up as an error the admin can retry instead of silently missing from LinkedIn's job search.
/// </summary>
public class LinkedInJobPostingTask
{
    public const string Submitted = "SUBMITTED";

    public int Id { get; set; }

    public string TaskId { get; set; } = "";

    public int JobId { get; set; }

    /// <summary>The outbox row whose send created the task; null for the backfill.</summary>
    public long? OutboxMessageId { get; set; }

    public DateTime SubmittedAtUtc { get; set; }

    public DateTime CheckAfterUtc { get; set; }

    /// <summary><see cref="Submitted"/> until checked, then LinkedIn's status (IN_PROGRESS, SUCCEEDED, FAILED, PROCESSED) or NOT_FOUND.</summary>
    public string Status { get; set; } = Submitted;

    public string? Error { get; set; }

    public DateTime? CompletedAtUtc { get; set; }

    public bool Failed => Status is "FAILED" or "NOT_FOUND" || (Status == "PROCESSED" && Error is not null);
}
