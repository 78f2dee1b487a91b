namespace LinkedIn.Recruiter;

internal sealed partial class LinkedInRecruiterClient : ILinkedInExportsClient
{
    public Task<IReadOnlyList<ExportedCandidate>> GetExportedCandidatesAsync(LinkedInAppCredentials app, string requestId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentException.ThrowIfNullOrWhiteSpace(requestId);
        return FindAsync(app, null, $"v2/exportedCandidates?q=request&requestId={Q(requestId)}", Json.ExportedCandidate, cancellationToken);
    }

    public IAsyncEnumerable<PurgedExportedCandidate> GetPurgedExportedCandidatesAsync(LinkedInAppCredentials app, string integrationContext, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentException.ThrowIfNullOrWhiteSpace(integrationContext);
        return PageAsync(
            app,
            $"rest/atsPurgedExportedCandidates?q=integrationContext&integrationContext={Q(integrationContext)}",
            Json.PurgedExportedCandidate,
            _options.LinkedInVersion,
            cancellationToken);
    }
}
