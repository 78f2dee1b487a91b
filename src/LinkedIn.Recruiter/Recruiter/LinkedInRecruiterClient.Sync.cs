using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace LinkedIn.Recruiter;

internal sealed partial class LinkedInRecruiterClient : ILinkedInSyncClient
{
    private const string CandidatesPath = "v2/atsCandidates";
    private const string ApplicationsPath = "v2/atsApplications";

    // ---- Candidates ----

    public Task<BatchResult<AtsCandidateKey>> UpsertCandidatesAsync(LinkedInAppCredentials app, IEnumerable<KeyValuePair<AtsCandidateKey, AtsCandidate>> candidates, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(candidates);

        // The match fields are read-only; never send them (a round-tripped BATCH_GET entity must not try to set them).
        var writable = candidates.Select(p => KeyValuePair.Create(p.Key, p.Value is null ? null! : p.Value with { MatchedMember = null, ManualMatchedMember = null }));
        return UpsertAsync(app, CandidatesPath, CompoundKeyScheme<AtsCandidateKey>.Instance, writable, Json.AtsCandidate, cancellationToken);
    }

    public Task<BatchGetResult<AtsCandidateKey, AtsCandidate>> GetCandidatesAsync(LinkedInAppCredentials app, IEnumerable<AtsCandidateKey> keys, CancellationToken cancellationToken = default) =>
        BatchGetAsync(app, CandidatesPath, CompoundKeyScheme<AtsCandidateKey>.Instance, keys, Json.AtsCandidate, cancellationToken);

    public Task<BatchResult<AtsCandidateKey>> SetManualMatchedMembersAsync(LinkedInAppCredentials app, IEnumerable<KeyValuePair<AtsCandidateKey, string?>> members, CancellationToken cancellationToken = default)
    {
        var (keys, values) = Split(members);
        return BatchWriteAsync(
            app,
            HttpMethod.Post,
            "batch_partial_update",
            CandidatesPath,
            CompoundKeyScheme<AtsCandidateKey>.Instance,
            keys,
            (w, k) =>
            {
                if (values[k] is { } member)
                {
                    WriteSetPatch(w, "manualMatchedMember", member);
                    return;
                }

                w.WriteStartObject();
                w.WriteStartObject("patch");
                w.WriteStartArray("$delete");
                w.WriteStringValue("manualMatchedMember");
                w.WriteEndArray();
                w.WriteEndObject();
                w.WriteEndObject();
            },
            cancellationToken);
    }

    public Task<BatchResult<AtsCandidateKey>> DeleteCandidatesAsync(LinkedInAppCredentials app, IEnumerable<AtsCandidateKey> keys, CancellationToken cancellationToken = default) =>
        DeleteAsync(app, CandidatesPath, CompoundKeyScheme<AtsCandidateKey>.Instance, keys, cancellationToken);

    public Task<BatchResult<string>> UpsertCandidateNotesAsync(LinkedInAppCredentials app, AtsCandidateKey candidate, IEnumerable<KeyValuePair<string, AtsNote>> notes, CancellationToken cancellationToken = default) =>
        UpsertAsync(app, SubPath(CandidatesPath, candidate, "notes"), SimpleKeyScheme.Instance, notes, Json.AtsNote, cancellationToken);

    public Task<BatchResult<string>> DeleteCandidateNotesAsync(LinkedInAppCredentials app, AtsCandidateKey candidate, IEnumerable<string> noteIds, CancellationToken cancellationToken = default) =>
        DeleteAsync(app, SubPath(CandidatesPath, candidate, "notes"), SimpleKeyScheme.Instance, noteIds, cancellationToken);

    // ---- Applications ----

    public Task<BatchResult<AtsApplicationKey>> UpsertApplicationsAsync(LinkedInAppCredentials app, IEnumerable<KeyValuePair<AtsApplicationKey, AtsApplication>> applications, CancellationToken cancellationToken = default) =>
        UpsertAsync(app, ApplicationsPath, CompoundKeyScheme<AtsApplicationKey>.Instance, applications, Json.AtsApplication, cancellationToken);

