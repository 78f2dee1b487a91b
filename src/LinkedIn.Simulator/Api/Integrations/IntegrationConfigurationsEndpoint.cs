using System.Text.Json.Nodes;

namespace LinkedIn.Simulator.Api.Integrations;

/// <summary>
/// <c>/v2/atsIntegrations/{key}/configurations</c>: CALLBACK_URL (setting it validates the webhook with a challenge), JOB_POSTING_VIEWERS
/// and APPLICATION_VIEWERS — batch PUT, GET and DELETE.
/// </summary>
internal static class IntegrationConfigurationsEndpoint
{
    public static readonly string[] ConfigurationIds = ["CALLBACK_URL", "JOB_POSTING_VIEWERS", "APPLICATION_VIEWERS"];

    public static void Map(WebApplication app, Simulation simulation) =>
        ApiRoutes.MapApi(app, ["PUT", "GET", "DELETE"], "atsIntegrations/{key}/configurations", ctx => Configurations(ctx, simulation));

    private static async Task<IResult> Configurations(HttpContext ctx, Simulation simulation)
    {
        var (caller, error) = simulation.AuthenticateChild(ctx);
        if (caller is null)
        {
            return error!;
        }
        var request = RestLiRequest.Of(ctx);
        var key = request.Key(RestLi.RawSegments(ctx)[^2]);
        var keyError = key is null ? "malformed integration key in path" : IntegrationKeys.Validate(simulation.World, key);
        if (keyError is not null)
        {
            return RestLi.Validation(keyError);
        }
        if (simulation.Throttle(ctx, caller, "atsIntegrations", simulation.Options.IntegrationsDailyLimit) is { } throttled)
        {
            return throttled;
        }
        var ids = request.SimpleKeys();
        var integration = new IntegrationTarget(key!["integrationContext"], key["integrationType"], ids);
        switch (ctx.Request.Method)
        {
            case "PUT":
                var (entities, bodyError) = await RestLi.ReadBatch<JsonObject>(ctx, "entities", "batch_update");
                return entities is null ? bodyError! : Put(ctx, simulation, caller, integration, entities);
            case "GET":
                return Get(simulation, caller, integration);
            default:
                return Delete(simulation, caller, integration);
        }
    }

    /// <summary>The integration a configurations request addresses, and the configuration ids its URL names.</summary>
    private sealed record IntegrationTarget(string Context, string Type, List<string> Ids);

    private static IResult Put(HttpContext ctx, Simulation simulation, Caller caller, IntegrationTarget target, JsonObject entities)
    {
        var results = new JsonObject();
        var errors = new JsonObject();
        simulation.State.Write(state =>
        {
            var integration = simulation.GetIntegration(caller.App.ClientId, target.Context, target.Type);
            foreach (var (id, entity) in entities)
            {
                var value = (entity?["configurationValue"] as JsonObject)?.Str("string");
                if (ValueError(target, id, value) is { } invalid)
                {
                    errors[id] = RestLi.ErrorBody(400, "VALIDATION_FAILED", invalid);
                    continue;
                }
                integration.Configurations[id] = value!;
                if (id == "CALLBACK_URL")
                {
                    var dispatcher = ctx.RequestServices.GetRequiredService<PushDispatcher>();
                    var app = caller.App;
                    _ = Task.Run(() => dispatcher.ChallengeAsync(app, value!));
                }
                results[id] = new JsonObject { ["status"] = 204 };
            }
            integration.LastModifiedAt = simulation.NowMs;
            state.Integrations.Put(integration);
        });
        return RestLi.Json(new JsonObject { ["results"] = results, ["errors"] = errors });
    }

    private static string? ValueError(IntegrationTarget target, string id, string? value) =>
        !ConfigurationIds.Contains(id) ? $"unknown configuration {id}"
        : target.Ids.Count > 0 && !target.Ids.Contains(id) ? "configuration id is not among the ids in the URL"
        : string.IsNullOrWhiteSpace(value) ? "configurationValue.string is required"
        : id == "CALLBACK_URL" && (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || (uri.Scheme != "https" && uri.Scheme != "http")) ? "CALLBACK_URL must be an absolute https URL"
        : id == "JOB_POSTING_VIEWERS" && target.Type != "ONE_CLICK_EXPORT" ? "JOB_POSTING_VIEWERS is a ONE_CLICK_EXPORT configuration"
        : id == "APPLICATION_VIEWERS" && target.Type != "IN_ATS_INDICATOR" ? "APPLICATION_VIEWERS is an IN_ATS_INDICATOR configuration"
        : null;

    private static IResult Get(Simulation simulation, Caller caller, IntegrationTarget target) => simulation.State.Read(state =>
    {
        var integration = simulation.GetIntegration(caller.App.ClientId, target.Context, target.Type);
        var results = new JsonObject();
        var errors = new JsonObject();
        foreach (var id in target.Ids.Count > 0 ? target.Ids : [.. integration.Configurations.Keys])
        {
            if (integration.Configurations.TryGetValue(id, out var value))
            {
                results[id] = new JsonObject { ["configurationValue"] = new JsonObject { ["string"] = value } };
            }
            else
            {
                errors[id] = RestLi.ErrorBody(404, "NOT_FOUND", $"configuration {id} is not set");
            }
        }
        return RestLi.Json(new JsonObject { ["results"] = results, ["errors"] = errors });
    });

    private static IResult Delete(Simulation simulation, Caller caller, IntegrationTarget target)
    {
        simulation.State.Write(state =>
        {
            var integration = simulation.GetIntegration(caller.App.ClientId, target.Context, target.Type);
            foreach (var id in target.Ids.Count > 0 ? target.Ids : [.. integration.Configurations.Keys])
            {
                integration.Configurations.Remove(id);
            }
            if (state.Integrations.Get(integration.Key) is not null)
            {
                state.Integrations.Put(integration);
            }
        });
        return Results.StatusCode(204);
    }
}
