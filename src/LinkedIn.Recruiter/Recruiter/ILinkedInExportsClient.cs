namespace LinkedIn.Recruiter;

/// <summary>
/// 1-Click Export: the candidates of an export push and the exports LinkedIn purged since.
/// Every call is made as the customer's child application: the first argument is its credentials, whose 2-legged
/// token is fetched, cached and refreshed for you.
/// </summary>
public interface ILinkedInExportsClient
{
    /// <summary>Candidates of an export push (<c>exportedCandidates?q=request&amp;requestId=</c>). Empty when none.</summary>
    Task<IReadOnlyList<ExportedCandidate>> GetExportedCandidatesAsync(LinkedInAppCredentials app, string requestId, CancellationToken cancellationToken = default);

    /// <summary>Purged exports of an organization (<c>/rest/atsPurgedExportedCandidates</c>, paged).</summary>
    IAsyncEnumerable<PurgedExportedCandidate> GetPurgedExportedCandidatesAsync(LinkedInAppCredentials app, string integrationContext, CancellationToken cancellationToken = default);
}
