using System.Text.Json.Nodes;

namespace LinkedIn.Simulator.Domain;

/// <summary>Integrations (a child app's integration type in a context), gating by them, and ATS job visibility.</summary>
internal sealed partial class Simulation
{
    /// <summary>The stored integration, or a NOT_REQUESTED one (not stored) when there is none.</summary>
    public IntegrationRec GetIntegration(string clientId, string context, string type) =>
        State.Read(state => state.Integrations.Get($"{clientId}|{context}|{type}")) ?? new IntegrationRec { ClientId = clientId, Context = context, Type = type };

    /// <summary>Whether the integration is on, by <see cref="EffectiveStatus"/> (Contract-level access includes the organization types).</summary>
    public bool IsEnabled(string clientId, string context, string type) =>
        EffectiveStatus(GetIntegration(clientId, context, type)) == "ENABLED";

    /// <summary>
    /// The status LinkedIn reports and gates by. Contract-level access includes every Company-level feature, so an organization type
    /// counts as ENABLED while <c>CSA_API</c> is ENABLED for one of that organization's contracts. The stored status (what the admin
    /// set for Company-level access) is never changed by that, so turning Contract-level access off leaves Company-level access as set.
    /// </summary>
    public string EffectiveStatus(IntegrationRec integration) =>
        integration.Status != "ENABLED" && OrgTypes.Contains(integration.Type) && IncludedByContract(integration.ClientId, integration.Context)
            ? "ENABLED" : integration.Status;

    /// <summary>True when Contract-level access (<c>CSA_API</c>) is ENABLED for a contract of <paramref name="organization"/>.</summary>
    public bool IncludedByContract(string clientId, string organization) =>
        ContractsOf(organization).Any(contract => State.Read(state => state.Integrations.Get($"{clientId}|{contract}|{CsaApi}")?.Status == "ENABLED"));

    /// <summary>The contract URNs of an organization (where its Contract-level access lives).</summary>
    public IEnumerable<string> ContractsOf(string organization) => World.Contracts.Where(c => c.Organization == organization).Select(c => c.Urn);

    /// <summary>403 unless one of <paramref name="anyOfTypes"/> is ENABLED for the caller in <paramref name="context"/>.</summary>
    public IResult? Gate(Caller caller, string context, params string[] anyOfTypes)
    {
        if (anyOfTypes.Any(type => IsEnabled(caller.App.ClientId, context, type)))
        {
            return null;
        }
        return RestLi.Forbidden($"Integration {string.Join(" or ", anyOfTypes)} is not enabled for {context}");
    }

    /// <summary>An integration as the API answers it, with its <see cref="EffectiveStatus"/>.</summary>
    public JsonObject IntegrationJson(IntegrationRec integration) => new()
    {
        ["integrationContext"] = integration.Context,
        ["integrationType"] = integration.Type,
        ["tenantType"] = "RECRUITER",
        ["dataProvider"] = "ATS",
        ["integrationName"] = integration.Name,
        ["status"] = EffectiveStatus(integration),
        ["lastModifiedAt"] = integration.LastModifiedAt,
    };

    public static string IntegrationKeyString(string context, string type) =>
        RestLi.Canonical(new Dictionary<string, string> { ["integrationContext"] = context, ["integrationType"] = type, ["tenantType"] = "RECRUITER", ["dataProvider"] = "ATS" });

    /// <summary>Child apps with any ENABLED org-level integration, Contract-level access included (the "integrated ATS instances").</summary>
    public List<AppRec> IntegratedApps(string? type = null) => State.Read(state =>
    {
        var ids = state.Apps.All.Select(a => a.ClientId)
            .Where(id => (type is null ? OrgTypes : [type]).Any(t => IsEnabled(id, SeededWorld.Organization, t)))
            .ToHashSet();
        return state.Apps.All.Where(a => ids.Contains(a.ClientId)).OrderBy(a => a.Id).ToList();
    });

    /// <summary>
    /// Job visibility (ours): when the viewers configuration (JOB_POSTING_VIEWERS on ONE_CLICK_EXPORT, APPLICATION_VIEWERS on IN_ATS_INDICATOR)
    /// is set to anything but ALL_PRODUCT_USERS, a job is visible only to members assigned to one of the job's ACLs.
    /// </summary>
    public bool JobVisible(string clientId, string jobId, string memberUrn, string integrationType, string configuration) => State.Read(state =>
    {
        var integration = state.Integrations.Get($"{clientId}|{SeededWorld.Organization}|{integrationType}");
        if (integration is null || !integration.Configurations.TryGetValue(configuration, out var viewers) || viewers == "ALL_PRODUCT_USERS")
        {
            return true;
        }
        return state.Entities.AssignedToJob(clientId, jobId, memberUrn);
    });
}
