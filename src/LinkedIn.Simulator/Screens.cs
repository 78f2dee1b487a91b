using System.Text;
using System.Text.Json.Nodes;
using static LinkedIn.Simulator.Html;

namespace LinkedIn.Simulator;

/// <summary>LinkedIn Recruiter screens: search, profile (export, In-ATS, projects, InMail, notes), admin ATS tab, member messaging.</summary>
internal static class Screens
{
    private sealed record Viewer(Member Member, SessionRec Session, Seat? Seat);

    private static Viewer? Current(HttpContext ctx, Sim sim)
    {
        var cur = sim.CurrentMember(ctx);
        if (cur is null)
        {
            return null;
        }
        var (m, s) = cur.Value;
        var seat = sim.World.SeatByUrn(s.Seat) ?? sim.World.SeatsOf(m.Id).FirstOrDefault();
        return new Viewer(m, s, seat);
    }

    private static IResult ToLogin(HttpContext ctx) =>
        Results.Redirect("/login?returnUrl=" + U(ctx.Request.Path + ctx.Request.QueryString));

    private static IResult NoSeat(HttpContext ctx, Viewer v) =>
        Page("Recruiter", $"<h1>No Recruiter seat</h1><p>{E(v.Member.Name)} does not hold a LinkedIn Recruiter seat. Members can use <a href=\"/messaging\">Messaging</a>.</p>", ctx, v.Member);

