using System.Text.Json;

namespace LinkedIn.Recruiter;

internal sealed partial class LinkedInRecruiterClient : ILinkedInIntegrationsClient
{
    private const string IntegrationsPath = "v2/atsIntegrations";

    public Task<BatchResult<AtsIntegrationKey>> SetIntegrationNamesAsync(LinkedInAppCredentials app, IEnumerable<KeyValuePair<AtsIntegrationKey, string>> names, CancellationToken cancellationToken = default)
    {
        var (keys, values) = Split(names);
        return BatchWriteAsync(
            app,
            HttpMethod.Post,
            "batch_partial_update",
            IntegrationsPath,
            CompoundKeyScheme<AtsIntegrationKey>.Instance,
            keys,
            (w, k) => WriteSetPatch(w, "integrationName", values[k]),
            cancellationToken);
    }

    public Task<BatchGetResult<AtsIntegrationKey, AtsIntegration>> GetIntegrationsAsync(LinkedInAppCredentials app, IEnumerable<AtsIntegrationKey> keys, CancellationToken cancellationToken = default) =>
        BatchGetAsync(app, IntegrationsPath, CompoundKeyScheme<AtsIntegrationKey>.Instance, keys, Json.AtsIntegration, cancellationToken);

    public Task<IReadOnlyList<AtsIntegration>> FindIntegrationsByRequestAsync(LinkedInAppCredentials app, string requestId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentException.ThrowIfNullOrWhiteSpace(requestId);
        return FindAsync(app, null, $"{IntegrationsPath}?q=request&requestId={Q(requestId)}", Json.AtsIntegration, cancellationToken);
    }

    public Task<BatchResult<string>> SetIntegrationConfigurationsAsync(LinkedInAppCredentials app, AtsIntegrationKey integration, IEnumerable<KeyValuePair<string, string>> values, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(integration);
        var (keys, map) = Split(values);
        return BatchWriteAsync(
            app,
            HttpMethod.Put,
            "batch_update",
            ConfigurationsPath(integration),
            SimpleKeyScheme.Instance,
            keys,
            (w, k) =>
            {
                w.WriteStartObject();
                w.WriteStartObject("configurationValue");
                w.WriteString("string", map[k]);
                w.WriteEndObject();
                w.WriteEndObject();
            },
            cancellationToken);
    }

    public async Task<IReadOnlyDictionary<string, string>> GetIntegrationConfigurationsAsync(LinkedInAppCredentials app, AtsIntegrationKey integration, IEnumerable<string> names, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(integration);
        var result = await BatchGetAsync(app, ConfigurationsPath(integration), SimpleKeyScheme.Instance, names, Json.IntegrationConfiguration, cancellationToken).ConfigureAwait(false);
        return result.Found
            .Where(p => p.Value.ConfigurationValue?.String is not null)
            .ToDictionary(p => p.Key, p => p.Value.ConfigurationValue!.String!, StringComparer.Ordinal);
    }

    public Task<BatchResult<string>> DeleteIntegrationConfigurationsAsync(LinkedInAppCredentials app, AtsIntegrationKey integration, IEnumerable<string> names, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(integration);
        return BatchWriteAsync(app, HttpMethod.Delete, "batch_delete", ConfigurationsPath(integration), SimpleKeyScheme.Instance, names, null, cancellationToken);
    }

    private static string ConfigurationsPath(AtsIntegrationKey integration) =>
        $"{IntegrationsPath}/{integration.ToRestLiKey()}/configurations";

    private static void WriteSetPatch(Utf8JsonWriter w, string field, string value)
    {
        w.WriteStartObject();
        w.WriteStartObject("patch");
        w.WriteStartObject("$set");
        w.WriteString(field, value);
        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteEndObject();
    }
}
