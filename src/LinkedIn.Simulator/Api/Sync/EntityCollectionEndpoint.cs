using System.Text.Json.Nodes;
using LinkedIn.Simulator.Control;

namespace LinkedIn.Simulator.Api.Sync;

/// <summary>
/// <c>/v2/atsCandidates</c>, <c>/v2/atsApplications</c>, <c>/v2/atsEntityAcls</c>, <c>/v2/atsEntityAclAssignees</c> (and <c>/rest/…</c>):
/// batch GET and DELETE by compound keys in the URL, batch_update (PUT) and, for candidates, batch_partial_update (POST) of the manual match;
/// a GET with <c>q=</c> is the ACL finder.
/// </summary>
internal static class EntityCollectionEndpoint
{
    /// <summary>A batch as parsed: the keys in the URL (raw and checked) and, for PUT and POST, the entities of the body by key string.</summary>
    private sealed record EntityBatch(
        Caller Caller,
        SyncResource Resource,
        RestLiRequest Request,
        List<Dictionary<string, string>> UrlKeys,
        List<Dictionary<string, string>?> CheckedUrlKeys,
        JsonObject? Entities,
        List<(string KeyString, (Dictionary<string, string>? Map, string? Error) Key)>? BodyKeys);

    public static async Task<IResult> Handle(HttpContext ctx, Simulation simulation, SyncResource resource)
    {
        var (caller, error) = simulation.AuthenticateChild(ctx);
        if (caller is null)
        {
            return error!;
        }
        var method = ctx.Request.Method;
        if (method == "GET" && ctx.Request.Query.ContainsKey("q"))
        {
            return AclFinder.Find(ctx, simulation, caller, resource);
        }
        var (batch, batchError) = await ReadBatchAsync(ctx, simulation, caller, resource);
        if (batch is null)
        {
            return batchError!;
        }
        return method switch
        {
            "GET" or "DELETE" => simulation.State.Write(state => GetOrDelete(ctx, simulation, state, batch)),
            "PUT" => simulation.State.Write(state => Put(simulation, state, batch)),
            _ => simulation.State.Write(state => PatchManualMatches(simulation, state, batch)),
        };
    }

    /// <summary>The method checks, the body, the batch size, the integration gate of each context, then the throttle.</summary>
    private static async Task<(EntityBatch? Batch, IResult? Error)> ReadBatchAsync(HttpContext ctx, Simulation simulation, Caller caller, SyncResource resource)
    {
        var method = ctx.Request.Method;
        var request = RestLiRequest.Of(ctx);
        var urlKeys = request.CompoundKeys();
        JsonObject? entities = null;
        if (method is "PUT" or "POST")
        {
            if (RestLiMethods.Require(ctx, false, method == "PUT" ? "batch_update" : "batch_partial_update") is { } methodError)
            {
                return (null, methodError);
            }
            if (method == "POST" && resource != SyncResources.Candidates)
            {
                return (null, RestLi.BadRequest($"{resource.Name} does not support batch_partial_update"));
            }
            (entities, var bodyError) = await RestLi.ReadBatch<JsonObject>(ctx, "entities");
            if (entities is null)
            {
                return (null, bodyError);
            }
        }
        else if (method == "DELETE" && RestLiMethods.Sent(ctx) is { } sent && sent != "batch_delete")
        {
            return (null, RestLi.BadRequest($"Unsupported X-RestLi-Method '{sent}'"));
        }
        var size = Math.Max(urlKeys.Count, entities?.Count ?? 0);
        if (EntityKeys.BatchSizeError(simulation, size) is { } sizeError)
        {
            return (null, sizeError);
        }
        var checkedUrlKeys = urlKeys.Select(k => EntityKeys.Normalize(ctx, resource, k).Map).ToList();
        var bodyKeys = entities?.Select(kv => (kv.Key, Key: EntityKeys.Normalize(ctx, resource, request.Key(kv.Key)))).ToList();
        if (EntityKeys.GateContexts(simulation, caller, resource, bodyKeys?.Select(b => b.Key.Map) ?? checkedUrlKeys) is { } refused)
        {
            return (null, refused);
        }
        if (simulation.Throttle(ctx, caller, resource.Name, simulation.Options.DailyRequestLimit, method == "GET" ? 0 : size) is { } throttled)
        {
            return (null, throttled);
        }
        return (new EntityBatch(caller, resource, request, urlKeys, checkedUrlKeys, entities, bodyKeys), null);
    }