    public static void Map(WebApplication app, Sim sim, SimActions actions)
    {
        app.MapGet("/", () => Results.Redirect("/recruiter/search"));
        app.MapGet("/recruiter", () => Results.Redirect("/recruiter/search"));
        app.MapGet("/recruiter/search", (HttpContext ctx, string? q) =>
        {
            if (Current(ctx, sim) is not { } v)
            {
                return ToLogin(ctx);
            }
            if (v.Seat is null)
            {
                return NoSeat(ctx, v);
            }
            var results = sim.World.Search(q).Take(50).ToList();
            var sb = new StringBuilder();
            sb.Append(SeatBar(sim, v));
            sb.Append($"""<h1>People search</h1><form method="get" action="/recruiter/search"><input type="text" name="q" id="q" value="{Attr(q)}" placeholder="Name, title, company, location"> <button type="submit" id="search">Search</button></form>""");
            sb.Append($"<p class=\"muted\">{results.Count} of {sim.World.Search(q).Count()} results</p><table>");
            foreach (var m in results)
            {
                sb.Append($"<tr><td><a class=\"member-link\" href=\"/recruiter/profile/{U(m.Id)}\">{E(m.Name)}</a><br><span class=\"muted\">{E(m.Headline)}</span></td><td>{E(m.City)}, {E(m.Region)}</td></tr>");
            }
            sb.Append("</table>");
            return Page("People search", sb.ToString(), ctx, v.Member);
        });
        app.MapPost("/recruiter/seat", async (HttpContext ctx) =>
        {
            if (Current(ctx, sim) is not { } v)
            {
                return ToLogin(ctx);
            }
            var f = await ctx.Request.ReadFormAsync();
            var seat = sim.World.SeatByUrn(f["seat"]);
            if (seat is not null && seat.MemberId == v.Member.Id)
            {
                lock (sim.Store.Gate)
                {
                    v.Session.Seat = seat.Urn;
                    sim.Store.Sessions.Put(v.Session);
                }
            }
            return Results.Redirect(Local(f["returnUrl"]));
        });

        app.MapGet("/recruiter/profile/{id}", (HttpContext ctx, string id, string? ats, string? jobq, string? msg) =>
        {
            if (Current(ctx, sim) is not { } v)
            {
                return ToLogin(ctx);
            }
            if (v.Seat is null)
            {
                return NoSeat(ctx, v);
            }
            if (!sim.World.ById.TryGetValue(id, out var m))
            {
                return Html.Error("Not found", "No such member", 404);
            }
            return Profile(ctx, sim, actions, v, m, ats, jobq, msg);
        });
        app.MapPost("/recruiter/profile/{id}/export", async (HttpContext ctx, string id) =>
        {
            if (Current(ctx, sim) is not { Seat: not null } v || !sim.World.ById.TryGetValue(id, out var m))
            {
                return ToLogin(ctx);
            }
            var f = await ctx.Request.ReadFormAsync();
            AppRec? app;
            lock (sim.Store.Gate)
            {
                app = sim.Store.Apps.Get(f["ats"].ToString());
            }
            var job = f["job"].ToString();
            string msg;
            if (app is null)
            {
                msg = "Choose an ATS.";
            }
            else if (string.IsNullOrEmpty(job))
            {
                msg = "Pick a job to export to.";
            }
            else
            {
                var (x, err) = actions.Export(v.Seat!, m, app, job);
                msg = err ?? $"Exported {m.Name} to {job} in {app.Name}.";
            }
            return Results.Redirect($"/recruiter/profile/{U(id)}?ats={U(app?.ClientId)}&msg={U(msg)}#export");
        });
        app.MapPost("/recruiter/profile/{id}/save", async (HttpContext ctx, string id) =>
        {
            if (Current(ctx, sim) is not { Seat: not null } v || !sim.World.ById.TryGetValue(id, out var m))
            {
                return ToLogin(ctx);
            }
            var f = await ctx.Request.ReadFormAsync();
            var name = f["projectName"].ToString().Trim();
            if (name.Length == 0)
            {
                name = "My project";
            }
            lock (sim.Store.Gate)
            {
                var p = sim.Store.Projects.All.FirstOrDefault(p => p.Seat == v.Seat!.Urn && p.Name == name)
                    ?? new ProjectRec { Id = "proj-" + Sim.NewId(6), Name = name, Seat = v.Seat!.Urn, CreatedAt = sim.NowMs };
                if (!p.Members.Contains(m.Id))
                {
                    p.Members.Add(m.Id);
                }
                sim.Store.Projects.Put(p);
            }
            return Results.Redirect($"/recruiter/profile/{U(id)}?msg={U($"Saved to project {name}.")}");
        });
        app.MapPost("/recruiter/profile/{id}/inmail", async (HttpContext ctx, string id) =>
        {
            if (Current(ctx, sim) is not { Seat: not null } v || !sim.World.ById.TryGetValue(id, out var m))
            {
                return ToLogin(ctx);
            }
            var f = await ctx.Request.ReadFormAsync();
            var subject = f["subject"].ToString().Trim();
            var body = f["body"].ToString().Trim();
            if (subject.Length == 0 || body.Length == 0)
            {
                return Results.Redirect($"/recruiter/profile/{U(id)}?msg={U("InMail needs a subject and a message.")}");
            }
            actions.SendInMail(v.Seat!, m, subject, body);
            return Results.Redirect($"/recruiter/profile/{U(id)}?msg={U("InMail sent.")}");
        });
        app.MapPost("/recruiter/profile/{id}/notes", async (HttpContext ctx, string id) =>
        {
            if (Current(ctx, sim) is not { Seat: not null } v || !sim.World.ById.TryGetValue(id, out var m))
            {
                return ToLogin(ctx);
            }
            var f = await ctx.Request.ReadFormAsync();
            var note = f["note"].ToString().Trim();
            if (note.Length > 0)
            {
                actions.AddNote(v.Seat!, m, note, f["visibility"].ToString());
            }
            return Results.Redirect($"/recruiter/profile/{U(id)}?msg={U("Note saved.")}");
        });
        app.MapPost("/recruiter/notes/{noteId}/delete", (HttpContext ctx, string noteId) =>
        {
            if (Current(ctx, sim) is not { Seat: not null } v)
            {
                return ToLogin(ctx);
            }
            lock (sim.Store.Gate)
            {
                var n = sim.Store.ProspectNotes.Get(noteId);
                if (n is null || n.Owner != v.Seat!.Urn)
                {
                    return Html.Error("Forbidden", "Only the note's owner can delete it.", 403);
                }
                n.Active = false;
                n.LastModifiedAt = sim.NowMs;
                sim.Store.ProspectNotes.Put(n);
                return Results.Redirect($"/recruiter/profile/{U(n.MemberId)}?msg={U("Note deleted.")}");
            }
        });
        app.MapGet("/recruiter/projects", (HttpContext ctx) =>
        {
            if (Current(ctx, sim) is not { Seat: not null } v)
            {
                return ToLogin(ctx);
            }
            var sb = new StringBuilder("<h1>Projects</h1>");
            lock (sim.Store.Gate)
            {
                foreach (var p in sim.Store.Projects.All.Where(p => sim.World.SeatByUrn(p.Seat)?.Contract == v.Seat!.Contract).OrderBy(p => p.CreatedAt))
                {
                    var owner = sim.World.ById[sim.World.SeatByUrn(p.Seat)!.MemberId];
                    sb.Append($"<div class=\"card project\"><h3>{E(p.Name)}</h3><p class=\"muted\">Owner: {E(owner.Name)}</p><ul>");
                    foreach (var mid in p.Members)
                    {
                        var m = sim.World.ById[mid];
                        sb.Append($"<li><a href=\"/recruiter/profile/{U(m.Id)}\">{E(m.Name)}</a> — {E(m.Headline)}</li>");
                    }
                    sb.Append("</ul></div>");
                }
            }
            return Page("Projects", sb.ToString(), ctx, v.Member);
        });

        app.MapGet("/recruiter/admin", () => Results.Redirect("/recruiter/admin/ats"));
        app.MapGet("/recruiter/admin/ats", (HttpContext ctx, string? msg) =>
        {
            if (Current(ctx, sim) is not { } v)
            {
                return ToLogin(ctx);
            }
            return AdminAts(ctx, sim, actions, v, msg);
        });
        app.MapPost("/recruiter/admin/ats/toggle", async (HttpContext ctx) =>
        {
            if (Current(ctx, sim) is not { } v)
            {
                return ToLogin(ctx);
            }
            var f = await ctx.Request.ReadFormAsync();
            var bundle = f["bundle"].ToString();
            var context = f["context"].ToString();
            var adminOf = sim.World.SeatsOf(v.Member.Id).Where(s => s.Admin).Select(s => s.Contract).ToList();
            if (adminOf.Count == 0 || (bundle == SimActions.ContractBundle && !adminOf.Contains(context)) || (bundle == SimActions.CompanyBundle && context != World.Organization))
            {
                return Html.Error("Forbidden", "Only a Recruiter admin of this contract can change ATS integrations.", 403);
            }
            AppRec? app;
            lock (sim.Store.Gate)
            {
                app = sim.Store.Apps.Get(f["client"].ToString());
            }
            if (app is null)
            {
                return Html.Error("Not found", "No such ATS", 404);
            }
            var err = actions.Toggle(app, bundle, context, f["enable"] == "true");
            return Results.Redirect("/recruiter/admin/ats?msg=" + U(err ?? "Saved."));
        });

        app.MapGet("/messaging", (HttpContext ctx) =>
        {
            if (Current(ctx, sim) is not { } v)
            {
                return ToLogin(ctx);
            }
            var sb = new StringBuilder("<h1>Messaging</h1><p class=\"muted\">InMails you received from recruiters.</p>");
            lock (sim.Store.Gate)
            {
                var mySeats = sim.World.SeatsOf(v.Member.Id).Select(x => x.Urn).ToHashSet();
                var convs = sim.Store.Conversations.All.Where(c => c.MemberId == v.Member.Id || mySeats.Contains(c.Seat)).OrderByDescending(c => c.CreatedAt).ToList();
                if (convs.Count == 0)
                {
                    sb.Append("<p>No messages.</p>");
                }
                foreach (var c in convs)
                {
                    var sender = sim.World.ById[sim.World.SeatByUrn(c.Seat)!.MemberId];
                    var who = c.MemberId == v.Member.Id ? $"from {sender.Name}" : $"to {sim.World.ById[c.MemberId].Name} (sent from your seat)";
                    sb.Append($"<div class=\"card\"><a class=\"conversation-link\" href=\"/messaging/{U(c.Id)}\">{E(c.Subject)}</a><br><span class=\"muted\">{E(who)} · {E(c.State)}</span></div>");
                }
            }
            return Page("Messaging", sb.ToString(), ctx, v.Member);
        });
        app.MapGet("/messaging/{cid}", (HttpContext ctx, string cid, string? msg) =>
        {
            if (Current(ctx, sim) is not { } v)
            {
                return ToLogin(ctx);
            }
            lock (sim.Store.Gate)
            {
                var c = sim.Store.Conversations.Get(cid);
                if (c is null || (c.MemberId != v.Member.Id && sim.World.SeatByUrn(c.Seat)?.MemberId != v.Member.Id))
                {
                    return Html.Error("Not found", "No such conversation", 404);
                }
                var sb = new StringBuilder($"<h1>{E(c.Subject)}</h1>");
                if (msg is not null)
                {
                    sb.Append($"<p class=\"ok\" id=\"message\">{E(msg)}</p>");
                }
                foreach (var e in sim.Store.Events.All.Where(e => e.ConversationId == c.Id).OrderBy(e => e.CreatedAt).ThenBy(e => e.Seq))
                {
                    var who = sim.World.FindByUrn(e.Sender)?.Name ?? sim.World.ById.GetValueOrDefault(sim.World.SeatByUrn(e.Sender)?.MemberId ?? "")?.Name ?? e.Sender;
                    sb.Append($"<div class=\"card event\"><b>{E(who)}</b> <span class=\"muted\">{E(e.EventType)} · {E(DateTimeOffset.FromUnixTimeMilliseconds(e.CreatedAt).ToString("u"))}</span><p>{E(e.Body)}</p></div>");
                }
                if (c.MemberId == v.Member.Id)
                {
                    sb.Append($"""
                        <form method="post" action="/messaging/{U(c.Id)}/respond" class="card" id="respond-form">
                          <p><textarea name="message" id="message-text" rows="3" cols="60" placeholder="Write a reply (optional)"></textarea></p>
                          <p><label><input type="checkbox" name="shareProfile" value="true" id="share-profile"> Share my profile</label>
                             <label><input type="checkbox" name="shareEmail" value="true" id="share-email"> Share my email ({E(v.Member.Email)})</label>
                             <label><input type="checkbox" name="sharePhone" value="true" id="share-phone"> Share my phone</label></p>
                          <p>{(c.State == "PENDING" ? "<button type=\"submit\" name=\"action\" value=\"accept\" id=\"accept\">Accept</button> <button type=\"submit\" name=\"action\" value=\"decline\" class=\"secondary\" id=\"decline\">Decline</button> " : "")}
                             <button type="submit" name="action" value="reply" class="secondary" id="reply">Reply</button></p>
                        </form>
                        """);
                }
                else
                {
                    sb.Append($"""
                        <form method="post" action="/messaging/{U(c.Id)}/recruiter-reply" class="card" id="recruiter-reply-form">
                          <p><textarea name="message" id="recruiter-reply-text" rows="3" cols="60" placeholder="Reply to {Attr(sim.World.ById[c.MemberId].FirstName)}"></textarea></p>
                          <button type="submit" id="recruiter-reply">Send</button>
                        </form>
                        """);
                }
                return Page(c.Subject, sb.ToString(), ctx, v.Member);
            }
        });
        app.MapPost("/messaging/{cid}/recruiter-reply", async (HttpContext ctx, string cid) =>
        {
            if (Current(ctx, sim) is not { } v)
            {
                return ToLogin(ctx);
            }
            var f = await ctx.Request.ReadFormAsync();
            lock (sim.Store.Gate)
            {
                var c = sim.Store.Conversations.Get(cid);
                var seat = c is null ? null : sim.World.SeatByUrn(c.Seat);
                if (c is null || seat is null || seat.MemberId != v.Member.Id)
                {
                    return Html.Error("Not found", "No such conversation", 404);
                }
                var text = f["message"].ToString().Trim();
                if (text.Length > 0)
                {
                    sim.AddEvent(c, "INMAIL_REPLY", c.Seat, text, sim.NowMs);
                }
            }
            return Results.Redirect($"/messaging/{U(cid)}?msg={U("Reply sent.")}");
        });
        app.MapPost("/messaging/{cid}/respond", async (HttpContext ctx, string cid) =>
        {
            if (Current(ctx, sim) is not { } v)
            {
                return ToLogin(ctx);
            }
            var f = await ctx.Request.ReadFormAsync();
            ConversationRec? c;
            lock (sim.Store.Gate)
            {
                c = sim.Store.Conversations.Get(cid);
            }
            if (c is null || c.MemberId != v.Member.Id)
            {
                return Html.Error("Not found", "No such conversation", 404);
            }
            var action = f["action"].ToString();
            if (action is "accept" or "decline" && c.State != "PENDING")
            {
                return Results.Redirect($"/messaging/{U(cid)}?msg={U("You already answered this InMail.")}");
            }
            var stub = actions.Respond(c, v.Member, action, f["message"], f["shareProfile"] == "true", f["shareEmail"] == "true", f["sharePhone"] == "true");
            var msg = action switch
            {
                "accept" => stub is null ? "You accepted the InMail." : "You accepted the InMail and shared your contact details.",
                "decline" => "You declined the InMail.",
                _ => "Reply sent.",
            };
            return Results.Redirect($"/messaging/{U(cid)}?msg={U(msg)}");
        });
    }

