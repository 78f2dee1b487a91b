using System.Text.Json.Nodes;
using LinkedIn.Simulator.Api.Sync;

namespace LinkedIn.Simulator.Domain;

/// <summary>Integrations (a child app's integration type in a context), gating by them, and ATS job visibility.</summary>
internal sealed partial class Simulation
{
    /// <summary>The stored integration, or a NOT_REQUESTED one (not stored) when there is none.</summary>
    public IntegrationRec GetIntegration(string clientId, string context, string type) =>
        State.Read(state => state.Integrations.Get($"{clientId}|{context}|{type}")) ?? new IntegrationRec { ClientId = clientId, Context = context, Type = type };

    public bool IsEnabled(string clientId, string context, string type) =>
        State.Read(state => state.Integrations.Get($"{clientId}|{context}|{type}")?.Status == "ENABLED");

    /// <summary>403 unless one of <paramref name="anyOfTypes"/> is ENABLED for the caller in <paramref name="context"/>.</summary>
    public IResult? Gate(Caller caller, string context, params string[] anyOfTypes)
    {
        if (anyOfTypes.Any(type => IsEnabled(caller.App.ClientId, context, type)))
        {
            return null;
        }
        return RestLi.Forbidden($"Integration {string.Join(" or ", anyOfTypes)} is not enabled for {context}");
    }

    public static JsonObject IntegrationJson(IntegrationRec integration) => new()
    {
        ["integrationContext"] = integration.Context,
        ["integrationType"] = integration.Type,
        ["tenantType"] = "RECRUITER",
        ["dataProvider"] = "ATS",
        ["integrationName"] = integration.Name,
        ["status"] = integration.Status,
        ["lastModifiedAt"] = integration.LastModifiedAt,
    };

    public static string IntegrationKeyString(string context, string type) =>
        RestLi.Canonical(new Dictionary<string, string> { ["integrationContext"] = context, ["integrationType"] = type, ["tenantType"] = "RECRUITER", ["dataProvider"] = "ATS" });

    /// <summary>Child apps with any ENABLED org-level integration (the "integrated ATS instances").</summary>
    public List<AppRec> IntegratedApps(string? type = null) => State.Read(state =>
    {
        var ids = state.Integrations.All
            .Where(i => i.Status == "ENABLED" && i.Context == SeededWorld.Organization && (type is null || i.Type == type))
            .Select(i => i.ClientId).Distinct().ToHashSet();
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
        var aclIds = state.Entities.All.Where(e => e.ClientId == clientId && e.Resource == SyncResources.Acls.Name && e.KeyFields["atsEntityId"] == jobId)
            .Select(e => e.KeyFields["atsEntityAclId"]).ToHashSet();
        return state.Entities.All.Any(e => e.ClientId == clientId && e.Resource == SyncResources.AclAssignees.Name && e.KeyFields["assignee"] == memberUrn && aclIds.Contains(e.KeyFields["atsEntityAclId"]));
    });
}
