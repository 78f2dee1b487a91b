namespace LinkedIn.Recruiter;

/// <summary>
/// The integrations a customer's LinkedIn admin requests (<c>atsIntegrations</c>): their names, the onboarding
/// request finder and their configurations (e.g. CALLBACK_URL).
/// Every call is made as the customer's child application: the first argument is its credentials, whose 2-legged
/// token is fetched, cached and refreshed for you.
/// Batch methods split inputs into requests of at most <c>MaxBatchSize</c> (≤ 100) keys, sent one after another,
/// and report per-key outcomes; a request-level failure throws <see cref="LinkedInApiException"/>
/// (chunks sent before it stay applied; the writes are idempotent upserts, so the whole call can be repeated).
/// </summary>
public interface ILinkedInIntegrationsClient
{
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
}