    private static string SeatBar(Sim sim, Viewer v)
    {
        var seats = sim.World.SeatsOf(v.Member.Id).ToList();
        if (seats.Count <= 1)
        {
            return v.Seat is null ? "" : $"<p class=\"muted\" id=\"seat\">Contract: {E(sim.World.ContractByUrn(v.Seat.Contract)?.Name)}</p>";
        }
        var opts = string.Concat(seats.Select(s => $"<option value=\"{Attr(s.Urn)}\"{(s.Urn == v.Seat?.Urn ? " selected" : "")}>{E(sim.World.ContractByUrn(s.Contract)?.Name)}</option>"));
        return $"<form method=\"post\" action=\"/recruiter/seat\" id=\"seat\">Contract: <select name=\"seat\">{opts}</select>{Hidden("returnUrl", "/recruiter/search")} <button class=\"secondary\" type=\"submit\">Switch</button></form>";
    }

    private static IResult Profile(HttpContext ctx, Sim sim, SimActions actions, Viewer v, Member m, string? ats, string? jobq, string? msg)
    {
        var seat = v.Seat!;
        var sb = new StringBuilder();
        sb.Append(SeatBar(sim, v));
        if (msg is not null)
        {
            sb.Append($"<p class=\"ok\" id=\"message\">{E(msg)}</p>");
        }
        sb.Append($"""
            <section id="profile"><h1 id="member-name">{E(m.Name)}</h1><p>{E(m.Headline)}</p>
            <p class="muted">{E(m.City)}, {E(m.Region)} · <a href="{Attr(m.ProfileUrl)}" id="public-profile">{E(m.ProfileUrl)}</a></p>
            <p class="muted">Current: {E(m.Title)} at {E(m.Company)} · {E(m.Urn)}</p></section>
            """);
        lock (sim.Store.Gate)
        {
            var integrated = sim.IntegratedApps();
            var current = integrated.FirstOrDefault(a => a.ClientId == ats) ?? integrated.FirstOrDefault();
            if (integrated.Count > 1)
            {
                var opts = string.Concat(integrated.Select(a => $"<option value=\"{Attr(a.ClientId)}\"{(a == current ? " selected" : "")}>{E(a.Name)}</option>"));
                sb.Append($"<form method=\"get\" id=\"change-ats\" class=\"card\"><b>Change ATS</b> <select name=\"ats\" id=\"ats-select\">{opts}</select> <button type=\"submit\" class=\"secondary\" id=\"change-ats-button\">Change ATS</button></form>");
            }
            // ---- Export
            sb.Append("<section class=\"card\" id=\"export\"><h2>Export</h2>");
            if (current is null || !sim.IsEnabled(current.ClientId, World.Organization, "ONE_CLICK_EXPORT"))
            {
                sb.Append("<p class=\"muted\">1-Click Export is not enabled for your company's ATS.</p>");
            }
            else
            {
                var jobs = sim.Store.Jobs.All.Where(j => j.ClientId == current.ClientId && j.Context == World.Organization && j.State == "LISTED")
                    .Where(j => string.IsNullOrWhiteSpace(jobq) || j.Title.Contains(jobq, StringComparison.OrdinalIgnoreCase)
                        || j.ExternalJobPostingId.Contains(jobq, StringComparison.OrdinalIgnoreCase) || (j.CompanyJobCode ?? "").Contains(jobq, StringComparison.OrdinalIgnoreCase))
                    .Where(j => sim.JobVisible(current.ClientId, j.ExternalJobPostingId, v.Member.Urn, "ONE_CLICK_EXPORT", "JOB_POSTING_VIEWERS"))
                    .OrderBy(j => j.Title).Take(50).ToList();
                var used = actions.ExportsThisMonth(seat.Urn);
                sb.Append($"""
                    <p class="muted">Export {E(m.FirstName)} to {E(current.Name)}. {used} of {sim.Options.ExportsPerSeatPerMonth} exports used this month.</p>
                    <form method="get" action="/recruiter/profile/{U(m.Id)}" id="job-search">{Hidden("ats", current.ClientId)}<input type="text" name="jobq" id="jobq" value="{Attr(jobq)}" placeholder="Search jobs by title or job ID"> <button type="submit" class="secondary" id="job-search-button">Search jobs</button></form>
                    <form method="post" action="/recruiter/profile/{U(m.Id)}/export" id="export-form">{Hidden("ats", current.ClientId)}
                    """);
                if (jobs.Count == 0)
                {
                    sb.Append("<p class=\"muted\" id=\"no-jobs\">No open jobs match.</p>");
                }
                foreach (var j in jobs)
                {
                    sb.Append($"<p><label><input type=\"radio\" name=\"job\" value=\"{Attr(j.ExternalJobPostingId)}\" id=\"job-{Attr(j.ExternalJobPostingId)}\"> {E(j.Title)} <span class=\"muted\">({E(j.CompanyJobCode ?? j.ExternalJobPostingId)}{(j.Location is null ? "" : " · " + E(j.Location))})</span></label></p>");
                }
                sb.Append("<button type=\"submit\" id=\"export-button\">Export</button></form>");
            }
            sb.Append("</section>");
            // ---- In-ATS
            if (current is not null && sim.IsEnabled(current.ClientId, World.Organization, "IN_ATS_INDICATOR"))
            {
                sb.Append(InAts(sim, current, m, v.Member));
            }
            // ---- Projects
            var projects = sim.Store.Projects.All.Where(p => p.Members.Contains(m.Id) && sim.World.SeatByUrn(p.Seat)?.Contract == seat.Contract).Select(p => p.Name).ToList();
            sb.Append($"""
                <section class="card" id="projects"><h2>Save to project</h2>
                {(projects.Count == 0 ? "" : "<p>In projects: <span id=\"project-list\">" + E(string.Join(", ", projects)) + "</span></p>")}
                <form method="post" action="/recruiter/profile/{U(m.Id)}/save" id="save-form"><input type="text" name="projectName" id="project-name" placeholder="Project name"> <button type="submit" id="save">Save to project</button></form></section>
                """);
            // ---- InMail + activity
            sb.Append($"""
                <section class="card" id="inmail"><h2>InMail</h2>
                <form method="post" action="/recruiter/profile/{U(m.Id)}/inmail" id="inmail-form">
                <p><input type="text" name="subject" id="inmail-subject" placeholder="Subject"></p>
                <p><textarea name="body" id="inmail-body" rows="4" cols="60" placeholder="Your message"></textarea></p>
                <button type="submit" id="send-inmail">Send InMail</button></form>
                """);
            var events = sim.Store.Events.All.Where(e => e.Prospect == m.Urn && sim.World.SeatByUrn(e.Seat)?.Contract == seat.Contract).OrderBy(e => e.CreatedAt).ThenBy(e => e.Seq).ToList();
            if (events.Count > 0)
            {
                sb.Append("<h3>Recruiting activity</h3><ul id=\"activity\">");
                foreach (var e in events)
                {
                    var own = e.Seat == seat.Urn;
                    var owner = sim.World.ById[sim.World.SeatByUrn(e.Seat)!.MemberId];
                    sb.Append($"<li>{E(e.EventType)} · {E(owner.Name)} · {E(e.Subject)}{(own ? ": " + E(e.Body) : "")}</li>");
                }
                sb.Append("</ul>");
            }
            sb.Append("</section>");
            // ---- Notes
            sb.Append($"""
                <section class="card" id="notes"><h2>Notes</h2>
                <form method="post" action="/recruiter/profile/{U(m.Id)}/notes" id="note-form"><p><textarea name="note" id="note-text" rows="2" cols="60"></textarea></p>
                <select name="visibility" id="note-visibility"><option value="PUBLIC">Visible to everyone on the contract</option><option value="PRIVATE">Only me</option></select>
                <button type="submit" id="add-note">Add note</button></form><ul id="note-list">
                """);
            foreach (var n in sim.Store.ProspectNotes.All.Where(n => n.MemberId == m.Id && n.Active && n.Contract == seat.Contract && (n.Visibility == "PUBLIC" || n.Owner == seat.Urn)).OrderBy(n => n.CreatedAt))
            {
                var owner = sim.World.ById[sim.World.SeatByUrn(n.Owner)!.MemberId];
                sb.Append($"<li class=\"note\">{E(n.Note)} <span class=\"muted\">— {E(owner.Name)} · {E(n.Visibility)}</span>");
                if (n.Owner == seat.Urn)
                {
                    sb.Append($"<form method=\"post\" action=\"/recruiter/notes/{U(n.Id)}/delete\" style=\"display:inline\"><button type=\"submit\" class=\"secondary\">Delete</button></form>");
                }
                sb.Append("</li>");
            }
            sb.Append("</ul></section>");
        }
        return Page(m.Name, sb.ToString(), ctx, v.Member);
    }

