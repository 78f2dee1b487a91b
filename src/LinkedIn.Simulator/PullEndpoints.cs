using System.Text.Json.Nodes;

namespace LinkedIn.Simulator;

/// <summary>1-Click Export pulls and the prospect-interaction pulls (CSA_API).</summary>
internal static class PullEndpoints
{
    public const long TwelveHoursMs = 12 * 3_600_000L;

    public static void Map(WebApplication app, Sim sim)
    {
        ApiEndpoints.MapApi(app, ["GET"], "exportedCandidates", ctx => Task.FromResult(Exported(ctx, sim)));
        ApiEndpoints.MapApi(app, ["GET"], "atsPurgedExportedCandidates", ctx => Task.FromResult(Purged(ctx, sim)));
        ApiEndpoints.MapApi(app, ["GET"], "seatsV2", ctx => Task.FromResult(Seats(ctx, sim, "attributes", true)));
        ApiEndpoints.MapApi(app, ["GET"], "seats", ctx => Task.FromResult(Seats(ctx, sim, "seatsByAttributes", false)));
        ApiEndpoints.MapApi(app, ["GET"], "conversationEvents", ctx => Task.FromResult(Conversations(ctx, sim)));
        ApiEndpoints.MapApi(app, ["GET"], "mailStubs", ctx => Task.FromResult(Stubs(ctx, sim)));
        ApiEndpoints.MapApi(app, ["GET"], "prospectNotes", ctx => Task.FromResult(Notes(ctx, sim)));
    }

    public static JsonObject ExportJson(Sim sim, ExportRec x)
    {
        var m = sim.World.ById[x.MemberId];
        return new JsonObject
        {
            ["id"] = x.Id,
            ["requestId"] = x.RequestId,
            ["member"] = m.Urn,
            ["firstName"] = m.FirstName,
            ["lastName"] = m.LastName,
            ["headline"] = m.Headline,
            ["location"] = new JsonObject { ["city"] = m.City, ["region"] = m.Region, ["countryCode"] = m.CountryCode },
            ["publicProfileUrl"] = m.ProfileUrl,
            ["emailAddress"] = m.SharesEmail ? m.Email : null,
            ["phoneNumber"] = m.SharesPhone ? m.Phone : null,
            ["currentCompanyName"] = m.Company,
            ["currentTitle"] = m.Title,
            ["externalJobPostingId"] = x.ExternalJobPostingId,
            ["integrationContext"] = x.Context,
            ["exporter"] = new JsonObject { ["seat"] = x.Seat, ["member"] = $"urn:li:person:{x.SeatMember}", ["contract"] = x.Contract },
            ["exportedAt"] = x.ExportedAt,
        };
    }

    private static IResult Exported(HttpContext ctx, Sim sim)
    {
        var (c, requestId, e) = Find(ctx, sim, "request", "requestId");
        if (c is null)
        {
            return e!;
        }
        var (start, count, ae) = AdmitExport(ctx, sim, c, World.Organization, "exportedCandidates");
        if (ae is not null)
        {
            return ae;
        }
        lock (sim.Store.Gate)
        {
            var purged = sim.Store.Purges.All.Where(p => p.ClientId == c.App.ClientId).Select(p => p.RequestId).ToHashSet();
            var els = sim.Store.Exports.All.Where(x => x.RequestId == requestId && x.ClientId == c.App.ClientId && !purged.Contains(x.RequestId))
                .Select(x => (JsonNode)ExportJson(sim, x));
            return RestLi.Json(RestLi.Collection(els, start, count));
        }
    }

    private static IResult Purged(HttpContext ctx, Sim sim)
    {
        var (c, context, e) = Find(ctx, sim, "integrationContext", "integrationContext");
        if (c is null)
        {
            return e!;
        }
        var (start, count, ae) = AdmitExport(ctx, sim, c, context, "atsPurgedExportedCandidates");
        if (ae is not null)
        {
            return ae;
        }
        lock (sim.Store.Gate)
        {
            var els = sim.Store.Purges.All.Where(p => p.ClientId == c.App.ClientId && p.Context == context).OrderBy(p => p.PurgedAt)
                .Select(p => (JsonNode)new JsonObject { ["member"] = $"urn:li:person:{p.MemberId}", ["requestId"] = p.RequestId, ["purgedAt"] = p.PurgedAt });
            return RestLi.Json(RestLi.Collection(els, start, count));
        }
    }

