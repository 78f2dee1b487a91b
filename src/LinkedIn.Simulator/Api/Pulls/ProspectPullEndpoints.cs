using System.Text.Json.Nodes;

namespace LinkedIn.Simulator.Api.Pulls;

/// <summary>
/// The prospect-interaction pulls (CSA_API, contract level): <c>/v2/seatsV2</c> and <c>/v2/seats</c>, <c>/v2/conversationEvents</c>
/// (InMail history, 12 hours at most per call), <c>/v2/mailStubs</c> and <c>/v2/prospectNotes</c>.
/// </summary>
internal static class ProspectPullEndpoints
{
    public const long TwelveHoursMs = 12 * 3_600_000L;

    public static void Map(WebApplication app, Simulation simulation)
    {
        ApiRoutes.MapApi(app, ["GET"], "seatsV2", ctx => Seats(ctx, simulation, "attributes", true));
        ApiRoutes.MapApi(app, ["GET"], "seats", ctx => Seats(ctx, simulation, "seatsByAttributes", false));
        ApiRoutes.MapApi(app, ["GET"], "conversationEvents", ctx => ConversationEvents(ctx, simulation));
        ApiRoutes.MapApi(app, ["GET"], "mailStubs", ctx => MailStubs(ctx, simulation));
        ApiRoutes.MapApi(app, ["GET"], "prospectNotes", ctx => ProspectNotes(ctx, simulation));
    }

    /// <summary>The prospect-interaction (CSA_API) checks after the parameters: paging, the contracts' gate, then the shared daily bucket.</summary>
    private static (int Start, int Count, IResult? Error) Admit(HttpContext ctx, Simulation simulation, Caller caller, IEnumerable<string> contracts, int defaultCount = 10, bool startRequired = false)
    {
        var (start, count, pagingError) = RestLi.Paging(ctx, defaultCount, startRequired);
        return (start, count, pagingError ?? GateContracts(simulation, caller, contracts) ?? simulation.Throttle(ctx, caller, "prospectInteractions", simulation.Options.DailyRequestLimit));
    }

    private static IResult? GateContracts(Simulation simulation, Caller caller, IEnumerable<string> contracts)
    {
        foreach (var contract in contracts.Distinct())
        {
            if (simulation.World.ContractByUrn(contract) is null)
            {
                return RestLi.Forbidden($"Unknown contract {contract}");
            }
            if (simulation.Gate(caller, contract, Simulation.CsaApi) is { } refused)
            {
                return refused;
            }
        }
        return null;
    }

    private static IResult Seats(HttpContext ctx, Simulation simulation, string finder, bool startRequired)
    {
        var (caller, _, error) = PullFinder.Find(ctx, simulation, finder);
        if (caller is null)
        {
            return error!;
        }
        var contracts = PullFinder.Multi(ctx, "contracts");
        if (contracts.Count == 0)
        {
            return RestLi.BadRequest("contracts is required");
        }
        var (start, count, refused) = Admit(ctx, simulation, caller, contracts, startRequired ? 10 : 100, startRequired);
        if (refused is not null)
        {
            return refused;
        }
        bool? active = bool.TryParse(ctx.Request.Query["active"], out var parsed) ? parsed : null;
        var states = PullFinder.Multi(ctx, "states");
        var seats = simulation.World.Seats.Where(s => contracts.Contains(s.Contract) && (active is null || s.Active == active)
                && (states.Count == 0 || states.Contains(s.Active ? "ACTIVE" : "INACTIVE")))
            .Select(s =>
            {
                var member = simulation.World.ById[s.MemberId];
                return (JsonNode)new JsonObject
                {
                    ["id"] = s.Urn,
                    ["contract"] = s.Contract,
                    ["member"] = member.Urn,
                    ["active"] = s.Active,
                    ["seatType"] = s.SeatType,
                    ["firstName"] = member.FirstName,
                    ["lastName"] = member.LastName,
                };
            });
        return RestLi.Json(RestLi.Collection(seats, start, count));
    }

    private static IResult ConversationEvents(HttpContext ctx, Simulation simulation)
    {
        var (caller, _, error) = PullFinder.Find(ctx, simulation, "criteria");
        if (caller is null)
        {
            return error!;
        }
        var viewer = ctx.Request.Query["viewer"].ToString();
        var seat = simulation.World.SeatByUrn(viewer);
        if (string.IsNullOrEmpty(viewer))
        {
            return RestLi.BadRequest("viewer (a seat URN) is required");
        }
        if (seat is null)
        {
            return RestLi.NotFound($"Unknown seat {viewer}");
        }
        var (from, to, rangeError) = TimeRange(ctx);
        if (rangeError is not null)
        {
            return rangeError;
        }
        var (start, count, refused) = Admit(ctx, simulation, caller, [seat.Contract]);
        if (refused is not null)
        {
            return refused;
        }
        var events = simulation.State.Read(state => state.Events.All.Where(x => x.Seat == viewer && x.CreatedAt >= from && x.CreatedAt < to)
            .OrderBy(x => x.CreatedAt).ThenBy(x => x.Seq)
            .Select(x => (JsonNode)new JsonObject
            {
                ["id"] = x.Id,
                ["conversation"] = $"urn:li:conversation:{x.ConversationId}",
                ["eventType"] = x.EventType,
                ["sender"] = x.Sender,
                ["seat"] = x.Seat,
                ["prospect"] = x.Prospect,
                ["subject"] = x.Subject,
                ["body"] = x.Body,
                ["createdAt"] = x.CreatedAt,
            }).ToList());
        return RestLi.Json(RestLi.Collection(events, start, count));
    }