    public Task<BatchResult<AtsApplicationKey>> DeleteApplicationsAsync(LinkedInAppCredentials app, IEnumerable<AtsApplicationKey> keys, CancellationToken cancellationToken = default) =>
        DeleteAsync(app, ApplicationsPath, CompoundKeyScheme<AtsApplicationKey>.Instance, keys, cancellationToken);

    public Task<BatchResult<string>> UpsertApplicationStagesAsync(LinkedInAppCredentials app, AtsApplicationKey application, IEnumerable<KeyValuePair<string, AtsApplicationStage>> stages, CancellationToken cancellationToken = default) =>
        UpsertAsync(app, SubPath(ApplicationsPath, application, "stages"), SimpleKeyScheme.Instance, stages, Json.AtsApplicationStage, cancellationToken);

    public Task<BatchResult<string>> DeleteApplicationStagesAsync(LinkedInAppCredentials app, AtsApplicationKey application, IEnumerable<string> stageIds, CancellationToken cancellationToken = default) =>
        DeleteAsync(app, SubPath(ApplicationsPath, application, "stages"), SimpleKeyScheme.Instance, stageIds, cancellationToken);

    public Task<BatchResult<string>> UpsertApplicationNotesAsync(LinkedInAppCredentials app, AtsApplicationKey application, IEnumerable<KeyValuePair<string, AtsNote>> notes, CancellationToken cancellationToken = default) =>
        UpsertAsync(app, SubPath(ApplicationsPath, application, "notes"), SimpleKeyScheme.Instance, notes, Json.AtsNote, cancellationToken);

    public Task<BatchResult<string>> DeleteApplicationNotesAsync(LinkedInAppCredentials app, AtsApplicationKey application, IEnumerable<string> noteIds, CancellationToken cancellationToken = default) =>
        DeleteAsync(app, SubPath(ApplicationsPath, application, "notes"), SimpleKeyScheme.Instance, noteIds, cancellationToken);

    public Task<BatchResult<string>> UpsertInterviewFeedbackAsync(LinkedInAppCredentials app, AtsApplicationKey application, IEnumerable<KeyValuePair<string, AtsInterviewFeedback>> feedback, CancellationToken cancellationToken = default) =>
        UpsertAsync(app, SubPath(ApplicationsPath, application, "interviewFeedback"), SimpleKeyScheme.Instance, feedback, Json.AtsInterviewFeedback, cancellationToken);

    public Task<BatchResult<string>> DeleteInterviewFeedbackAsync(LinkedInAppCredentials app, AtsApplicationKey application, IEnumerable<string> feedbackIds, CancellationToken cancellationToken = default) =>
        DeleteAsync(app, SubPath(ApplicationsPath, application, "interviewFeedback"), SimpleKeyScheme.Instance, feedbackIds, cancellationToken);

    // ---- helpers ----

    private Task<BatchResult<TKey>> UpsertAsync<TKey, TEntity>(
        LinkedInAppCredentials app,
        string path,
        KeyScheme<TKey> scheme,
        IEnumerable<KeyValuePair<TKey, TEntity>> items,
        JsonTypeInfo<TEntity> typeInfo,
        CancellationToken cancellationToken)
        where TKey : notnull
    {
        var (keys, values) = Split(items);
        foreach (var (key, value) in values)
        {
            if (value is null)
            {
                throw new ArgumentException($"The entity for key {key} is null.", nameof(items));
            }
        }

        return BatchWriteAsync(app, HttpMethod.Put, "batch_update", path, scheme, keys, (w, k) => JsonSerializer.Serialize(w, values[k], typeInfo), cancellationToken);
    }

    private Task<BatchResult<TKey>> DeleteAsync<TKey>(LinkedInAppCredentials app, string path, KeyScheme<TKey> scheme, IEnumerable<TKey> keys, CancellationToken cancellationToken)
        where TKey : notnull =>
        BatchWriteAsync(app, HttpMethod.Delete, "batch_delete", path, scheme, keys, null, cancellationToken);

    private static string SubPath(string path, IRestLiCompoundKey parent, string subResource)
    {
        ArgumentNullException.ThrowIfNull(parent);
        return $"{path}/{parent.ToRestLiKey()}/{subResource}";
    }
}
