using System.Text.Json.Nodes;

namespace LinkedIn.Simulator.Api.Integrations;

/// <summary><c>/v2/atsIntegrations</c> (and <c>/rest/…</c>): a child app names its integrations, reads them by key, or finds them by requestId.</summary>
internal static class AtsIntegrationsEndpoints
{
    public static void Map(WebApplication app, Simulation simulation)
    {
        ApiRoutes.MapApi(app, ["POST"], "atsIntegrations", ctx => NameIntegrations(ctx, simulation));
        ApiRoutes.MapApi(app, ["GET"], "atsIntegrations", ctx => GetIntegrations(ctx, simulation));
    }

    /// <summary>batch_partial_update of integrationName: naming a REQUESTED integration makes it PARTNER_READY.</summary>
    private static async Task<IResult> NameIntegrations(HttpContext ctx, Simulation simulation)
    {
        var (caller, error) = simulation.AuthenticateChild(ctx);
        if (caller is null)
        {
            return error!;
        }
        var (entities, bodyError) = await RestLi.ReadBatch<JsonObject>(ctx, "entities", "batch_partial_update");
        if (entities is null)
        {
            return bodyError!;
        }
        var request = RestLiRequest.Of(ctx);
        var urlKeys = request.CompoundKeys();
        if (Math.Max(urlKeys.Count, entities.Count) > simulation.Options.MaxBatchSize)
        {
            return RestLi.Error(400, "BATCH_TOO_LARGE", $"At most {simulation.Options.MaxBatchSize} keys per batch");
        }
        if (simulation.Throttle(ctx, caller, "atsIntegrations", simulation.Options.IntegrationsDailyLimit) is { } throttled)
        {
            return throttled;
        }
        var results = new JsonObject();
        var errors = new JsonObject();
        simulation.State.Write(state =>
        {
            foreach (var (keyString, entity) in entities)
            {
                var key = request.Key(keyString);
                var name = (entity?["patch"]?["$set"] as JsonObject)?.Str("integrationName");
                if (NamingError(simulation, key, urlKeys, name) is { } invalid)
                {
                    errors[keyString] = RestLi.ErrorBody(400, "VALIDATION_FAILED", invalid);
                    continue;
                }
                var integration = simulation.GetIntegration(caller.App.ClientId, key!["integrationContext"], key["integrationType"]);
                integration.Name = name;
                if (integration.Status == "REQUESTED")
                {
                    integration.Status = "PARTNER_READY";
                }
                integration.LastModifiedAt = simulation.NowMs;
                state.Integrations.Put(integration);
                results[keyString] = new JsonObject { ["status"] = 204 };
            }
        });
        return RestLi.Json(new JsonObject { ["results"] = results, ["errors"] = errors });
    }

    private static string? NamingError(Simulation simulation, Dictionary<string, string>? key, List<Dictionary<string, string>> urlKeys, string? name)
    {
        var error = key is null ? "malformed key" : IntegrationKeys.Validate(simulation.World, key);
        if (error is null && urlKeys.Count > 0 && !urlKeys.Any(u => RestLi.SameMap(u, key!)))
        {
            error = "key is not among the ids in the URL";
        }
        if (error is null && string.IsNullOrWhiteSpace(name))
        {
            error = "patch.$set.integrationName is required";
        }
        if (error is null && name!.Length > 200)
        {
            error = "integrationName must be at most 200 characters";
        }
        return error;
    }

    private static IResult GetIntegrations(HttpContext ctx, Simulation simulation)
    {
        var (caller, error) = simulation.AuthenticateChild(ctx);
        if (caller is null)
        {
            return error!;
        }
        if (simulation.Throttle(ctx, caller, "atsIntegrations", simulation.Options.IntegrationsDailyLimit) is { } throttled)
        {
            return throttled;
        }
        var finder = ctx.Request.Query["q"].ToString();
        if (finder == "request")
        {
            return FindByRequest(ctx, simulation, caller);
        }
        if (finder.Length > 0)
        {
            return RestLi.BadRequest($"Unsupported finder q={finder}");
        }
        var request = RestLiRequest.Of(ctx);
        var keys = request.CompoundKeys();
        if (keys.Count == 0)
        {
            return RestLi.BadRequest("ids are required");
        }
        if (keys.Count > simulation.Options.MaxBatchSize)
        {
            return RestLi.Error(400, "BATCH_TOO_LARGE", $"At most {simulation.Options.MaxBatchSize} keys per batch");
        }
        var results = new JsonObject();
        var statuses = new JsonObject();
        var errors = new JsonObject();
        foreach (var key in keys)
        {
            var keyString = request.KeyString(key);
            if (IntegrationKeys.Validate(simulation.World, key) is { } invalid)
            {
                errors[keyString] = RestLi.ErrorBody(400, "VALIDATION_FAILED", invalid);
                statuses[keyString] = 400;
                continue;
            }
            results[keyString] = simulation.IntegrationJson(simulation.GetIntegration(caller.App.ClientId, key["integrationContext"], key["integrationType"]));
            statuses[keyString] = 200;
        }
        return RestLi.Json(new JsonObject { ["results"] = results, ["statuses"] = statuses, ["errors"] = errors });
    }

    /// <summary>q=request: the integrations an integration request (its requestId) covered.</summary>
    private static IResult FindByRequest(HttpContext ctx, Simulation simulation, Caller caller)
    {
        var requestId = ctx.Request.Query["requestId"].ToString();
        if (string.IsNullOrEmpty(requestId))
        {
            return RestLi.BadRequest("requestId is required");
        }
        var (start, count, pagingError) = RestLi.Paging(ctx, 100);
        if (pagingError is not null)
        {
            return pagingError;
        }
        var found = simulation.State.Read(state =>
        {
            var request = state.Requests.Get(requestId);
            return request is null || request.ClientId != caller.App.ClientId
                ? []
                : request.IntegrationKeys.Select(k => state.Integrations.Get(k)).OfType<IntegrationRec>().Select(i => (JsonNode)simulation.IntegrationJson(i)).ToList();
        });
        return RestLi.Json(RestLi.Collection(found, start, count));
    }
}
