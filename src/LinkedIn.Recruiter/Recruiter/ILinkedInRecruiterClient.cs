namespace LinkedIn.Recruiter;

/// <summary>
/// RSC calls made as a customer (child) application: integrations, sync, export and prospect interactions.
/// Every method takes the child app's credentials; its 2-legged token is fetched, cached and refreshed for you.
/// Batch methods split inputs into requests of at most <c>MaxBatchSize</c> (≤ 100) keys, sent one after another,
/// and report per-key outcomes; a request-level failure throws <see cref="LinkedInApiException"/>
/// (chunks sent before it stay applied; the writes are idempotent upserts, so the whole call can be repeated).
/// </summary>
public interface ILinkedInRecruiterClient
{
    // ---- Integrations -------------------------------------------------------------------------

    /// <summary>Sets user-facing <c>integrationName</c>s (<c>atsIntegrations</c> batch_partial_update).</summary>
    Task<BatchResult<AtsIntegrationKey>> SetIntegrationNamesAsync(LinkedInAppCredentials app, IEnumerable<KeyValuePair<AtsIntegrationKey, string>> names, CancellationToken cancellationToken = default);

    /// <summary>Reads integrations (<c>atsIntegrations</c> BATCH_GET).</summary>
    Task<BatchGetResult<AtsIntegrationKey, AtsIntegration>> GetIntegrationsAsync(LinkedInAppCredentials app, IEnumerable<AtsIntegrationKey> keys, CancellationToken cancellationToken = default);

    /// <summary>The integrations an onboarding request or status-change push concerns (<c>atsIntegrations?q=request</c>). Empty when none.</summary>
    Task<IReadOnlyList<AtsIntegration>> FindIntegrationsByRequestAsync(LinkedInAppCredentials app, string requestId, CancellationToken cancellationToken = default);

    /// <summary>Sets configurations (e.g. CALLBACK_URL, JOB_POSTING_VIEWERS) of one integration (batch_update).</summary>
    Task<BatchResult<string>> SetIntegrationConfigurationsAsync(LinkedInAppCredentials app, AtsIntegrationKey integration, IEnumerable<KeyValuePair<string, string>> values, CancellationToken cancellationToken = default);

    /// <summary>Reads configurations of one integration; names not set are absent from the result.</summary>
    Task<IReadOnlyDictionary<string, string>> GetIntegrationConfigurationsAsync(LinkedInAppCredentials app, AtsIntegrationKey integration, IEnumerable<string> names, CancellationToken cancellationToken = default);

    /// <summary>Deletes configurations of one integration.</summary>
    Task<BatchResult<string>> DeleteIntegrationConfigurationsAsync(LinkedInAppCredentials app, AtsIntegrationKey integration, IEnumerable<string> names, CancellationToken cancellationToken = default);

    // ---- Jobs ---------------------------------------------------------------------------------

    /// <summary>Creates/updates/closes job postings (<c>simpleJobPostings</c> batch_create). Results are in input order.</summary>
    Task<IReadOnlyList<JobPostingCreateResult>> SubmitJobPostingsAsync(LinkedInAppCredentials app, IEnumerable<SimpleJobPosting> postings, CancellationToken cancellationToken = default);

    /// <summary>Reads job posting tasks (<c>simpleJobPostingTasks?ids=…</c>).</summary>
    Task<BatchGetResult<string, JobPostingTask>> GetJobPostingTasksAsync(LinkedInAppCredentials app, IEnumerable<string> taskIds, CancellationToken cancellationToken = default);

    // ---- Candidates ---------------------------------------------------------------------------

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

    // ---- Applications -------------------------------------------------------------------------

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

    // ---- ACLs ---------------------------------------------------------------------------------

    /// <summary>Grants ACL groups on job postings (<c>atsEntityAcls</c> batch_update, entities <c>{}</c>).</summary>
    Task<BatchResult<AtsEntityAclKey>> UpsertEntityAclsAsync(LinkedInAppCredentials app, IEnumerable<AtsEntityAclKey> keys, CancellationToken cancellationToken = default);

    /// <summary>Removes ACL grants.</summary>
    Task<BatchResult<AtsEntityAclKey>> DeleteEntityAclsAsync(LinkedInAppCredentials app, IEnumerable<AtsEntityAclKey> keys, CancellationToken cancellationToken = default);

