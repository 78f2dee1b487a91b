using static LinkedIn.Simulator.Screens.HtmlPage;

namespace LinkedIn.Simulator.Screens;

/// <summary>The signed-in member looking at a screen, with the session and the seat they currently use (null without a Recruiter seat).</summary>
internal sealed record ScreenViewer(Member Member, SessionRec Session, Seat? Seat)
{
    /// <summary>The viewer of this request, or null when nobody is signed in.</summary>
    public static ScreenViewer? Current(HttpContext ctx, Simulation simulation)
    {
        if (simulation.CurrentMember(ctx) is not { } current)
        {
            return null;
        }
        var (member, session) = current;
        var seat = simulation.World.SeatByUrn(session.Seat) ?? simulation.World.SeatsOf(member.Id).FirstOrDefault();
        return new ScreenViewer(member, session, seat);
    }

    /// <summary>A redirect to the sign-in screen that comes back to this request's URL.</summary>
    public static IResult ToLogin(HttpContext ctx) =>
        Results.Redirect("/login?returnUrl=" + U(ctx.Request.Path + ctx.Request.QueryString));

    public IResult NoSeatPage(HttpContext ctx) =>
        Page("Recruiter", $"<h1>No Recruiter seat</h1><p>{E(Member.Name)} does not hold a LinkedIn Recruiter seat. Members can use <a href=\"/messaging\">Messaging</a>.</p>", ctx, Member);

    /// <summary>The current contract, or a switcher when the member holds seats on several contracts.</summary>
    public string SeatBar(Simulation simulation)
    {
        var seats = simulation.World.SeatsOf(Member.Id).ToList();
        if (seats.Count <= 1)
        {
            return Seat is null ? "" : $"<p class=\"muted\" id=\"seat\">Contract: {E(simulation.World.ContractByUrn(Seat.Contract)?.Name)}</p>";
        }
        var options = Each(seats, s => $"<option value=\"{Attr(s.Urn)}\"{When(s.Urn == Seat?.Urn, " selected")}>{E(simulation.World.ContractByUrn(s.Contract)?.Name)}</option>");
        return $"<form method=\"post\" action=\"/recruiter/seat\" id=\"seat\">Contract: <select name=\"seat\">{options}</select>{Hidden("returnUrl", "/recruiter/search")} <button class=\"secondary\" type=\"submit\">Switch</button></form>";
    }
}