    private static string InAts(Sim sim, AppRec app, Member m, Member viewer)
    {
        var candidates = sim.Store.Entities.All.Where(x => x.ClientId == app.ClientId && x.Resource == SyncEndpoints.Candidates.Name && sim.EffectiveMatch(x)?.Id == m.Id).ToList();
        var sb = new StringBuilder($"<section class=\"card\" id=\"in-ats\"><h2>In {E(app.Name)}</h2>");
        if (candidates.Count == 0)
        {
            sb.Append("<p class=\"muted\" id=\"in-ats-none\">Not in your ATS.</p></section>");
            return sb.ToString();
        }
        var candIds = candidates.Select(c => c.KeyFields["atsCandidateId"]).ToHashSet();
        var applications = sim.Store.Entities.All.Where(x => x.ClientId == app.ClientId && x.Resource == SyncEndpoints.Applications.Name && candIds.Contains(JsonExt.Obj(x.Json).Str("atsCandidateId") ?? ""))
            .Where(x => sim.JobVisible(app.ClientId, JsonExt.Obj(x.Json).Str("atsJobPostingId") ?? "", viewer.Urn, "IN_ATS_INDICATOR", "APPLICATION_VIEWERS")).ToList();
        var jobs = new StringBuilder();
        var feedback = new StringBuilder();
        var notes = new StringBuilder();
        foreach (var c in candidates)
        {
            foreach (var n in sim.Store.Subs.All.Where(s => s.ParentKey == c.Key && s.SubResource == "notes"))
            {
                notes.Append(NoteLi(JsonExt.Obj(n.Json), null));
            }
        }
        foreach (var a in applications)
        {
            var o = JsonExt.Obj(a.Json);
            var stages = sim.Store.Subs.All.Where(s => s.ParentKey == a.Key && s.SubResource == "stages").Select(s => JsonExt.Obj(s.Json)).OrderBy(s => s.Long("atsCreatedAt")).ToList();
            var latest = stages.LastOrDefault()?.Str("stage") ?? "Applied";
            jobs.Append($"<div class=\"application\"><b>{E(o.Str("atsJobPostingName"))}</b> — <span class=\"state latest-stage\">{E(latest)}</span>{(o.Str("dispositionReason") is { } d ? " <span class=\"muted\">(" + E(d) + ")</span>" : "")}<ol class=\"stage-history\">");
            foreach (var s in stages)
            {
                jobs.Append($"<li>{E(s.Str("stage"))} <span class=\"muted\">{E(DateTimeOffset.FromUnixTimeMilliseconds(s.Long("atsCreatedAt") ?? 0).ToString("yyyy-MM-dd"))}</span></li>");
            }
            jobs.Append("</ol></div>");
            foreach (var f in sim.Store.Subs.All.Where(s => s.ParentKey == a.Key && s.SubResource == "interviewFeedback").Select(s => JsonExt.Obj(s.Json)))
            {
                var who = f["interviewer"] as JsonObject;
                var evals = (f["evaluations"] as JsonArray)?.OfType<JsonObject>().Select(e => $"{e.Str("attribute")}: {e["result"]}") ?? [];
                feedback.Append($"<div class=\"feedback\"><b>{E(o.Str("atsJobPostingName"))}</b> · {E(f.Str("interviewType"))} · {E(who?.Str("firstName"))} {E(who?.Str("lastName"))}<p>{E(f.Str("feedback"))}</p><p class=\"muted\">{E(string.Join("; ", evals))}</p></div>");
            }
            foreach (var n in sim.Store.Subs.All.Where(s => s.ParentKey == a.Key && s.SubResource == "notes"))
            {
                notes.Append(NoteLi(JsonExt.Obj(n.Json), o.Str("atsJobPostingName")));
            }
        }
        sb.Append("""
            <div class="tabbar"><button type="button" class="secondary" id="tab-jobs" onclick="showTab('jobs')">Jobs &amp; Statuses</button><button type="button" class="secondary" id="tab-feedback" onclick="showTab('feedback')">Interview Feedback</button><button type="button" class="secondary" id="tab-notes" onclick="showTab('notes')">Notes</button></div>
            """);
        sb.Append($"<div class=\"tab active\" id=\"pane-jobs\">{(jobs.Length == 0 ? "<p class=\"muted\">No applications.</p>" : jobs)}</div>");
        sb.Append($"<div class=\"tab\" id=\"pane-feedback\">{(feedback.Length == 0 ? "<p class=\"muted\">No interview feedback.</p>" : feedback)}</div>");
        sb.Append($"<div class=\"tab\" id=\"pane-notes\"><ul>{(notes.Length == 0 ? "<li class=\"muted\">No notes.</li>" : notes)}</ul></div>");
        sb.Append("<script>function showTab(t){document.querySelectorAll('#in-ats .tab').forEach(function(p){p.classList.toggle('active',p.id==='pane-'+t);});}</script></section>");
        return sb.ToString();
    }

    private static string NoteLi(JsonObject n, string? job)
    {
        var a = n["author"] as JsonObject;
        return $"<li class=\"ats-note\">{E(n.Str("note"))} <span class=\"muted\">— {E(a?.Str("firstName"))} {E(a?.Str("lastName"))}{(job is null ? "" : " · " + E(job))}</span></li>";
    }

    private static IResult AdminAts(HttpContext ctx, Sim sim, SimActions actions, Viewer v, string? msg)
    {
        var adminSeats = sim.World.SeatsOf(v.Member.Id).Where(s => s.Admin).ToList();
        var sb = new StringBuilder("<h1>Admin Settings</h1><div class=\"tabs\"><a href=\"#\" class=\"muted\">Product settings</a><a href=\"#\" class=\"muted\">Users</a><a href=\"/recruiter/admin/ats\" id=\"ats-tab\">ATS</a></div>");
        if (adminSeats.Count == 0)
        {
            sb.Append("<p class=\"err\" id=\"not-admin\">You need to be a Recruiter admin to manage ATS integrations.</p>");
            return Page("Admin Settings", sb.ToString(), ctx, v.Member);
        }
        if (msg is not null)
        {
            sb.Append($"<p class=\"ok\" id=\"message\">{E(msg)}</p>");
        }
        sb.Append("<p class=\"muted\">Recruiter System Connect partners. Turning on access lets the ATS exchange data with LinkedIn Recruiter.</p>");
        lock (sim.Store.Gate)
        {
            var contexts = adminSeats.Select(s => s.Contract).Append(World.Organization).ToHashSet();
            var apps = sim.Store.Integrations.All.Where(i => contexts.Contains(i.Context) && i.Status != "NOT_REQUESTED").Select(i => i.ClientId).Distinct()
                .Select(id => sim.Store.Apps.Get(id)).OfType<AppRec>().OrderBy(a => a.Id).ToList();
            if (apps.Count == 0)
            {
                sb.Append("<p id=\"no-partners\">No ATS partner has requested an integration yet. Use the ATS's integration widget to request one.</p>");
            }
            foreach (var app in apps)
            {
                sb.Append($"<div class=\"card partner\" data-client=\"{Attr(app.ClientId)}\"><h2>{E(app.Name)}</h2><table>");
                sb.Append(ToggleRow(actions, app, "Company-level access", SimActions.CompanyBundle, World.Organization, "company", "In-ATS indicator, 1-Click Export, Profile widget"));
                foreach (var s in adminSeats)
                {
                    var c = sim.World.ContractByUrn(s.Contract)!;
                    sb.Append(ToggleRow(actions, app, $"Contract-level access — {c.Name}", SimActions.ContractBundle, c.Urn, "contract-" + c.Urn.Split(':')[^1], "Recruiter seats, InMail history, notes, stub profiles (CSA_API)"));
                }
                sb.Append("</table>");
                foreach (var t in Sim.OrgTypes)
                {
                    var i = sim.GetIntegration(app.ClientId, World.Organization, t);
                    if (!string.IsNullOrEmpty(i.Name))
                    {
                        sb.Append($"<p class=\"muted integration-name\">{E(t)}: {E(i.Name)}</p>");
                    }
                }
                sb.Append("</div>");
            }
        }
        return Page("Admin Settings – ATS", sb.ToString(), ctx, v.Member);
    }

    private static string ToggleRow(SimActions actions, AppRec app, string label, string bundle, string context, string idPart, string what)
    {
        var state = actions.BundleState(app.ClientId, bundle, context);
        var on = state == "Enabled";
        if (state == "Request")
        {
            state = "Not requested";
        }
        var can = actions.CanToggle(app.ClientId, bundle, context);
        var id = $"toggle-{idPart}-{app.ClientId}";
        return $"""
            <tr><td><b>{E(label)}</b><br><span class="muted">{E(what)}</span></td><td class="state" id="state-{Attr(idPart)}-{Attr(app.ClientId)}">{E(state)}</td>
            <td><form method="post" action="/recruiter/admin/ats/toggle">{Hidden("client", app.ClientId)}{Hidden("bundle", bundle)}{Hidden("context", context)}{Hidden("enable", on ? "false" : "true")}
            <button type="submit" id="{Attr(id)}" role="switch" aria-checked="{(on ? "true" : "false")}"{(can ? "" : " disabled")}>{(on ? "Turn off" : "Turn on")}</button></form></td></tr>
            """;
    }
}