    private static string StoreKey(EntityBatch batch, Dictionary<string, string> key) =>
        $"{batch.Caller.App.ClientId}|{batch.Resource.Name}|{RestLi.Canonical(key)}";

    /// <summary>batch_get (results, statuses, errors) or batch_delete (results of 204, errors) by the keys in the URL.</summary>
    private static IResult GetOrDelete(HttpContext ctx, Simulation simulation, StateStore state, EntityBatch batch)
    {
        var get = ctx.Request.Method == "GET";
        var results = new JsonObject();
        var statuses = new JsonObject();
        var errors = new JsonObject();
        foreach (var urlKey in batch.UrlKeys)
        {
            var (key, keyError) = EntityKeys.Normalize(ctx, batch.Resource, urlKey);
            var keyString = batch.Request.KeyString(key ?? urlKey);
            var entity = key is null ? null : state.Entities.Get(StoreKey(batch, key));
            if (key is null || entity is null)
            {
                errors[keyString] = key is null ? RestLi.ErrorBody(400, "VALIDATION_FAILED", keyError!) : RestLi.ErrorBody(404, "NOT_FOUND", $"{batch.Resource.Name} entity not found");
                statuses[keyString] = key is null ? 400 : 404;
                continue;
            }
            if (get)
            {
                results[keyString] = EntityJson(simulation, batch.Resource, entity);
                statuses[keyString] = 200;
            }
            else
            {
                DeleteEntity(state, batch.Resource, entity);
                results[keyString] = new JsonObject { ["status"] = 204 };
            }
        }
        var response = new JsonObject { ["results"] = results, ["errors"] = errors };
        if (get)
        {
            response["statuses"] = statuses;
        }
        return RestLi.Json(response);
    }

    /// <summary>The entities of a PUT or POST body that are well keyed, among the URL's keys, and objects; errors for the others.</summary>
    private static IEnumerable<(string KeyString, Dictionary<string, string> Key, JsonObject Entity)> WellKeyedEntities(EntityBatch batch, JsonObject errors)
    {
        foreach (var (keyString, (key, keyError)) in batch.BodyKeys!)
        {
            var value = batch.Entities![keyString];
            if (key is null)
            {
                errors[keyString] = RestLi.ErrorBody(400, "VALIDATION_FAILED", keyError!);
            }
            else if (batch.UrlKeys.Count > 0 && !batch.CheckedUrlKeys.Any(u => u is not null && RestLi.SameMap(u, key)))
            {
                errors[keyString] = RestLi.ErrorBody(400, "VALIDATION_FAILED", "key is not among the ids in the URL");
            }
            else if (value is not JsonObject entity)
            {
                errors[keyString] = RestLi.ErrorBody(400, "VALIDATION_FAILED", "entity must be an object");
            }
            else
            {
                yield return (keyString, key, entity);
            }
        }
    }

    /// <summary>batch_update: stores each valid entity whole (keeping a manual match the body does not name).</summary>
    private static IResult Put(Simulation simulation, StateStore state, EntityBatch batch)
    {
        var results = new JsonObject();
        var errors = new JsonObject();
        var clientId = batch.Caller.App.ClientId;
        foreach (var (keyString, key, entity) in WellKeyedEntities(batch, errors))
        {
            var canonical = RestLi.Canonical(key);
            var invalid = batch.Resource.Validate(entity);
            if (invalid is null && batch.Resource == SyncResources.AclAssignees
                && state.Entities.AclsOfAssignee(clientId, key["assignee"], canonical) >= 10)
            {
                invalid = "an assignee may hold at most 10 ACLs";
            }
            if (invalid is not null)
            {
                errors[keyString] = RestLi.ErrorBody(400, "VALIDATION_FAILED", invalid);
                continue;
            }
            var existing = state.Entities.Get(StoreKey(batch, key));
            ControlSoakRoutes.ObserveUpsert(simulation, existing, entity);
            state.Entities.Put(new EntityRec
            {
                Resource = batch.Resource.Name,
                ClientId = clientId,
                CanonicalKey = canonical,
                KeyFields = key,
                Json = entity.ToJsonString(),
                LastModifiedAt = simulation.NowMs,
                ManualMatchedMember = entity.Str("manualMatchedMember") ?? existing?.ManualMatchedMember,
            });
            results[keyString] = new JsonObject { ["status"] = 204 };
        }
        return RestLi.Json(new JsonObject { ["results"] = results, ["errors"] = errors });
    }

