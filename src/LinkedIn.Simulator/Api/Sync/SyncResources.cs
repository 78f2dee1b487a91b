using System.Text.Json.Nodes;

namespace LinkedIn.Simulator.Api.Sync;

/// <summary>
/// A compound-keyed sync resource: its name in the URL, its key fields, the integration types that open it, how an entity is validated,
/// its simple-keyed sub-resources, and an optional extra key rule.
/// </summary>
internal sealed record SyncResource(string Name, string[] KeyFields, string[] GateTypes, Func<JsonObject, string?> Validate, string[] SubResources, Func<Dictionary<string, string>, string?>? ValidateKey = null);

/// <summary>The compound-keyed sync resources: candidates, applications, job ACLs and their assignees.</summary>
internal static class SyncResources
{
    public static readonly SyncResource Candidates = new("atsCandidates", ["atsCandidateId", "dataProvider", "integrationContext"],
        ["IN_ATS_INDICATOR", "PROFILE_PLUGIN"], SyncValidation.Candidate, ["notes"]);

    public static readonly SyncResource Applications = new("atsApplications", ["atsJobApplicationId", "dataProvider", "integrationContext"],
        ["IN_ATS_INDICATOR"], SyncValidation.Application, ["stages", "notes", "interviewFeedback"]);

    public static readonly SyncResource Acls = new("atsEntityAcls", ["atsEntityAclId", "dataProvider", "integrationContext", "atsEntityId", "atsEntityType"],
        ["IN_ATS_INDICATOR", "ONE_CLICK_EXPORT"], _ => null, [], key => key["atsEntityType"] == "JOB_POSTING" ? null : "atsEntityType must be JOB_POSTING");

    public static readonly SyncResource AclAssignees = new("atsEntityAclAssignees", ["atsEntityAclId", "dataProvider", "integrationContext", "assignee", "atsEntityType"],
        ["IN_ATS_INDICATOR", "ONE_CLICK_EXPORT"], _ => null, [],
        key => key["atsEntityType"] != "JOB_POSTING" ? "atsEntityType must be JOB_POSTING" : !key["assignee"].StartsWith("urn:li:person:", StringComparison.Ordinal) ? "assignee must be a person URN" : null);

    public static readonly SyncResource[] All = [Candidates, Applications, Acls, AclAssignees];
}

/// <summary>Maps the sync API: job postings and their tasks, the compound-keyed collections and their sub-resources.</summary>
internal static class SyncRoutes
{
    public static void Map(WebApplication app, Simulation simulation)
    {
        JobPostingsEndpoints.Map(app, simulation);
        foreach (var resource in SyncResources.All)
        {
            ApiRoutes.MapApi(app, ["GET", "PUT", "POST", "DELETE"], resource.Name, ctx => EntityCollectionEndpoint.Handle(ctx, simulation, resource));
            foreach (var sub in resource.SubResources)
            {
                ApiRoutes.MapApi(app, ["GET", "PUT", "DELETE"], resource.Name + "/{key}/" + sub, ctx => SubResourceEndpoint.Handle(ctx, simulation, resource, sub));
            }
        }
    }
}
