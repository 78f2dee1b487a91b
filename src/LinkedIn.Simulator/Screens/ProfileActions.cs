using static LinkedIn.Simulator.Screens.HtmlPage;

namespace LinkedIn.Simulator.Screens;

/// <summary>
/// The profile's forms: <c>/recruiter/profile/{id}/export</c>, <c>…/save</c> (to a project), <c>…/inmail</c>, <c>…/notes</c>, and
/// <c>/recruiter/notes/{noteId}/delete</c>. Each redirects back to the profile with a confirmation.
/// </summary>
internal static class ProfileActions
{
    public static void Map(WebApplication app, Simulation simulation, MemberActions actions)
    {
        app.MapPost("/recruiter/profile/{id}/export", (HttpContext ctx, string id) => ExportAsync(ctx, simulation, actions, id));
        app.MapPost("/recruiter/profile/{id}/save", (HttpContext ctx, string id) => SaveToProjectAsync(ctx, simulation, id));
        app.MapPost("/recruiter/profile/{id}/inmail", (HttpContext ctx, string id) => SendInMailAsync(ctx, simulation, actions, id));
        app.MapPost("/recruiter/profile/{id}/notes", (HttpContext ctx, string id) => AddNoteAsync(ctx, simulation, actions, id));
        app.MapPost("/recruiter/notes/{noteId}/delete", (HttpContext ctx, string noteId) => DeleteNote(ctx, simulation, noteId));
    }

    /// <summary>The recruiter (with a seat) acting on a member's profile, or null when signed out, seatless or the member is unknown.</summary>
    private static (ScreenViewer Viewer, Seat Seat, Member Member)? Actor(HttpContext ctx, Simulation simulation, string id) =>
        ScreenViewer.Current(ctx, simulation) is { Seat: { } seat } viewer && simulation.World.ById.TryGetValue(id, out var member) ? (viewer, seat, member) : null;

    private static IResult BackToProfile(string id, string message, string? ats = null, string anchor = "") =>
        Results.Redirect($"/recruiter/profile/{U(id)}?{(ats is null ? "" : $"ats={U(ats)}&")}msg={U(message)}{anchor}");

    private static async Task<IResult> ExportAsync(HttpContext ctx, Simulation simulation, MemberActions actions, string id)
    {
        if (Actor(ctx, simulation, id) is not (_, var seat, var member))
        {
            return ScreenViewer.ToLogin(ctx);
        }
        var form = await ctx.Request.ReadFormAsync();
        var app = simulation.State.Read(state => state.Apps.Get(form["ats"].ToString()));
        var job = form["job"].ToString();
        string message;
        if (app is null)
        {
            message = "Choose an ATS.";
        }
        else if (string.IsNullOrEmpty(job))
        {
            message = "Pick a job to export to.";
        }
        else
        {
            var (_, error) = actions.Export(seat, member, app, job);
            message = error ?? $"Exported {member.Name} to {job} in {app.Name}.";
        }
        return BackToProfile(id, message, app?.ClientId ?? "", "#export");
    }

    private static async Task<IResult> SaveToProjectAsync(HttpContext ctx, Simulation simulation, string id)
    {
        if (Actor(ctx, simulation, id) is not (_, var seat, var member))
        {
            return ScreenViewer.ToLogin(ctx);
        }
        var form = await ctx.Request.ReadFormAsync();
        var name = form["projectName"].ToString().Trim();
        if (name.Length == 0)
        {
            name = "My project";
        }
        simulation.State.Write(state =>
        {
            var project = state.Projects.All.FirstOrDefault(p => p.Seat == seat.Urn && p.Name == name)
                ?? new ProjectRec { Id = "proj-" + Simulation.NewId(6), Name = name, Seat = seat.Urn, CreatedAt = simulation.NowMs };
            if (!project.Members.Contains(member.Id))
            {
                project.Members.Add(member.Id);
            }
            state.Projects.Put(project);
        });
        return BackToProfile(id, $"Saved to project {name}.");
    }

    private static async Task<IResult> SendInMailAsync(HttpContext ctx, Simulation simulation, MemberActions actions, string id)
    {
        if (Actor(ctx, simulation, id) is not (_, var seat, var member))
        {
            return ScreenViewer.ToLogin(ctx);
        }
        var form = await ctx.Request.ReadFormAsync();
        var subject = form["subject"].ToString().Trim();
        var body = form["body"].ToString().Trim();
        if (subject.Length == 0 || body.Length == 0)
        {
            return BackToProfile(id, "InMail needs a subject and a message.");
        }
        actions.SendInMail(seat, member, subject, body);
        return BackToProfile(id, "InMail sent.");
    }

    private static async Task<IResult> AddNoteAsync(HttpContext ctx, Simulation simulation, MemberActions actions, string id)
    {
        if (Actor(ctx, simulation, id) is not (_, var seat, var member))
        {
            return ScreenViewer.ToLogin(ctx);
        }
        var form = await ctx.Request.ReadFormAsync();
        var note = form["note"].ToString().Trim();
        if (note.Length > 0)
        {
            actions.AddNote(seat, member, note, form["visibility"].ToString());
        }
        return BackToProfile(id, "Note saved.");
    }

    private static IResult DeleteNote(HttpContext ctx, Simulation simulation, string noteId)
    {
        if (ScreenViewer.Current(ctx, simulation) is not { Seat: { } seat })
        {
            return ScreenViewer.ToLogin(ctx);
        }
        var deleted = simulation.State.Write(state =>
        {
            var note = state.ProspectNotes.Get(noteId);
            if (note is null || note.Owner != seat.Urn)
            {
                return null;
            }
            note.Active = false;
            note.LastModifiedAt = simulation.NowMs;
            state.ProspectNotes.Put(note);
            return note;
        });
        return deleted is null ? Error("Forbidden", "Only the note's owner can delete it.", 403) : BackToProfile(deleted.MemberId, "Note deleted.");
    }
}
