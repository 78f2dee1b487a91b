using System.Text.Json;
using System.Text.Json.Nodes;

namespace LinkedIn.Simulator.Control;

/// <summary><c>/_sim/reset</c>, <c>/_sim/faults</c>, <c>/_sim/clock</c>, <c>/_sim/settings</c> and <c>/_sim/requests</c>: how a test drives the simulator itself.</summary>
internal static class ControlSettingsRoutes
{
    public static void Map(WebApplication app, Simulation simulation)
    {
        app.MapPost("/_sim/reset", () => Reset(simulation));
        app.MapGet("/_sim/faults", () => Results.Json(simulation.Faults, StateStore.Json));
        app.MapPost("/_sim/faults", (Delegate)((HttpContext ctx) => SetFaultsAsync(ctx, simulation)));
        app.MapDelete("/_sim/faults", () => ClearFaults(simulation));
        app.MapGet("/_sim/clock", () => RestLi.Json(Clock(simulation)));
        app.MapPost("/_sim/clock", (Delegate)((HttpContext ctx) => SetClockAsync(ctx, simulation)));
        app.MapGet("/_sim/settings", () => RestLi.Json(Settings(simulation)));
        app.MapPost("/_sim/settings", (Delegate)((HttpContext ctx) => SetSettingsAsync(ctx, simulation)));
        app.MapGet("/_sim/requests", (string? clientId, int? limit) => Requests(simulation, clientId, limit));
        app.MapDelete("/_sim/requests", () => ClearRequests(simulation));
    }

    private static IResult Reset(Simulation simulation)
    {
        simulation.Reset();
        return RestLi.Json(new JsonObject { ["reset"] = true, ["nowMs"] = simulation.NowMs });
    }

    private static async Task<IResult> SetFaultsAsync(HttpContext ctx, Simulation simulation)
    {
        var faults = await JsonSerializer.DeserializeAsync<FaultSettings>(ctx.Request.Body, StateStore.Json) ?? new FaultSettings();
        if (faults.ErrorRate is < 0 or > 1 || faults.TooManyRequestsRate is < 0 or > 1 || faults.LatencyMs < 0 || faults.CallbackDelayMs < 0)
        {
            return RestLi.BadRequest("rates must be within [0,1] and delays >= 0");
        }
        simulation.Faults = faults;
        return Results.Json(simulation.Faults, StateStore.Json);
    }

    private static IResult ClearFaults(Simulation simulation)
    {
        simulation.Faults = new FaultSettings();
        return Results.Json(simulation.Faults, StateStore.Json);
    }

    private static JsonObject Clock(Simulation simulation) =>
        new() { ["nowMs"] = simulation.NowMs, ["offsetMs"] = (long)simulation.Clock.Offset.TotalMilliseconds };

    private static async Task<IResult> SetClockAsync(HttpContext ctx, Simulation simulation)
    {
        var (body, bodyError) = await RestLi.ReadBody(ctx);
        if (body is null)
        {
            return bodyError!;
        }
        if (body.Long("nowMs") is { } now)
        {
            simulation.Clock.SetNow(DateTimeOffset.FromUnixTimeMilliseconds(now));
        }
        if (body.Long("advanceMs") is { } milliseconds)
        {
            simulation.Clock.Advance(TimeSpan.FromMilliseconds(milliseconds));
        }
        if (body.Long("advanceSeconds") is { } seconds)
        {
            simulation.Clock.Advance(TimeSpan.FromSeconds(seconds));
        }
        return RestLi.Json(Clock(simulation));
    }

    private static JsonObject Settings(Simulation simulation) => new()
    {
        ["notifyPartnerDelayMs"] = (long)simulation.NotifyPartnerDelay.TotalMilliseconds,
        ["jobTaskProcessingMs"] = (long)simulation.JobTaskProcessingTime.TotalMilliseconds,
        ["partnerClientId"] = simulation.Options.PartnerClientId,
        ["exportsPerSeatPerMonth"] = simulation.Options.ExportsPerSeatPerMonth,
        ["dailyRequestLimit"] = simulation.Options.DailyRequestLimit,
        ["recordsPerMinuteLimit"] = simulation.Options.RecordsPerMinuteLimit,
        ["maxBatchSize"] = simulation.Options.MaxBatchSize,
    };

    private static async Task<IResult> SetSettingsAsync(HttpContext ctx, Simulation simulation)
    {
        var (body, bodyError) = await RestLi.ReadBody(ctx);
        if (body is null)
        {
            return bodyError!;
        }
        if (body.Long("notifyPartnerDelaySeconds") is { } seconds)
        {
            simulation.NotifyPartnerDelay = TimeSpan.FromSeconds(seconds);
        }
        if (body.Long("notifyPartnerDelayMs") is { } milliseconds)
        {
            simulation.NotifyPartnerDelay = TimeSpan.FromMilliseconds(milliseconds);
        }
        if (body.Long("jobTaskProcessingMs") is { } processing)
        {
            simulation.JobTaskProcessingTime = TimeSpan.FromMilliseconds(processing);
        }
        return RestLi.Json(Settings(simulation));
    }

    private static IResult Requests(Simulation simulation, string? clientId, int? limit) =>
        Results.Json(simulation.RequestLog.Newest(limit ?? 200, clientId), StateStore.Json);

    private static IResult ClearRequests(Simulation simulation)
    {
        simulation.RequestLog.Clear();
        return Results.StatusCode(204);
    }
}
