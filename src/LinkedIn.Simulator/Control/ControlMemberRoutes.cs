using System.Text.Json.Nodes;

namespace LinkedIn.Simulator.Control;

/// <summary>
/// <c>/_sim/members</c>, <c>/_sim/accounts</c>, <c>/_sim/members/{id}/purge</c>, <c>/_sim/inmails</c>, <c>/_sim/notes</c> and
/// <c>/_sim/notes/{id}/delete</c>: the seeded people, and shortcuts for what members and recruiters do.
/// </summary>
internal static class ControlMemberRoutes
{
    public static void Map(WebApplication app, Simulation simulation, MemberActions actions)
    {
        app.MapGet("/_sim/members", (string? q, int? count) => Members(simulation, q, count));
        app.MapGet("/_sim/accounts", () => Accounts(simulation));
        app.MapPost("/_sim/members/{id}/purge", (HttpContext ctx, string id) => PurgeAsync(ctx, simulation, id));
        app.MapPost("/_sim/inmails", (Delegate)((HttpContext ctx) => SendInMailAsync(ctx, simulation, actions)));
        app.MapPost("/_sim/notes", (Delegate)((HttpContext ctx) => AddNoteAsync(ctx, simulation, actions)));
        app.MapPost("/_sim/notes/{id}/delete", (string id) => DeleteNote(simulation, id));
    }

    private static IResult Members(Simulation simulation, string? q, int? count) =>
        RestLi.Json(new JsonArray(simulation.World.Search(q).Take(count ?? 50).Select(m => (JsonNode)new JsonObject
        {
            ["id"] = m.Id,
            ["urn"] = m.Urn,
            ["firstName"] = m.FirstName,
            ["lastName"] = m.LastName,
            ["headline"] = m.Headline,
            ["company"] = m.Company,
            ["title"] = m.Title,
            ["city"] = m.City,
            ["profileUrl"] = m.ProfileUrl,
            ["email"] = m.Email,
            ["phone"] = m.Phone,
            ["sharesEmail"] = m.SharesEmail,
            ["sharesPhone"] = m.SharesPhone,
        }).ToArray()));

    private static IResult Accounts(Simulation simulation) =>
        RestLi.Json(new JsonArray(simulation.World.Seats.Select(s => (JsonNode)new JsonObject
        {
            ["seat"] = s.Urn,
            ["contract"] = s.Contract,
            ["member"] = $"urn:li:person:{s.MemberId}",
            ["email"] = simulation.World.ById[s.MemberId].Email,
            ["admin"] = s.Admin,
            ["password"] = SeededWorld.Password,
        }).ToArray()));

    /// <summary>The member asks LinkedIn to remove their data: each export of them (for one app or all) gets a purge record.</summary>
    private static async Task<IResult> PurgeAsync(HttpContext ctx, Simulation simulation, string id)
    {
        var (body, bodyError) = await RestLi.ReadBody(ctx);
        if (body is null)
        {
            return bodyError!;
        }
        var purged = simulation.State.Write(state =>
        {
            var exports = state.Exports.All.Where(x => x.MemberId == id && (body.Str("clientId") is not { } clientId || x.ClientId == clientId)).ToList();
            foreach (var export in exports)
            {
                state.Purges.Put(new PurgeRec { Id = "purge-" + Simulation.NewId(6), ClientId = export.ClientId, Context = export.Context, MemberId = id, RequestId = export.RequestId, PurgedAt = simulation.NowMs });
            }
            return exports.Count;
        });
        return RestLi.Json(new JsonObject { ["purged"] = purged });
    }

    private static async Task<IResult> SendInMailAsync(HttpContext ctx, Simulation simulation, MemberActions actions)
    {
        var (found, error) = await ReadSeatAndMember(ctx, simulation);
        if (found is null)
        {
            return error!;
        }
        var (body, seat, member) = found;
        var conversation = actions.SendInMail(seat, member, body.Str("subject") ?? "Hello", body.Str("body") ?? "Hi!");
        StubRec? stub = null;
        if (body.Str("respond") is { } respond)
        {
            stub = actions.Respond(conversation, member, respond, body.Str("reply"), body["shareProfile"]?.GetValue<bool>() ?? false, body["shareEmail"]?.GetValue<bool>() ?? false, body["sharePhone"]?.GetValue<bool>() ?? false);
        }
        return RestLi.Json(new JsonObject { ["conversationId"] = conversation.Id, ["stubId"] = stub?.Id });
    }

    private static async Task<IResult> AddNoteAsync(HttpContext ctx, Simulation simulation, MemberActions actions)
    {
        var (found, error) = await ReadSeatAndMember(ctx, simulation);
        if (found is null)
        {
            return error!;
        }
        var (body, seat, member) = found;
        var note = actions.AddNote(seat, member, body.Str("note") ?? "note", body.Str("visibility") ?? "PUBLIC");
        return RestLi.Json(new JsonObject { ["id"] = note.Id });
    }

    private static IResult DeleteNote(Simulation simulation, string id)
    {
        var deleted = simulation.State.Write(state =>
        {
            var note = state.ProspectNotes.Get(id);
            if (note is null)
            {
                return false;
            }
            note.Active = false;
            note.LastModifiedAt = simulation.NowMs;
            state.ProspectNotes.Put(note);
            return true;
        });
        return deleted ? Results.StatusCode(204) : RestLi.NotFound("note unknown");
    }

    private sealed record SeatAndMember(JsonObject Body, Seat Seat, Member Member);

    /// <summary>Reads a control body that names a <c>seat</c> (URN) and a <c>memberId</c>; 404 when either is unknown.</summary>
    private static async Task<(SeatAndMember? Found, IResult? Error)> ReadSeatAndMember(HttpContext ctx, Simulation simulation)
    {
        var (body, bodyError) = await RestLi.ReadBody(ctx);
        if (body is null)
        {
            return (null, bodyError);
        }
        var seat = simulation.World.SeatByUrn(body.Str("seat"));
        var member = simulation.World.ById.GetValueOrDefault(body.Str("memberId") ?? "");
        if (seat is null || member is null)
        {
            return (null, RestLi.NotFound("seat or memberId unknown"));
        }
        return (new SeatAndMember(body, seat, member), null);
    }
}
