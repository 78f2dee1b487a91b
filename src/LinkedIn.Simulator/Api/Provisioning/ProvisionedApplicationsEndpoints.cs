using System.Text.Json.Nodes;

namespace LinkedIn.Simulator.Api.Provisioning;

/// <summary>
/// <c>/v2/provisionedApplications</c> (and <c>/rest/…</c>): the partner (parent) app creates, finds, reads and updates the child app of
/// each ATS tenant.
/// </summary>
internal static class ProvisionedApplicationsEndpoints
{
    public static void Map(WebApplication app, Simulation simulation)
    {
        ApiRoutes.MapApi(app, ["POST"], "provisionedApplications", ctx => CreateApp(ctx, simulation));
        ApiRoutes.MapApi(app, ["GET"], "provisionedApplications", ctx => FindApp(ctx, simulation));
        ApiRoutes.MapApi(app, ["POST"], "provisionedApplications/{urn}", ctx => UpdateApp(ctx, simulation));
        ApiRoutes.MapApi(app, ["GET"], "provisionedApplications/{urn}", ctx => GetApp(ctx, simulation));
    }

    private static (Caller? Caller, IResult? Error) Parent(HttpContext ctx, Simulation simulation)
    {
        var (caller, error) = simulation.Authenticate(ctx);
        if (caller is null)
        {
            return (null, error);
        }
        if (!caller.App.IsParent || caller.Token.ThreeLegged)
        {
            return (null, RestLi.Forbidden("Not enough permissions to access provisionedApplications: a partner (parent) application token is required"));
        }
        return (caller, null);
    }

    public static JsonObject AppJson(AppRec app, bool withCredentials = true)
    {
        var json = new JsonObject
        {
            ["key"] = app.Urn,
            ["uniqueForeignId"] = app.UniqueForeignId,
            ["name"] = app.Name,
            ["description"] = app.Description,
            ["oauth2AuthorizedCallbackUrls"] = new JsonArray(app.CallbackUrls.Select(x => (JsonNode)x).ToArray()),
            ["validJsSdkDomains"] = new JsonArray(app.JsSdkDomains.Select(x => (JsonNode)x).ToArray()),
        };
        if (withCredentials)
        {
            json["credentials"] = new JsonObject { ["clientId"] = app.ClientId, ["clientSecret"] = app.ClientSecret };
        }
        return json;
    }

    private static async Task<IResult> CreateApp(HttpContext ctx, Simulation simulation)
    {
        var (caller, error) = Parent(ctx, simulation);
        if (caller is null)
        {
            return error!;
        }
        if (RestLiMethods.Require(ctx, false, "create") is { } methodError)
        {
            return methodError;
        }
        if (simulation.Throttle(ctx, caller, "provisionedApplications", simulation.Options.DailyRequestLimit) is { } throttled)
        {
            return throttled;
        }
        var (body, bodyError) = await RestLi.ReadBody(ctx);
        if (body is null)
        {
            return bodyError!;
        }
        var (fields, invalid) = AppFields.FromCreate(body);
        if (fields is null)
        {
            return RestLi.Validation(invalid!);
        }
        var child = simulation.State.Write(state =>
        {
            if (state.Apps.All.Any(a => a.ParentClientId == caller.App.ClientId && a.UniqueForeignId == fields.UniqueForeignId))
            {
                return null;
            }
            var created = new AppRec
            {
                Id = state.NextId("app", 5001),
                ClientId = "86" + Simulation.NewId(6),
                ClientSecret = Simulation.NewSecret(),
                ParentClientId = caller.App.ClientId,
                UniqueForeignId = fields.UniqueForeignId,
                Name = fields.Name!,
                Description = body.Str("description"),
                CallbackUrls = fields.CallbackUrls,
                JsSdkDomains = fields.JsSdkDomains,
                CreatedAt = simulation.NowMs,
            };
            state.Apps.Put(created);
            return created;
        });
        if (child is null)
        {
            return RestLi.Error(409, "DUPLICATE", $"An application with uniqueForeignId '{fields.UniqueForeignId}' already exists");
        }
        // Rest.li names the created key X-RestLi-Id in protocol 2.0 and X-LinkedIn-Id in 1.0.
        ctx.Response.Headers[RestLiRequest.Of(ctx).Version == RestLiVersion.V1 ? "X-LinkedIn-Id" : "X-RestLi-Id"] = child.Urn;
        ctx.Response.Headers.Location = "/v2/provisionedApplications/" + Uri.EscapeDataString(child.Urn);
        return RestLi.Json(AppJson(child), 201);
    }

    private static IResult FindApp(HttpContext ctx, Simulation simulation)
    {
        var (caller, error) = Parent(ctx, simulation);
        if (caller is null)
        {
            return error!;
        }
        if (ctx.Request.Query["q"] != "credentialsByUniqueForeignId")
        {
            return RestLi.BadRequest("Unsupported finder; use q=credentialsByUniqueForeignId");
        }
        var uniqueForeignId = ctx.Request.Query["uniqueForeignId"].ToString();
        if (string.IsNullOrEmpty(uniqueForeignId))
        {
            return RestLi.BadRequest("uniqueForeignId is required");
        }
        if (simulation.Throttle(ctx, caller, "provisionedApplications", simulation.Options.DailyRequestLimit) is { } throttled)
        {
            return throttled;
        }
        var found = simulation.State.Read(state => state.Apps.All
            .Where(a => a.ParentClientId == caller.App.ClientId && a.UniqueForeignId == uniqueForeignId).Select(a => (JsonNode)AppJson(a)).ToList());
        return RestLi.Json(RestLi.Collection(found, 0, 10));
    }

    private static AppRec? ChildFromPath(HttpContext ctx, StateStore state, Caller caller)
    {
        var urn = Uri.UnescapeDataString(RestLi.RawSegments(ctx)[^1]);
        return state.Apps.All.FirstOrDefault(a => a.Urn == urn && a.ParentClientId == caller.App.ClientId);
    }

    private static IResult GetApp(HttpContext ctx, Simulation simulation)
    {
        var (caller, error) = Parent(ctx, simulation);
        if (caller is null)
        {
            return error!;
        }
        var child = simulation.State.Read(state => ChildFromPath(ctx, state, caller));
        return child is null ? RestLi.NotFound("No such provisioned application") : RestLi.Json(AppJson(child));
    }

    private static async Task<IResult> UpdateApp(HttpContext ctx, Simulation simulation)
    {
        var (caller, error) = Parent(ctx, simulation);
        if (caller is null)
        {
            return error!;
        }
        if (RestLiMethods.Require(ctx, true, "partial_update") is { } methodError)
        {
            return methodError;
        }
        var (body, bodyError) = await RestLi.ReadBody(ctx);
        if (body is null)
        {
            return bodyError!;
        }
        if (body["patch"]?["$set"] is not JsonObject set)
        {
            return RestLi.BadRequest("Body must be {\"patch\":{\"$set\":{...}}}");
        }
        var (fields, invalid) = AppFields.FromPatch(set);
        if (fields is null)
        {
            return RestLi.Validation(invalid!);
        }
        var updated = simulation.State.Write(state =>
        {
            var child = ChildFromPath(ctx, state, caller);
            if (child is not null)
            {
                fields.ApplyTo(child, set);
                state.Apps.Put(child);
            }
            return child is not null;
        });
        return updated ? Results.StatusCode(204) : RestLi.NotFound("No such provisioned application");
    }
}
