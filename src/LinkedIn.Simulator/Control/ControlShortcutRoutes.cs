using System.Text.Json;
using System.Text.Json.Nodes;

namespace LinkedIn.Simulator.Control;

/// <summary>
/// Test shortcuts under <c>/_sim</c> for what people and LinkedIn do: <c>integrations</c> (force a status), <c>exports</c>, <c>pushes</c>,
/// <c>challenge</c> and <c>resync-jobs</c> (pushes to the partner), <c>members</c>, <c>accounts</c>, <c>members/{id}/purge</c>,
/// <c>inmails</c> and <c>notes</c>. Not part of LinkedIn.
/// </summary>
internal static class ControlShortcutRoutes
{
    public const int PushesShown = 500;

    public static void Map(WebApplication app, Simulation simulation, MemberActions actions, PushDispatcher pushes)
    {
        app.MapGet("/_sim/integrations", (string? clientId) => Integrations(simulation, clientId));
        app.MapPost("/_sim/integrations", (Delegate)((HttpContext ctx) => ForceIntegrationsAsync(ctx, simulation, actions)));
        app.MapPost("/_sim/exports", (Delegate)((HttpContext ctx) => ExportAsync(ctx, simulation, actions)));
        app.MapGet("/_sim/pushes", (string? clientId) => Pushes(simulation, clientId));
        app.MapPost("/_sim/challenge", (Delegate)((HttpContext ctx) => ChallengeAsync(ctx, simulation, pushes)));
        app.MapPost("/_sim/resync-jobs", (Delegate)((HttpContext ctx) => ResyncJobsAsync(ctx, simulation, pushes)));
        ControlMemberRoutes.Map(app, simulation, actions);
    }

    private static IResult Integrations(Simulation simulation, string? clientId) => simulation.State.Read(state =>
    {
        var integrations = state.Integrations.All.Where(i => clientId is null || i.ClientId == clientId).Select(i =>
        {
            var json = simulation.IntegrationJson(i);
            json["clientId"] = i.ClientId;
            json["adminStatus"] = i.Status; // as the admin set it; "status" is the effective one
            json["configurations"] = JsonSerializer.SerializeToNode(i.Configurations);
            return (JsonNode)json;
        });
        return RestLi.Json(new JsonArray(integrations.ToArray()));
    });

    private static async Task<IResult> ForceIntegrationsAsync(HttpContext ctx, Simulation simulation, MemberActions actions)
    {
        var (body, child, error) = await ReadBodyAndApp(ctx, simulation);
        if (body is null)
        {
            return error!;
        }
        if (child is null)
        {
            return RestLi.NotFound("clientId unknown");
        }
        var context = body.Str("integrationContext") ?? SeededWorld.Organization;
        var types = (body["integrationTypes"] as JsonArray)?.Select(x => x!.GetValue<string>()).ToList()
            ?? (context.StartsWith("urn:li:contract:", StringComparison.Ordinal) ? [Simulation.CsaApi] : [.. Simulation.OrgTypes]);
        var status = body.Str("status") ?? "ENABLED";
        var push = body["push"] is JsonValue pushValue && pushValue.TryGetValue<bool>(out var pushWanted) && pushWanted;
        var forced = actions.ForceStatus(child, context, types, status, body.Str("integrationName"), push);
        return RestLi.Json(new JsonArray(forced.Select(i => (JsonNode)simulation.IntegrationJson(i)).ToArray()));
    }

    private static async Task<IResult> ExportAsync(HttpContext ctx, Simulation simulation, MemberActions actions)
    {
        var (body, child, error) = await ReadBodyAndApp(ctx, simulation);
        if (body is null)
        {
            return error!;
        }
        var member = simulation.World.ById.GetValueOrDefault(body.Str("memberId") ?? "") ?? simulation.World.FindByUrn(body.Str("member"));
        var seat = simulation.World.SeatByUrn(body.Str("seat") ?? "urn:li:seat:9002");
        if (child is null || member is null || seat is null)
        {
            return RestLi.NotFound("clientId, memberId or seat unknown");
        }
        var (export, refusal) = actions.Export(seat, member, child, body.Str("externalJobPostingId") ?? "");
        return export is null ? RestLi.BadRequest(refusal!) : RestLi.Json(new JsonObject { ["requestId"] = export.RequestId, ["exportId"] = export.Id });
    }

    /// <summary>The newest <see cref="PushesShown"/> pushes (of one app) in the order they were created; the full history stays in the store.</summary>
    private static IResult Pushes(Simulation simulation, string? clientId)
    {
        var newestFirst = simulation.State.Read(state => clientId is null ? state.Pushes.Newest(PushesShown) : state.Pushes.Newest(PushesShown, "clientId", clientId));
        newestFirst.Reverse();
        return Results.Json(newestFirst, StateStore.Json);
    }

    private static async Task<IResult> ChallengeAsync(HttpContext ctx, Simulation simulation, PushDispatcher pushes)
    {
        var (body, child, error) = await ReadBodyAndApp(ctx, simulation);
        if (body is null)
        {
            return error!;
        }
        var url = body.Str("url") ?? (child is null ? null : simulation.CallbackUrl(child.ClientId));
        if (child is null || url is null)
        {
            return RestLi.NotFound("clientId unknown or no CALLBACK_URL configured");
        }
        return RestLi.Json(await pushes.ChallengeAsync(child, url));
    }

    private static async Task<IResult> ResyncJobsAsync(HttpContext ctx, Simulation simulation, PushDispatcher pushes)
    {
        var (body, child, error) = await ReadBodyAndApp(ctx, simulation);
        if (body is null)
        {
            return error!;
        }
        if (child is null)
        {
            return RestLi.NotFound("clientId unknown");
        }
        var ids = body["externalJobPostingIds"] as JsonArray;
        var push = simulation.CreatePush(child, "resync-" + Simulation.NewId(8), "RESYNC_JOBS", new JsonObject
        {
            ["developerApplicationUrn"] = child.Urn,
            ["syncAllOpenJobs"] = ids is null || ids.Count == 0,
            ["externalJobPostingIds"] = ids?.DeepClone() ?? new JsonArray(),
        });
        pushes.Enqueue(push.Id);
        return RestLi.Json(new JsonObject { ["id"] = push.Id });
    }

    /// <summary>Reads a control body and looks up the application its <c>clientId</c> names (null when unknown).</summary>
    public static async Task<(JsonObject? Body, AppRec? App, IResult? Error)> ReadBodyAndApp(HttpContext ctx, Simulation simulation)
    {
        var (body, bodyError) = await RestLi.ReadBody(ctx);
        if (body is null)
        {
            return (null, null, bodyError);
        }
        return (body, simulation.State.Read(state => state.Apps.Get(body.Str("clientId") ?? "")), null);
    }
}
