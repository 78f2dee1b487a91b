namespace LinkedIn.Simulator.Api.Integrations;

/// <summary>The compound key of an integration: integrationContext, integrationType, tenantType=RECRUITER and dataProvider=ATS.</summary>
internal static class IntegrationKeys
{
    public static readonly string[] KnownTypes = ["IN_ATS_INDICATOR", "ONE_CLICK_EXPORT", "PROFILE_PLUGIN", "CSA_API", "RECOMMENDED_MATCHES", "UNIFIED_SEARCH", "APPLY_CONNECT", "APPLY_WITH_LINKEDIN"];

    private static readonly string[] Fields = ["integrationContext", "integrationType", "tenantType", "dataProvider"];

    /// <summary>Why <paramref name="key"/> is not a valid integration key (null when it is).</summary>
    public static string? Validate(SeededWorld world, Dictionary<string, string> key)
    {
        foreach (var field in Fields)
        {
            if (!key.ContainsKey(field))
            {
                return $"key field {field} is required";
            }
        }
        if (key.Count != 4)
        {
            return "unexpected key fields: " + string.Join(",", key.Keys.Except(Fields));
        }
        if (key["tenantType"] != "RECRUITER")
        {
            return "tenantType must be RECRUITER";
        }
        if (key["dataProvider"] != "ATS")
        {
            return "dataProvider must be ATS";
        }
        if (!KnownTypes.Contains(key["integrationType"]))
        {
            return $"unknown integrationType {key["integrationType"]}";
        }
        var context = key["integrationContext"];
        if (key["integrationType"] == Simulation.CsaApi)
        {
            return world.ContractByUrn(context) is null ? $"CSA_API requires a contract integrationContext; unknown {context}" : null;
        }
        return context != SeededWorld.Organization ? $"unknown organization integrationContext {context}" : null;
    }
}