    /// <summary>
    /// The prologue every pull finder starts with: a child-application caller, the finder name <c>q</c>, then, when
    /// <paramref name="required"/> is given, that query parameter (non-empty), whose value is returned.
    /// </summary>
    private static (Caller? C, string Required, IResult? E) Find(HttpContext ctx, Sim sim, string finder, string? required = null)
    {
        var (c, e) = sim.AuthenticateChild(ctx);
        if (c is null)
        {
            return (null, "", e);
        }
        if (ctx.Request.Query["q"] != finder)
        {
            return (null, "", RestLi.BadRequest($"Unsupported finder; use q={finder}"));
        }
        var value = required is null ? "" : ctx.Request.Query[required].ToString();
        if (required is not null && string.IsNullOrEmpty(value))
        {
            return (null, "", RestLi.BadRequest($"{required} is required"));
        }
        return (c, value, null);
    }

    /// <summary>The 1-Click Export checks after the parameters: the ONE_CLICK_EXPORT gate, paging, then the endpoint's own daily bucket.</summary>
    private static (int Start, int Count, IResult? E) AdmitExport(HttpContext ctx, Sim sim, Caller c, string context, string bucket)
    {
        if (sim.Gate(c, context, "ONE_CLICK_EXPORT") is { } g)
        {
            return (0, 0, g);
        }
        var (start, count, pe) = RestLi.Paging(ctx, 10);
        return (start, count, pe ?? sim.Throttle(ctx, c, bucket, sim.Options.DailyRequestLimit));
    }

    /// <summary>The prospect-interaction (CSA_API) checks after the parameters: paging, the contracts' gate, then the shared daily bucket.</summary>
    private static (int Start, int Count, IResult? E) AdmitProspect(HttpContext ctx, Sim sim, Caller c, IEnumerable<string> contracts, int defaultCount = 10, bool startRequired = false)
    {
        var (start, count, pe) = RestLi.Paging(ctx, defaultCount, startRequired);
        return (start, count, pe ?? GateContracts(sim, c, contracts) ?? sim.Throttle(ctx, c, "prospectInteractions", sim.Options.DailyRequestLimit));
    }

    /// <summary>A list parameter in either Rest.li syntax (repeated, or <c>List(…)</c> with 2.0).</summary>
    private static List<string> Multi(HttpContext ctx, string name) => RestLiRequest.Of(ctx).ListParam(name);

    private static IResult? GateContracts(Sim sim, Caller c, IEnumerable<string> contracts)
    {
        foreach (var contract in contracts.Distinct())
        {
            if (sim.World.ContractByUrn(contract) is null)
            {
                return RestLi.Forbidden($"Unknown contract {contract}");
            }
            if (sim.Gate(c, contract, Sim.CsaApi) is { } g)
            {
                return g;
            }
        }
        return null;
    }

    private static IResult Seats(HttpContext ctx, Sim sim, string finder, bool startRequired)
    {
        var (c, _, e) = Find(ctx, sim, finder);
        if (c is null)
        {
            return e!;
        }
        var contracts = Multi(ctx, "contracts");
        if (contracts.Count == 0)
        {
            return RestLi.BadRequest("contracts is required");
        }
        var (start, count, ae) = AdmitProspect(ctx, sim, c, contracts, startRequired ? 10 : 100, startRequired);
        if (ae is not null)
        {
            return ae;
        }
        bool? active = bool.TryParse(ctx.Request.Query["active"], out var a) ? a : null;
        var states = Multi(ctx, "states");
        var els = sim.World.Seats.Where(s => contracts.Contains(s.Contract) && (active is null || s.Active == active)
                && (states.Count == 0 || states.Contains(s.Active ? "ACTIVE" : "INACTIVE")))
            .Select(s =>
            {
                var m = sim.World.ById[s.MemberId];
                return (JsonNode)new JsonObject
                {
                    ["id"] = s.Urn,
                    ["contract"] = s.Contract,
                    ["member"] = m.Urn,
                    ["active"] = s.Active,
                    ["seatType"] = s.SeatType,
                    ["firstName"] = m.FirstName,
                    ["lastName"] = m.LastName,
                };
            });
        return RestLi.Json(RestLi.Collection(els, start, count));
    }

