using System.Text.Json.Nodes;

namespace LinkedIn.Simulator.Api.Sync;

/// <summary>
/// <c>/v2/atsCandidates/{key}/notes</c>, <c>/v2/atsApplications/{key}/stages|notes|interviewFeedback</c> (and <c>/rest/…</c>):
/// simple-keyed sub-entities of a synced entity — batch PUT, GET and DELETE.
/// </summary>
internal static class SubResourceEndpoint
{
    /// <summary>A parsed sub-resource request: the parent's store key, the sub-resource, the ids in the URL and, for PUT, the body's entities.</summary>
    private sealed record SubBatch(string ParentKey, string SubResource, List<string> Ids, JsonObject? Entities);

    public static async Task<IResult> Handle(HttpContext ctx, Simulation simulation, SyncResource resource, string sub)
    {
        var (caller, error) = simulation.AuthenticateChild(ctx);
        if (caller is null)
        {
            return error!;
        }
        var request = RestLiRequest.Of(ctx);
        var (parentKey, keyError) = EntityKeys.Normalize(ctx, resource, request.Key(RestLi.RawSegments(ctx)[^2]));
        if (parentKey is null)
        {
            return RestLi.Validation("parent key: " + keyError);
        }
        if (EntityKeys.GateContexts(simulation, caller, resource, [parentKey]) is { } refused)
        {
            return refused;
        }
        var ids = request.SimpleKeys();
        var method = ctx.Request.Method;
        JsonObject? entities = null;
        if (method == "PUT")
        {
            (entities, var bodyError) = await RestLi.ReadBatch<JsonObject>(ctx, "entities", "batch_update");
            if (entities is null)
            {
                return bodyError!;
            }
        }
        var size = Math.Max(ids.Count, entities?.Count ?? 0);
        if (EntityKeys.BatchSizeError(simulation, size) is { } sizeError)
        {
            return sizeError;
        }
        if (simulation.Throttle(ctx, caller, $"{resource.Name}/{sub}", simulation.Options.DailyRequestLimit, method == "GET" ? 0 : size) is { } throttled)
        {
            return throttled;
        }
        var batch = new SubBatch($"{caller.App.ClientId}|{resource.Name}|{RestLi.Canonical(parentKey)}", sub, ids, entities);
        return simulation.State.Write(state =>
        {
            if (state.Entities.Get(batch.ParentKey) is null)
            {
                // Deleting the parent deleted these (LinkedIn documents the cascade): a later DELETE of them is done, not an error.
                return method == "DELETE" ? AlreadyDeleted(ids) : RestLi.NotFound($"parent {resource.Name} entity not found; sync it first");
            }
            return method == "PUT" ? Put(state, batch) : GetOrDelete(state, batch, method == "GET");
        });
    }

    /// <summary>The answer to a sub-resource DELETE whose parent is gone: each id reports 204, as its deletion already happened.</summary>
    private static IResult AlreadyDeleted(List<string> ids) => RestLi.Json(new JsonObject
    {
        ["results"] = new JsonObject(ids.Distinct().Select(id => KeyValuePair.Create(id, (JsonNode?)new JsonObject { ["status"] = 204 }))),
        ["errors"] = new JsonObject(),
    });

    private static IResult Put(StateStore state, SubBatch batch)
    {
        var results = new JsonObject();
        var errors = new JsonObject();
        foreach (var (id, value) in batch.Entities!)
        {
            if (batch.Ids.Count > 0 && !batch.Ids.Contains(id))
            {
                errors[id] = RestLi.ErrorBody(400, "VALIDATION_FAILED", "id is not among the ids in the URL");
                continue;
            }
            var invalid = value is JsonObject entity ? SyncValidation.SubEntity(batch.SubResource, entity) : "entity must be an object";
            if (invalid is { Length: > 0 })
            {
                errors[id] = RestLi.ErrorBody(400, "VALIDATION_FAILED", invalid);
                continue;
            }
            state.Subs.Put(new SubRec { ParentKey = batch.ParentKey, SubResource = batch.SubResource, Id = id, Json = value!.ToJsonString() });
            results[id] = new JsonObject { ["status"] = 204 };
        }
        return RestLi.Json(new JsonObject { ["results"] = results, ["errors"] = errors });
    }

    private static IResult GetOrDelete(StateStore state, SubBatch batch, bool get)
    {
        var results = new JsonObject();
        var statuses = new JsonObject();
        var errors = new JsonObject();
        foreach (var id in batch.Ids)
        {
            var key = $"{batch.ParentKey}|{batch.SubResource}|{id}";
            var sub = state.Subs.Get(key);
            if (sub is null)
            {
                errors[id] = RestLi.ErrorBody(404, "NOT_FOUND", $"{batch.SubResource} {id} not found");
                statuses[id] = 404;
                continue;
            }
            if (get)
            {
                results[id] = JsonExt.Obj(sub.Json);
                statuses[id] = 200;
            }
            else
            {
                state.Subs.Delete(key);
                results[id] = new JsonObject { ["status"] = 204 };
            }
        }
        var response = new JsonObject { ["results"] = results, ["errors"] = errors };
        if (get)
        {
            response["statuses"] = statuses;
        }
        return RestLi.Json(response);
    }
}