    /// <summary>batch_partial_update of candidates: only manualMatchedMember may be $set (to a known member) or $delete'd.</summary>
    private static IResult PatchManualMatches(Simulation simulation, StateStore state, EntityBatch batch)
    {
        var results = new JsonObject();
        var errors = new JsonObject();
        foreach (var (keyString, key, entity) in WellKeyedEntities(batch, errors))
        {
            var candidate = state.Entities.Get(StoreKey(batch, key));
            if (candidate is null)
            {
                errors[keyString] = RestLi.ErrorBody(404, "NOT_FOUND", "candidate not found; sync it with batch_update first");
                continue;
            }
            var patch = entity["patch"] as JsonObject;
            var set = patch?["$set"] as JsonObject;
            var delete = patch?["$delete"] as JsonArray;
            if (patch is null || (set is null && delete is null))
            {
                errors[keyString] = RestLi.ErrorBody(400, "VALIDATION_FAILED", "patch with $set or $delete is required");
                continue;
            }
            if (ApplyManualMatchPatch(simulation, candidate, set, delete) is { } patchError)
            {
                errors[keyString] = RestLi.ErrorBody(400, "VALIDATION_FAILED", patchError);
                continue;
            }
            candidate.LastModifiedAt = simulation.NowMs;
            state.Entities.Put(candidate);
            results[keyString] = new JsonObject { ["status"] = 204 };
        }
        return RestLi.Json(new JsonObject { ["results"] = results, ["errors"] = errors });
    }

    /// <summary>Applies $set then $delete of manualMatchedMember to the candidate; the first refusal, or null.</summary>
    private static string? ApplyManualMatchPatch(Simulation simulation, EntityRec candidate, JsonObject? set, JsonArray? delete)
    {
        string? patchError = null;
        if (set is not null)
        {
            foreach (var (field, _) in set)
            {
                if (field != "manualMatchedMember")
                {
                    patchError = $"field {field} cannot be partially updated";
                }
            }
            var urn = set.Str("manualMatchedMember");
            if (patchError is null && set.ContainsKey("manualMatchedMember") && simulation.World.FindByUrn(urn) is null)
            {
                patchError = $"manualMatchedMember '{urn}' is not a known member URN";
            }
            if (patchError is null && urn is not null)
            {
                candidate.ManualMatchedMember = urn;
            }
        }
        if (patchError is null && delete is not null)
        {
            foreach (var field in delete.Select(x => x?.GetValue<string>()))
            {
                if (field == "manualMatchedMember")
                {
                    candidate.ManualMatchedMember = null;
                }
                else
                {
                    patchError = $"field {field} cannot be deleted";
                }
            }
        }
        return patchError;
    }

    /// <summary>The entity as LinkedIn returns it: the stored JSON with its key fields, and for candidates the automatic and manual match.</summary>
    public static JsonObject EntityJson(Simulation simulation, SyncResource resource, EntityRec entity)
    {
        var json = JsonExt.Obj(entity.Json);
        foreach (var (field, value) in entity.KeyFields)
        {
            json[field] = value;
        }
        if (resource == SyncResources.Candidates)
        {
            json["matchedMember"] = simulation.AutoMatch(json)?.Urn;
            json["manualMatchedMember"] = entity.ManualMatchedMember;
        }
        return json;
    }

    /// <summary>Deletes the entity and its sub-entities; deleting a candidate deletes its applications too.</summary>
    private static void DeleteEntity(StateStore state, SyncResource resource, EntityRec entity)
    {
        state.Entities.Delete(entity.Key);
        state.Subs.DeleteOf(entity.Key);
        if (resource == SyncResources.Candidates)
        {
            var candidateId = entity.KeyFields["atsCandidateId"];
            var context = entity.KeyFields["integrationContext"];
            foreach (var application in state.Entities.ApplicationsOf(entity.ClientId, candidateId).Where(a => a.KeyFields["integrationContext"] == context))
            {
                DeleteEntity(state, SyncResources.Applications, application);
            }
        }
    }
}
