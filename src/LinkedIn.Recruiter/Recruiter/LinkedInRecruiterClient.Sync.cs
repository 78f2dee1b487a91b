using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using LinkedIn.Recruiter.Http;

namespace LinkedIn.Recruiter;

internal sealed partial class LinkedInRecruiterClient
{
    private const string JobPostingsPath = "v2/simpleJobPostings";
    private const string JobPostingTasksPath = "v2/simpleJobPostingTasks";
    private const string CandidatesPath = "v2/atsCandidates";
    private const string ApplicationsPath = "v2/atsApplications";
    private const string EntityAclsPath = "v2/atsEntityAcls";
    private const string EntityAclAssigneesPath = "v2/atsEntityAclAssignees";

    // ---- Jobs ----

    public async Task<IReadOnlyList<JobPostingCreateResult>> SubmitJobPostingsAsync(LinkedInAppCredentials app, IEnumerable<SimpleJobPosting> postings, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(postings);
        var results = new List<JobPostingCreateResult>();
        foreach (var chunk in postings.Chunk(_options.MaxBatchSize))
        {
            using var request = RestLiHttp.Create(HttpMethod.Post, JobPostingsPath, app, "batch_create", chunk.Length);
            RestLiHttp.SetJsonContent(request, RestLiHttp.WriteJson(w =>
            {
                w.WriteStartObject();
                w.WriteStartArray("elements");
                foreach (var posting in chunk)
                {
                    JsonSerializer.Serialize(w, posting, Json.SimpleJobPosting);
                }

                w.WriteEndArray();
                w.WriteEndObject();
            }));
            using var response = await RestLiHttp.SendAsync(http, request, cancellationToken).ConfigureAwait(false);
            var body = await RestLiHttp.ReadJsonAsync(response, Json.BatchCreateResponse, cancellationToken).ConfigureAwait(false);
            var elements = body.Elements ?? [];
            for (var i = 0; i < chunk.Length; i++)
            {
                var e = i < elements.Count ? elements[i] : null;
                results.Add(new JobPostingCreateResult
                {
                    ExternalJobPostingId = chunk[i].ExternalJobPostingId,
                    Status = e?.Status ?? 0,
                    TaskId = e?.Id,
                    Error = e is null
                        ? new RestLiError { Code = "MISSING_RESULT", Message = "LinkedIn reported no outcome for this element." }
                        : e.Error,
                });
            }
        }

        return results;
    }

    public Task<BatchGetResult<string, JobPostingTask>> GetJobPostingTasksAsync(LinkedInAppCredentials app, IEnumerable<string> taskIds, CancellationToken cancellationToken = default) =>
        BatchGetAsync(app, JobPostingTasksPath, SimpleKeyScheme.Instance, taskIds, Json.JobPostingTask, cancellationToken);

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

    // ---- ACLs ----

    public Task<BatchResult<AtsEntityAclKey>> UpsertEntityAclsAsync(LinkedInAppCredentials app, IEnumerable<AtsEntityAclKey> keys, CancellationToken cancellationToken = default) =>
        BatchWriteAsync(app, HttpMethod.Put, "batch_update", EntityAclsPath, CompoundKeyScheme<AtsEntityAclKey>.Instance, keys, WriteEmptyObject, cancellationToken);

    public Task<BatchResult<AtsEntityAclKey>> DeleteEntityAclsAsync(LinkedInAppCredentials app, IEnumerable<AtsEntityAclKey> keys, CancellationToken cancellationToken = default) =>
        DeleteAsync(app, EntityAclsPath, CompoundKeyScheme<AtsEntityAclKey>.Instance, keys, cancellationToken);

    public Task<BatchResult<AtsEntityAclAssigneeKey>> UpsertEntityAclAssigneesAsync(LinkedInAppCredentials app, IEnumerable<AtsEntityAclAssigneeKey> keys, CancellationToken cancellationToken = default) =>
        BatchWriteAsync(app, HttpMethod.Put, "batch_update", EntityAclAssigneesPath, CompoundKeyScheme<AtsEntityAclAssigneeKey>.Instance, keys, WriteEmptyObject, cancellationToken);

    public Task<BatchResult<AtsEntityAclAssigneeKey>> DeleteEntityAclAssigneesAsync(LinkedInAppCredentials app, IEnumerable<AtsEntityAclAssigneeKey> keys, CancellationToken cancellationToken = default) =>
        DeleteAsync(app, EntityAclAssigneesPath, CompoundKeyScheme<AtsEntityAclAssigneeKey>.Instance, keys, cancellationToken);

    public async IAsyncEnumerable<AtsEntityAclKey> FindEntityAclsAsync(
        LinkedInAppCredentials app,
        string integrationContext,
        string? atsEntityId = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentException.ThrowIfNullOrWhiteSpace(integrationContext);
        var entity = atsEntityId is null ? "" : $"&atsEntityId={Q(atsEntityId)}&atsEntityType={RestLiValues.EntityTypeJobPosting}";
        var url = $"{EntityAclsPath}?q=criteria{entity}&dataProvider={RestLiValues.DataProviderAts}&integrationContext={Q(integrationContext)}";
        await foreach (var e in PageAsync(app, url, Json.AclElement, null, cancellationToken).ConfigureAwait(false))
        {
            yield return new AtsEntityAclKey(e.IntegrationContext ?? integrationContext, e.AtsEntityAclId ?? "", e.AtsEntityId ?? "")
            {
                AtsEntityType = e.AtsEntityType ?? RestLiValues.EntityTypeJobPosting,
                DataProvider = e.DataProvider ?? RestLiValues.DataProviderAts,
            };
        }
    }

    public async IAsyncEnumerable<AtsEntityAclAssigneeKey> FindEntityAclAssigneesAsync(
        LinkedInAppCredentials app,
        string integrationContext,
        string? assignee = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentException.ThrowIfNullOrWhiteSpace(integrationContext);
        var member = assignee is null ? "" : $"&assignee={Q(assignee)}";
        var url = $"{EntityAclAssigneesPath}?q=criteria{member}&dataProvider={RestLiValues.DataProviderAts}&integrationContext={Q(integrationContext)}";
        await foreach (var e in PageAsync(app, url, Json.AclElement, null, cancellationToken).ConfigureAwait(false))
        {
            yield return new AtsEntityAclAssigneeKey(e.IntegrationContext ?? integrationContext, e.AtsEntityAclId ?? "", e.Assignee ?? "")
            {
                AtsEntityType = e.AtsEntityType ?? RestLiValues.EntityTypeJobPosting,
                DataProvider = e.DataProvider ?? RestLiValues.DataProviderAts,
            };
        }
    }

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

    private static void WriteEmptyObject<TKey>(Utf8JsonWriter w, TKey key)
    {
        w.WriteStartObject();
        w.WriteEndObject();
    }

}
