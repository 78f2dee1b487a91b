namespace LinkedIn.Recruiter;

/// <summary>
/// The ATS data sync behind the In-ATS indicator: candidates (with notes and <c>manualMatchedMember</c>) and
/// applications (with stages, notes and interview feedback).
/// Every call is made as the customer's child application: the first argument is its credentials, whose 2-legged
/// token is fetched, cached and refreshed for you.
/// Batch methods split inputs into requests of at most <c>MaxBatchSize</c> (≤ 100) keys, sent one after another,
/// and report per-key outcomes; a request-level failure throws <see cref="LinkedInApiException"/>
/// (chunks sent before it stay applied; the writes are idempotent upserts, so the whole call can be repeated).
/// </summary>
public interface ILinkedInSyncClient
{
    // Candidates

    /// <summary>Upserts candidates (PUT batch_update; full replace).</summary>
    Task<BatchResult<AtsCandidateKey>> UpsertCandidatesAsync(LinkedInAppCredentials app, IEnumerable<KeyValuePair<AtsCandidateKey, AtsCandidate>> candidates, CancellationToken cancellationToken = default);

    /// <summary>Reads candidates with <c>matchedMember</c>/<c>manualMatchedMember</c> (BATCH_GET).</summary>
    Task<BatchGetResult<AtsCandidateKey, AtsCandidate>> GetCandidatesAsync(LinkedInAppCredentials app, IEnumerable<AtsCandidateKey> keys, CancellationToken cancellationToken = default);

    /// <summary>Sets (person URN) or, for null, deletes <c>manualMatchedMember</c> (batch_partial_update).</summary>
    Task<BatchResult<AtsCandidateKey>> SetManualMatchedMembersAsync(LinkedInAppCredentials app, IEnumerable<KeyValuePair<AtsCandidateKey, string?>> members, CancellationToken cancellationToken = default);

    /// <summary>Deletes candidates with their notes and applications (batch_delete).</summary>
    Task<BatchResult<AtsCandidateKey>> DeleteCandidatesAsync(LinkedInAppCredentials app, IEnumerable<AtsCandidateKey> keys, CancellationToken cancellationToken = default);

    /// <summary>Upserts notes of one candidate (keyed by the partner's note id).</summary>
    Task<BatchResult<string>> UpsertCandidateNotesAsync(LinkedInAppCredentials app, AtsCandidateKey candidate, IEnumerable<KeyValuePair<string, AtsNote>> notes, CancellationToken cancellationToken = default);

    /// <summary>Deletes notes of one candidate.</summary>
    Task<BatchResult<string>> DeleteCandidateNotesAsync(LinkedInAppCredentials app, AtsCandidateKey candidate, IEnumerable<string> noteIds, CancellationToken cancellationToken = default);

    // Applications

    /// <summary>Upserts applications (PUT batch_update; full replace).</summary>
    Task<BatchResult<AtsApplicationKey>> UpsertApplicationsAsync(LinkedInAppCredentials app, IEnumerable<KeyValuePair<AtsApplicationKey, AtsApplication>> applications, CancellationToken cancellationToken = default);

    /// <summary>Deletes applications with their stages, notes and feedback.</summary>
    Task<BatchResult<AtsApplicationKey>> DeleteApplicationsAsync(LinkedInAppCredentials app, IEnumerable<AtsApplicationKey> keys, CancellationToken cancellationToken = default);

    /// <summary>Upserts stage transitions of one application (keyed by stage record id).</summary>
    Task<BatchResult<string>> UpsertApplicationStagesAsync(LinkedInAppCredentials app, AtsApplicationKey application, IEnumerable<KeyValuePair<string, AtsApplicationStage>> stages, CancellationToken cancellationToken = default);

    /// <summary>Deletes stage records of one application.</summary>
    Task<BatchResult<string>> DeleteApplicationStagesAsync(LinkedInAppCredentials app, AtsApplicationKey application, IEnumerable<string> stageIds, CancellationToken cancellationToken = default);

    /// <summary>Upserts notes of one application.</summary>
    Task<BatchResult<string>> UpsertApplicationNotesAsync(LinkedInAppCredentials app, AtsApplicationKey application, IEnumerable<KeyValuePair<string, AtsNote>> notes, CancellationToken cancellationToken = default);

    /// <summary>Deletes notes of one application.</summary>
    Task<BatchResult<string>> DeleteApplicationNotesAsync(LinkedInAppCredentials app, AtsApplicationKey application, IEnumerable<string> noteIds, CancellationToken cancellationToken = default);

    /// <summary>Upserts interview feedback of one application.</summary>
    Task<BatchResult<string>> UpsertInterviewFeedbackAsync(LinkedInAppCredentials app, AtsApplicationKey application, IEnumerable<KeyValuePair<string, AtsInterviewFeedback>> feedback, CancellationToken cancellationToken = default);

    /// <summary>Deletes interview feedback of one application.</summary>
    Task<BatchResult<string>> DeleteInterviewFeedbackAsync(LinkedInAppCredentials app, AtsApplicationKey application, IEnumerable<string> feedbackIds, CancellationToken cancellationToken = default);
}
