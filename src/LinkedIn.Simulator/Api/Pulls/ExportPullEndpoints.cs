using System.Text.Json.Nodes;

namespace LinkedIn.Simulator.Api.Pulls;

/// <summary>
/// The 1-Click Export pulls: <c>/v2/exportedCandidates?q=request</c> (the member an export push announced) and
/// <c>/v2/atsPurgedExportedCandidates?q=integrationContext</c> (exports the member later had purged).
/// </summary>
internal static class ExportPullEndpoints
{
    public static void Map(WebApplication app, Simulation simulation)
    {
        ApiRoutes.MapApi(app, ["GET"], "exportedCandidates", ctx => Exported(ctx, simulation));
        ApiRoutes.MapApi(app, ["GET"], "atsPurgedExportedCandidates", ctx => Purged(ctx, simulation));
    }

    public static JsonObject ExportJson(Simulation simulation, ExportRec export)
    {
        var member = simulation.World.ById[export.MemberId];
        return new JsonObject
        {
            ["id"] = export.Id,
            ["requestId"] = export.RequestId,
            ["member"] = member.Urn,
            ["firstName"] = member.FirstName,
            ["lastName"] = member.LastName,
            ["headline"] = member.Headline,
            ["location"] = new JsonObject { ["city"] = member.City, ["region"] = member.Region, ["countryCode"] = member.CountryCode },
            ["publicProfileUrl"] = member.ProfileUrl,
            ["emailAddress"] = member.SharesEmail ? member.Email : null,
            ["phoneNumber"] = member.SharesPhone ? member.Phone : null,
            ["currentCompanyName"] = member.Company,
            ["currentTitle"] = member.Title,
            ["externalJobPostingId"] = export.ExternalJobPostingId,
            ["integrationContext"] = export.Context,
            ["exporter"] = new JsonObject { ["seat"] = export.Seat, ["member"] = $"urn:li:person:{export.SeatMember}", ["contract"] = export.Contract },
            ["exportedAt"] = export.ExportedAt,
        };
    }

    private static IResult Exported(HttpContext ctx, Simulation simulation)
    {
        var (caller, requestId, error) = PullFinder.Find(ctx, simulation, "request", "requestId");
        if (caller is null)
        {
            return error!;
        }
        var (start, count, refused) = Admit(ctx, simulation, caller, SeededWorld.Organization, "exportedCandidates");
        if (refused is not null)
        {
            return refused;
        }
        var found = simulation.State.Read(state =>
        {
            var purged = state.Purges.All.Where(p => p.ClientId == caller.App.ClientId).Select(p => p.RequestId).ToHashSet();
            return state.Exports.All.Where(x => x.RequestId == requestId && x.ClientId == caller.App.ClientId && !purged.Contains(x.RequestId))
                .Select(x => (JsonNode)ExportJson(simulation, x)).ToList();
        });
        return RestLi.Json(RestLi.Collection(found, start, count));
    }

    private static IResult Purged(HttpContext ctx, Simulation simulation)
    {
        var (caller, context, error) = PullFinder.Find(ctx, simulation, "integrationContext", "integrationContext");
        if (caller is null)
        {
            return error!;
        }
        var (start, count, refused) = Admit(ctx, simulation, caller, context, "atsPurgedExportedCandidates");
        if (refused is not null)
        {
            return refused;
        }
        var found = simulation.State.Read(state => state.Purges.All.Where(p => p.ClientId == caller.App.ClientId && p.Context == context).OrderBy(p => p.PurgedAt)
            .Select(p => (JsonNode)new JsonObject { ["member"] = $"urn:li:person:{p.MemberId}", ["requestId"] = p.RequestId, ["purgedAt"] = p.PurgedAt }).ToList());
        return RestLi.Json(RestLi.Collection(found, start, count));
    }

    /// <summary>The 1-Click Export checks after the parameters: the ONE_CLICK_EXPORT gate, paging, then the endpoint's own daily bucket.</summary>
    private static (int Start, int Count, IResult? Error) Admit(HttpContext ctx, Simulation simulation, Caller caller, string context, string bucket)
    {
        if (simulation.Gate(caller, context, "ONE_CLICK_EXPORT") is { } refused)
        {
            return (0, 0, refused);
        }
        var (start, count, pagingError) = RestLi.Paging(ctx, 10);
        return (start, count, pagingError ?? simulation.Throttle(ctx, caller, bucket, simulation.Options.DailyRequestLimit));
    }
}