    /// <summary>The finder's timeRange (epoch ms, end after start, at most 12 hours).</summary>
    private static (long From, long To, IResult? Error) TimeRange(HttpContext ctx)
    {
        var request = RestLiRequest.Of(ctx);
        if (!long.TryParse(request.Param("timeRange.start"), out var from) || !long.TryParse(request.Param("timeRange.end"), out var to))
        {
            return (0, 0, RestLi.BadRequest("timeRange.start and timeRange.end (epoch ms) are required"));
        }
        if (to <= from)
        {
            return (0, 0, RestLi.BadRequest("timeRange.end must be after timeRange.start"));
        }
        return to - from > TwelveHoursMs ? (0, 0, RestLi.BadRequest("The time range must not exceed 12 hours")) : (from, to, null);
    }

    private static IResult MailStubs(HttpContext ctx, Simulation simulation)
    {
        var (caller, contract, error) = PullFinder.Find(ctx, simulation, "contract", "contract");
        if (caller is null)
        {
            return error!;
        }
        var owners = PullFinder.Multi(ctx, "owners");
        if (owners.Count == 0)
        {
            return RestLi.BadRequest("owners is required");
        }
        long? from = long.TryParse(ctx.Request.Query["createdDateStart"], out var start) ? start : null;
        long? to = long.TryParse(ctx.Request.Query["createdDateEnd"], out var end) ? end : null;
        var (pageStart, count, refused) = Admit(ctx, simulation, caller, [contract]);
        if (refused is not null)
        {
            return refused;
        }
        var stubs = simulation.State.Read(state => state.Stubs.All.Where(s => s.Contract == contract && owners.Contains(s.Owner) && (from is null || s.CreatedAt >= from) && (to is null || s.CreatedAt < to))
            .OrderBy(s => s.CreatedAt).Take(20_000)
            .Select(s => (JsonNode)new JsonObject
            {
                ["id"] = s.Id,
                ["member"] = $"urn:li:person:{s.MemberId}",
                ["firstName"] = s.FirstName,
                ["lastName"] = s.LastName,
                ["emailAddress"] = s.EmailAddress,
                ["phoneNumber"] = s.PhoneNumber,
                ["owner"] = s.Owner,
                ["contract"] = s.Contract,
                ["createdAt"] = s.CreatedAt,
            }).ToList());
        return RestLi.Json(RestLi.Collection(stubs, pageStart, count));
    }

    private static IResult ProspectNotes(HttpContext ctx, Simulation simulation)
    {
        var (caller, contract, error) = PullFinder.Find(ctx, simulation, "criteria", "contract");
        if (caller is null)
        {
            return error!;
        }
        var owners = PullFinder.Multi(ctx, "owners");
        long? before = long.TryParse(ctx.Request.Query["beforeDate"], out var beforeDate) ? beforeDate : null;
        long? cutoff = long.TryParse(ctx.Request.Query["cutoffDate"], out var cutoffDate) ? cutoffDate : null;
        var (start, count, refused) = Admit(ctx, simulation, caller, [contract]);
        if (refused is not null)
        {
            return refused;
        }
        var notes = simulation.State.Read(state => state.ProspectNotes.All.Where(n => n.Contract == contract && (owners.Count == 0 || owners.Contains(n.Owner))
                && (before is null || n.LastModifiedAt < before) && (cutoff is null || n.LastModifiedAt >= cutoff))
            .OrderBy(n => n.LastModifiedAt).ThenBy(n => n.Id, StringComparer.Ordinal)
            .Select(n => (JsonNode)new JsonObject
            {
                ["id"] = n.Id,
                ["prospect"] = $"urn:li:person:{n.MemberId}",
                ["owner"] = n.Owner,
                ["contract"] = n.Contract,
                ["note"] = n.Note,
                ["visibility"] = n.Visibility,
                ["active"] = n.Active,
                ["createdAt"] = n.CreatedAt,
                ["lastModifiedAt"] = n.LastModifiedAt,
            }).ToList());
        return RestLi.Json(RestLi.Collection(notes, start, count));
    }
}
