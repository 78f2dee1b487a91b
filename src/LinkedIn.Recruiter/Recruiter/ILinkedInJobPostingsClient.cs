namespace LinkedIn.Recruiter;

/// <summary>
/// Job postings (<c>simpleJobPostings</c>) and the asynchronous tasks LinkedIn processes them in.
/// Every call is made as the customer's child application: the first argument is its credentials, whose 2-legged
/// token is fetched, cached and refreshed for you.
/// </summary>
public interface ILinkedInJobPostingsClient
{
    /// <summary>Creates/updates/closes job postings (<c>simpleJobPostings</c> batch_create). Results are in input order.</summary>
    Task<IReadOnlyList<JobPostingCreateResult>> SubmitJobPostingsAsync(LinkedInAppCredentials app, IEnumerable<SimpleJobPosting> postings, CancellationToken cancellationToken = default);

    /// <summary>Reads job posting tasks (<c>simpleJobPostingTasks?ids=…</c>).</summary>
    Task<BatchGetResult<string, JobPostingTask>> GetJobPostingTasksAsync(LinkedInAppCredentials app, IEnumerable<string> taskIds, CancellationToken cancellationToken = default);
}
