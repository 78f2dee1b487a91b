using System.Text.Json.Nodes;

namespace LinkedIn.Simulator.Api.Sync;

/// <summary><c>GET /v2/atsEntityAcls?q=criteria</c> and <c>GET /v2/atsEntityAclAssignees?q=criteria</c>: the synced ACLs of a context, filtered.</summary>
internal static class AclFinder
{
    public static IResult Find(HttpContext ctx, Simulation simulation, Caller caller, SyncResource resource)
    {
        var query = ctx.Request.Query;
        if (query["q"] != "criteria" || (resource != SyncResources.Acls && resource != SyncResources.AclAssignees))
        {
            return RestLi.BadRequest($"Unsupported finder q={query["q"]}");
        }
        var context = query["integrationContext"].ToString();
        if (string.IsNullOrEmpty(context))
        {
            return RestLi.BadRequest("integrationContext is required");
        }
        if (query.TryGetValue("dataProvider", out var dataProvider) && dataProvider != "ATS")
        {
            return RestLi.BadRequest("dataProvider must be ATS");
        }
        if (simulation.Gate(caller, context, resource.GateTypes) is { } refused)
        {
            return refused;
        }
        var (start, count, pagingError) = RestLi.Paging(ctx, 10);
        if (pagingError is not null)
        {
            return pagingError;
        }
        if (simulation.Throttle(ctx, caller, resource.Name, simulation.Options.DailyRequestLimit) is { } throttled)
        {
            return throttled;
        }
        var found = simulation.State.Read(state => state.Entities.Page(caller.App.ClientId, resource.Name, null, int.MaxValue)
            .Where(x => x.KeyFields["integrationContext"] == context)
            .Where(x => Matches(query, resource, x))
            .OrderBy(x => x.CanonicalKey, StringComparer.Ordinal)
            .Select(x => (JsonNode)EntityCollectionEndpoint.EntityJson(simulation, resource, x))
            .ToList());
        return RestLi.Json(RestLi.Collection(found, start, count));
    }

    private static bool Matches(IQueryCollection query, SyncResource resource, EntityRec acl) => resource == SyncResources.Acls
        ? (!query.ContainsKey("atsEntityId") || acl.KeyFields["atsEntityId"] == query["atsEntityId"]) && (!query.ContainsKey("atsEntityType") || acl.KeyFields["atsEntityType"] == query["atsEntityType"])
        : (!query.ContainsKey("assignee") || acl.KeyFields["assignee"] == query["assignee"]) && (!query.ContainsKey("atsEntityAclId") || acl.KeyFields["atsEntityAclId"] == query["atsEntityAclId"]);
}
