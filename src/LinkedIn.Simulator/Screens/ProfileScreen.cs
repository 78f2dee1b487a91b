using static LinkedIn.Simulator.Screens.HtmlPage;

namespace LinkedIn.Simulator.Screens;

/// <summary>
/// <c>/recruiter/profile/{id}</c>: a member's profile in Recruiter with its cards — Change ATS, Export (1-Click Export), In ATS,
/// Save to project, InMail with the recruiting activity, and Notes. The forms post to <see cref="ProfileActions"/>.
/// </summary>
internal static class ProfileScreen
{
    public static void Map(WebApplication app, Simulation simulation, MemberActions actions) =>
        app.MapGet("/recruiter/profile/{id}", (HttpContext ctx, string id, string? ats, string? jobq, string? msg) => Show(ctx, simulation, actions, id, new ProfileQuery(ats, jobq, msg)));

    /// <summary>The profile URL's query: the ATS chosen, the job search text, and the confirmation to show.</summary>
    private sealed record ProfileQuery(string? Ats, string? JobSearch, string? Message);

    /// <summary>What the profile's cards need: the viewer and their seat, the member shown, and the ATS the viewer works with.</summary>
    private sealed record ProfileView(ScreenViewer Viewer, Seat Seat, Member Member, AppRec? Ats);

    private static IResult Show(HttpContext ctx, Simulation simulation, MemberActions actions, string id, ProfileQuery query)
    {
        if (ScreenViewer.Current(ctx, simulation) is not { } viewer)
        {
            return ScreenViewer.ToLogin(ctx);
        }
        if (viewer.Seat is null)
        {
            return viewer.NoSeatPage(ctx);
        }
        if (!simulation.World.ById.TryGetValue(id, out var member))
        {
            return Error("Not found", "No such member", 404);
        }
        var cards = simulation.State.Read(state =>
        {
            var integrated = simulation.IntegratedApps();
            var view = new ProfileView(viewer, viewer.Seat, member, integrated.FirstOrDefault(a => a.ClientId == query.Ats) ?? integrated.FirstOrDefault());
            var inAts = view.Ats is { } ats && simulation.IsEnabled(ats.ClientId, SeededWorld.Organization, "IN_ATS_INDICATOR") ? InAtsCard.Render(simulation, state, ats, member, viewer.Member) : "";
            return $"""
                {When(integrated.Count > 1, AtsChooser(integrated, view.Ats))}{ExportCard(simulation, actions, state, view, query.JobSearch)}{inAts}{ProjectsCard(simulation, state, view)}{InMailCard(simulation, state, view)}{NotesCard(simulation, state, view)}
                """;
        });
        var body = $"""
            {viewer.SeatBar(simulation)}{Message(query.Message)}<section id="profile"><h1 id="member-name">{E(member.Name)}</h1><p>{E(member.Headline)}</p>
            <p class="muted">{E(member.City)}, {E(member.Region)} · <a href="{Attr(member.ProfileUrl)}" id="public-profile">{E(member.ProfileUrl)}</a></p>
            <p class="muted">Current: {E(member.Title)} at {E(member.Company)} · {E(member.Urn)}</p></section>{cards}
            """;
        return Page(member.Name, body, ctx, viewer.Member);
    }

    private static string AtsChooser(List<AppRec> integrated, AppRec? current)
    {
        var options = Each(integrated, a => $"<option value=\"{Attr(a.ClientId)}\"{When(a == current, " selected")}>{E(a.Name)}</option>");
        return $"<form method=\"get\" id=\"change-ats\" class=\"card\"><b>Change ATS</b> <select name=\"ats\" id=\"ats-select\">{options}</select> <button type=\"submit\" class=\"secondary\" id=\"change-ats-button\">Change ATS</button></form>";
    }

    private static string ExportCard(Simulation simulation, MemberActions actions, StateStore state, ProfileView view, string? jobSearch)
    {
        var ats = view.Ats;
        if (ats is null || !simulation.IsEnabled(ats.ClientId, SeededWorld.Organization, "ONE_CLICK_EXPORT"))
        {
            return "<section class=\"card\" id=\"export\"><h2>Export</h2><p class=\"muted\">1-Click Export is not enabled for your company's ATS.</p></section>";
        }
        var jobs = state.Jobs.All.Where(j => j.ClientId == ats.ClientId && j.Context == SeededWorld.Organization && j.State == "LISTED")
            .Where(j => string.IsNullOrWhiteSpace(jobSearch) || j.Title.Contains(jobSearch, StringComparison.OrdinalIgnoreCase)
                || j.ExternalJobPostingId.Contains(jobSearch, StringComparison.OrdinalIgnoreCase) || (j.CompanyJobCode ?? "").Contains(jobSearch, StringComparison.OrdinalIgnoreCase))
            .Where(j => simulation.JobVisible(ats.ClientId, j.ExternalJobPostingId, view.Viewer.Member.Urn, "ONE_CLICK_EXPORT", "JOB_POSTING_VIEWERS"))
            .OrderBy(j => j.Title).Take(50).ToList();
        var used = actions.ExportsThisMonth(view.Seat.Urn);
        var member = view.Member;
        return $"""
            <section class="card" id="export"><h2>Export</h2><p class="muted">Export {E(member.FirstName)} to {E(ats.Name)}. {used} of {simulation.Options.ExportsPerSeatPerMonth} exports used this month.</p>
            <form method="get" action="/recruiter/profile/{U(member.Id)}" id="job-search">{Hidden("ats", ats.ClientId)}<input type="text" name="jobq" id="jobq" value="{Attr(jobSearch)}" placeholder="Search jobs by title or job ID"> <button type="submit" class="secondary" id="job-search-button">Search jobs</button></form>
            <form method="post" action="/recruiter/profile/{U(member.Id)}/export" id="export-form">{Hidden("ats", ats.ClientId)}
            {When(jobs.Count == 0, "<p class=\"muted\" id=\"no-jobs\">No open jobs match.</p>")}{Each(jobs, JobChoice)}<button type="submit" id="export-button">Export</button></form></section>
            """;
    }

