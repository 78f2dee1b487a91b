using System.Runtime.CompilerServices;
using System.Text.Json;

namespace LinkedIn.Recruiter;

internal sealed partial class LinkedInRecruiterClient : ILinkedInAclClient
{
    private const string EntityAclsPath = "v2/atsEntityAcls";
    private const string EntityAclAssigneesPath = "v2/atsEntityAclAssignees";

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

    private static void WriteEmptyObject<TKey>(Utf8JsonWriter w, TKey key)
    {
        w.WriteStartObject();
        w.WriteEndObject();
    }
}
