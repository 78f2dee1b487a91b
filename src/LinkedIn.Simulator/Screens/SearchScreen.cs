using static LinkedIn.Simulator.Screens.HtmlPage;

namespace LinkedIn.Simulator.Screens;

/// <summary><c>/recruiter/search</c>: Recruiter's people search (and <c>/recruiter/seat</c>, switching the contract a member works on).</summary>
internal static class SearchScreen
{
    public static void Map(WebApplication app, Simulation simulation)
    {
        app.MapGet("/", () => Results.Redirect("/recruiter/search"));
        app.MapGet("/recruiter", () => Results.Redirect("/recruiter/search"));
        app.MapGet("/recruiter/search", (HttpContext ctx, string? q) => Search(ctx, simulation, q));
        app.MapPost("/recruiter/seat", (Delegate)((HttpContext ctx) => SwitchSeatAsync(ctx, simulation)));
    }

    private static IResult Search(HttpContext ctx, Simulation simulation, string? q)
    {
        if (ScreenViewer.Current(ctx, simulation) is not { } viewer)
        {
            return ScreenViewer.ToLogin(ctx);
        }
        if (viewer.Seat is null)
        {
            return viewer.NoSeatPage(ctx);
        }
        var results = simulation.World.Search(q).Take(50).ToList();
        var body = $"""
            {viewer.SeatBar(simulation)}<h1>People search</h1><form method="get" action="/recruiter/search"><input type="text" name="q" id="q" value="{Attr(q)}" placeholder="Name, title, company, location"> <button type="submit" id="search">Search</button></form><p class="muted">{results.Count} of {simulation.World.Search(q).Count()} results</p><table>{Each(results, ResultRow)}</table>
            """;
        return Page("People search", body, ctx, viewer.Member);
    }

    private static string ResultRow(Member member) =>
        $"<tr><td><a class=\"member-link\" href=\"/recruiter/profile/{U(member.Id)}\">{E(member.Name)}</a><br><span class=\"muted\">{E(member.Headline)}</span></td><td>{E(member.City)}, {E(member.Region)}</td></tr>";

    private static async Task<IResult> SwitchSeatAsync(HttpContext ctx, Simulation simulation)
    {
        if (ScreenViewer.Current(ctx, simulation) is not { } viewer)
        {
            return ScreenViewer.ToLogin(ctx);
        }
        var form = await ctx.Request.ReadFormAsync();
        var seat = simulation.World.SeatByUrn(form["seat"]);
        if (seat is not null && seat.MemberId == viewer.Member.Id)
        {
            simulation.State.Write(state =>
            {
                viewer.Session.Seat = seat.Urn;
                state.Sessions.Put(viewer.Session);
            });
        }
        return Results.Redirect(Local(form["returnUrl"]));
    }
}