    private static string JobChoice(JobRec job) =>
        $"<p><label><input type=\"radio\" name=\"job\" value=\"{Attr(job.ExternalJobPostingId)}\" id=\"job-{Attr(job.ExternalJobPostingId)}\"> {E(job.Title)} <span class=\"muted\">({E(job.CompanyJobCode ?? job.ExternalJobPostingId)}{When(job.Location is not null, $" · {E(job.Location)}")})</span></label></p>";

    private static string ProjectsCard(Simulation simulation, StateStore state, ProfileView view)
    {
        var projects = state.Projects.All.Where(p => p.Members.Contains(view.Member.Id) && simulation.World.SeatByUrn(p.Seat)?.Contract == view.Seat.Contract).Select(p => p.Name).ToList();
        return $"""
            <section class="card" id="projects"><h2>Save to project</h2>
            {When(projects.Count > 0, $"<p>In projects: <span id=\"project-list\">{E(string.Join(", ", projects))}</span></p>")}
            <form method="post" action="/recruiter/profile/{U(view.Member.Id)}/save" id="save-form"><input type="text" name="projectName" id="project-name" placeholder="Project name"> <button type="submit" id="save">Save to project</button></form></section>
            """;
    }

    private static string InMailCard(Simulation simulation, StateStore state, ProfileView view)
    {
        var events = state.Events.All.Where(e => e.Prospect == view.Member.Urn && simulation.World.SeatByUrn(e.Seat)?.Contract == view.Seat.Contract).OrderBy(e => e.CreatedAt).ThenBy(e => e.Seq).ToList();
        var activity = When(events.Count > 0, $"<h3>Recruiting activity</h3><ul id=\"activity\">{Each(events, e => ActivityItem(simulation, view.Seat, e))}</ul>");
        return $"""
            <section class="card" id="inmail"><h2>InMail</h2>
            <form method="post" action="/recruiter/profile/{U(view.Member.Id)}/inmail" id="inmail-form">
            <p><input type="text" name="subject" id="inmail-subject" placeholder="Subject"></p>
            <p><textarea name="body" id="inmail-body" rows="4" cols="60" placeholder="Your message"></textarea></p>
            <button type="submit" id="send-inmail">Send InMail</button></form>{activity}</section>
            """;
    }

    /// <summary>One event of the contract's activity with the member; the body only for the viewer's own seat.</summary>
    private static string ActivityItem(Simulation simulation, Seat seat, EventRec activity)
    {
        var owner = simulation.World.ById[simulation.World.SeatByUrn(activity.Seat)!.MemberId];
        return $"<li>{E(activity.EventType)} · {E(owner.Name)} · {E(activity.Subject)}{When(activity.Seat == seat.Urn, $": {E(activity.Body)}")}</li>";
    }

    private static string NotesCard(Simulation simulation, StateStore state, ProfileView view)
    {
        var seat = view.Seat;
        var notes = state.ProspectNotes.All
            .Where(n => n.MemberId == view.Member.Id && n.Active && n.Contract == seat.Contract && (n.Visibility == "PUBLIC" || n.Owner == seat.Urn))
            .OrderBy(n => n.CreatedAt);
        return $"""
            <section class="card" id="notes"><h2>Notes</h2>
            <form method="post" action="/recruiter/profile/{U(view.Member.Id)}/notes" id="note-form"><p><textarea name="note" id="note-text" rows="2" cols="60"></textarea></p>
            <select name="visibility" id="note-visibility"><option value="PUBLIC">Visible to everyone on the contract</option><option value="PRIVATE">Only me</option></select>
            <button type="submit" id="add-note">Add note</button></form><ul id="note-list">{Each(notes, n => NoteItem(simulation, seat, n))}</ul></section>
            """;
    }

    private static string NoteItem(Simulation simulation, Seat seat, ProspectNoteRec note)
    {
        var owner = simulation.World.ById[simulation.World.SeatByUrn(note.Owner)!.MemberId];
        var delete = When(note.Owner == seat.Urn, $"<form method=\"post\" action=\"/recruiter/notes/{U(note.Id)}/delete\" style=\"display:inline\"><button type=\"submit\" class=\"secondary\">Delete</button></form>");
        return $"<li class=\"note\">{E(note.Note)} <span class=\"muted\">— {E(owner.Name)} · {E(note.Visibility)}</span>{delete}</li>";
    }
}