    private static IResult Conversations(HttpContext ctx, Sim sim)
    {
        var (c, _, e) = Find(ctx, sim, "criteria");
        if (c is null)
        {
            return e!;
        }
        var q = ctx.Request.Query;
        var viewer = q["viewer"].ToString();
        var seat = sim.World.SeatByUrn(viewer);
        if (string.IsNullOrEmpty(viewer))
        {
            return RestLi.BadRequest("viewer (a seat URN) is required");
        }
        if (seat is null)
        {
            return RestLi.NotFound($"Unknown seat {viewer}");
        }
        var rl = RestLiRequest.Of(ctx);
        if (!long.TryParse(rl.Param("timeRange.start"), out var from) || !long.TryParse(rl.Param("timeRange.end"), out var to))
        {
            return RestLi.BadRequest("timeRange.start and timeRange.end (epoch ms) are required");
        }
        if (to <= from)
        {
            return RestLi.BadRequest("timeRange.end must be after timeRange.start");
        }
        if (to - from > TwelveHoursMs)
        {
            return RestLi.BadRequest("The time range must not exceed 12 hours");
        }
        var (start, count, ae) = AdmitProspect(ctx, sim, c, [seat.Contract]);
        if (ae is not null)
        {
            return ae;
        }
        lock (sim.Store.Gate)
        {
            var els = sim.Store.Events.All.Where(x => x.Seat == viewer && x.CreatedAt >= from && x.CreatedAt < to)
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
                });
            return RestLi.Json(RestLi.Collection(els, start, count));
        }
    }

    private static IResult Stubs(HttpContext ctx, Sim sim)
    {
        var (c, contract, e) = Find(ctx, sim, "contract", "contract");
        if (c is null)
        {
            return e!;
        }
        var q = ctx.Request.Query;
        var owners = Multi(ctx, "owners");
        if (owners.Count == 0)
        {
            return RestLi.BadRequest("owners is required");
        }
        long? from = long.TryParse(q["createdDateStart"], out var f) ? f : null;
        long? to = long.TryParse(q["createdDateEnd"], out var tt) ? tt : null;
        var (start, count, ae) = AdmitProspect(ctx, sim, c, [contract]);
        if (ae is not null)
        {
            return ae;
        }
        lock (sim.Store.Gate)
        {
            var els = sim.Store.Stubs.All.Where(s => s.Contract == contract && owners.Contains(s.Owner) && (from is null || s.CreatedAt >= from) && (to is null || s.CreatedAt < to))
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
                });
            return RestLi.Json(RestLi.Collection(els, start, count));
        }
    }

    private static IResult Notes(HttpContext ctx, Sim sim)
    {
        var (c, contract, e) = Find(ctx, sim, "criteria", "contract");
        if (c is null)
        {
            return e!;
        }
        var q = ctx.Request.Query;
        var owners = Multi(ctx, "owners");
        long? before = long.TryParse(q["beforeDate"], out var b) ? b : null;
        long? cutoff = long.TryParse(q["cutoffDate"], out var co) ? co : null;
        var (start, count, ae) = AdmitProspect(ctx, sim, c, [contract]);
        if (ae is not null)
        {
            return ae;
        }
        lock (sim.Store.Gate)
        {
            var els = sim.Store.ProspectNotes.All.Where(n => n.Contract == contract && (owners.Count == 0 || owners.Contains(n.Owner))
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
                });
            return RestLi.Json(RestLi.Collection(els, start, count));
        }
    }
}