    /// <summary>Adds members to ACL groups (<c>atsEntityAclAssignees</c> batch_update, entities <c>{}</c>).</summary>
    Task<BatchResult<AtsEntityAclAssigneeKey>> UpsertEntityAclAssigneesAsync(LinkedInAppCredentials app, IEnumerable<AtsEntityAclAssigneeKey> keys, CancellationToken cancellationToken = default);

    /// <summary>Removes members from ACL groups.</summary>
    Task<BatchResult<AtsEntityAclAssigneeKey>> DeleteEntityAclAssigneesAsync(LinkedInAppCredentials app, IEnumerable<AtsEntityAclAssigneeKey> keys, CancellationToken cancellationToken = default);

    /// <summary>ACL grants of an organization, optionally of one job posting (<c>atsEntityAcls?q=criteria</c>, paged).</summary>
    IAsyncEnumerable<AtsEntityAclKey> FindEntityAclsAsync(LinkedInAppCredentials app, string integrationContext, string? atsEntityId = null, CancellationToken cancellationToken = default);

    /// <summary>ACL group members of an organization, optionally of one member (<c>atsEntityAclAssignees?q=criteria</c>, paged).</summary>
    IAsyncEnumerable<AtsEntityAclAssigneeKey> FindEntityAclAssigneesAsync(LinkedInAppCredentials app, string integrationContext, string? assignee = null, CancellationToken cancellationToken = default);

    // ---- 1-Click Export -----------------------------------------------------------------------

    /// <summary>Candidates of an export push (<c>exportedCandidates?q=request&amp;requestId=</c>). Empty when none.</summary>
    Task<IReadOnlyList<ExportedCandidate>> GetExportedCandidatesAsync(LinkedInAppCredentials app, string requestId, CancellationToken cancellationToken = default);

    /// <summary>Purged exports of an organization (<c>/rest/atsPurgedExportedCandidates</c>, paged).</summary>
    IAsyncEnumerable<PurgedExportedCandidate> GetPurgedExportedCandidatesAsync(LinkedInAppCredentials app, string integrationContext, CancellationToken cancellationToken = default);

    // ---- Prospect interactions (contract-scoped, paged) ---------------------------------------

    /// <summary>Seat holders of a contract (<c>seatsV2?q=attributes</c>).</summary>
    IAsyncEnumerable<RecruiterSeat> GetSeatsAsync(LinkedInAppCredentials app, string contractUrn, CancellationToken cancellationToken = default);

    /// <summary>Seat holders via the legacy finder (<c>seats?q=seatsByAttributes</c>).</summary>
    IAsyncEnumerable<RecruiterSeat> GetSeatsLegacyAsync(LinkedInAppCredentials app, string contractUrn, bool activeOnly = true, CancellationToken cancellationToken = default);

    /// <summary>InMail events of a seat in [from, to), fetched in windows of at most 12 h.</summary>
    IAsyncEnumerable<ConversationEvent> GetConversationEventsAsync(LinkedInAppCredentials app, string viewerSeatUrn, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default);

    /// <summary>Stub profiles owned by a seat created in [from, to), windows of at most 12 h.</summary>
    IAsyncEnumerable<MailStub> GetMailStubsAsync(LinkedInAppCredentials app, string contractUrn, string ownerSeatUrn, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default);

    /// <summary>Prospect notes of a seat last modified in [from (cutoffDate), to (beforeDate)), windows of at most 12 h.</summary>
    IAsyncEnumerable<ProspectNote> GetProspectNotesAsync(LinkedInAppCredentials app, string contractUrn, string ownerSeatUrn, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default);

    // ---- Member (3-legged) --------------------------------------------------------------------

    /// <summary>The signed-in member (<c>GET /v2/me</c>) with a 3-legged access token.</summary>
    Task<LinkedInMember> GetMeAsync(string memberAccessToken, CancellationToken cancellationToken = default);

    /// <summary>The contracts the signed-in member holds a seat on (<c>recruiterContracts?q=viewer</c>).</summary>
    Task<IReadOnlyList<RecruiterContract>> GetRecruiterContractsAsync(string memberAccessToken, CancellationToken cancellationToken = default);
}
