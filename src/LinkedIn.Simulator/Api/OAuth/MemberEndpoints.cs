using System.Text.Json.Nodes;

namespace LinkedIn.Simulator.Api.OAuth;

/// <summary><c>/v2/me</c> and <c>/v2/recruiterContracts?q=viewer</c>: what a member (3-legged) token tells about its member.</summary>
internal static class MemberEndpoints
{
    public static void Map(WebApplication app, Simulation simulation)
    {
        app.MapGet("/v2/me", (HttpContext ctx) => Me(ctx, simulation));
        app.MapGet("/v2/recruiterContracts", (HttpContext ctx) => RecruiterContracts(ctx, simulation));
    }

    private static IResult Me(HttpContext ctx, Simulation simulation)
    {
        var (caller, error) = simulation.Authenticate(ctx);
        if (caller is null)
        {
            return error!;
        }
        if (!caller.Token.ThreeLegged || simulation.World.ById.GetValueOrDefault(caller.Token.MemberId ?? "") is not { } member)
        {
            return RestLi.Forbidden("Not enough permissions to access: GET /me (a member (3-legged) token is required)");
        }
        return RestLi.Json(new JsonObject
        {
            ["id"] = member.Id,
            ["localizedFirstName"] = member.FirstName,
            ["localizedLastName"] = member.LastName,
            ["localizedHeadline"] = member.Headline,
        });
    }

    private static IResult RecruiterContracts(HttpContext ctx, Simulation simulation)
    {
        var (caller, error) = simulation.Authenticate(ctx);
        if (caller is null)
        {
            return error!;
        }
        if (ctx.Request.Query["q"] != "viewer")
        {
            return RestLi.BadRequest("Unsupported finder; use q=viewer");
        }
        if (!caller.Token.ThreeLegged || caller.Token.MemberId is null)
        {
            return RestLi.Forbidden("A member (3-legged) token is required");
        }
        var (start, count, pagingError) = RestLi.Paging(ctx);
        if (pagingError is not null)
        {
            return pagingError;
        }
        var seats = simulation.World.SeatsOf(caller.Token.MemberId).ToList();
        var selected = caller.Token.Contract ?? (seats.Count == 1 ? seats[0].Contract : null);
        var contracts = seats.Select(s => (JsonNode)new JsonObject
        {
            ["id"] = s.Contract,
            ["name"] = simulation.World.ContractByUrn(s.Contract)!.Name,
            ["organization"] = SeededWorld.Organization,
            ["seat"] = s.Urn,
            ["admin"] = s.Admin,
            ["selected"] = s.Contract == selected,
        });
        return RestLi.Json(RestLi.Collection(contracts, start, count));
    }
}
