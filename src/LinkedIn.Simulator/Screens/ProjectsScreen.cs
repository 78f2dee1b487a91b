using static LinkedIn.Simulator.Screens.HtmlPage;

namespace LinkedIn.Simulator.Screens;

/// <summary><c>/recruiter/projects</c>: the projects of the viewer's contract and the members saved to them.</summary>
internal static class ProjectsScreen
{
    public static void Map(WebApplication app, Simulation simulation) =>
        app.MapGet("/recruiter/projects", (HttpContext ctx) => Show(ctx, simulation));

    private static IResult Show(HttpContext ctx, Simulation simulation)
    {
        if (ScreenViewer.Current(ctx, simulation) is not { Seat: { } seat } viewer)
        {
            return ScreenViewer.ToLogin(ctx);
        }
        var world = simulation.World;
        var projects = simulation.State.Read(state => state.Projects.All
            .Where(p => world.SeatByUrn(p.Seat)?.Contract == seat.Contract).OrderBy(p => p.CreatedAt).ToList());
        return Page("Projects", $"<h1>Projects</h1>{Each(projects, p => Project(world, p))}", ctx, viewer.Member);
    }

    private static string Project(SeededWorld world, ProjectRec project)
    {
        var owner = world.ById[world.SeatByUrn(project.Seat)!.MemberId];
        var members = Each(project.Members.Select(id => world.ById[id]), m => $"<li><a href=\"/recruiter/profile/{U(m.Id)}\">{E(m.Name)}</a> — {E(m.Headline)}</li>");
        return $"<div class=\"card project\"><h3>{E(project.Name)}</h3><p class=\"muted\">Owner: {E(owner.Name)}</p><ul>{members}</ul></div>";
    }
}
