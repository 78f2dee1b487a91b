using System.Text.Json.Nodes;
using static LinkedIn.Simulator.Screens.HtmlPage;

namespace LinkedIn.Simulator.Screens;

/// <summary>
/// The profile's "In {ATS}" card (In-ATS indicator): the synced candidates that match the member, with tabs for their applications and
/// stage history, interview feedback, and ATS notes — applications of jobs the viewer may not see left out.
/// </summary>
internal static class InAtsCard
{
    private const string Tabs = """
        <div class="tabbar"><button type="button" class="secondary" id="tab-jobs" onclick="showTab('jobs')">Jobs &amp; Statuses</button><button type="button" class="secondary" id="tab-feedback" onclick="showTab('feedback')">Interview Feedback</button><button type="button" class="secondary" id="tab-notes" onclick="showTab('notes')">Notes</button></div>
        """;

    private const string TabScript = "<script>function showTab(t){document.querySelectorAll('#in-ats .tab').forEach(function(p){p.classList.toggle('active',p.id==='pane-'+t);});}</script>";

    public static string Render(Simulation simulation, StateStore state, AppRec app, Member member, Member viewer)
    {
        var candidates = state.Entities.CandidatesMatching(app.ClientId, member.Id);
        if (candidates.Count == 0)
        {
            return $"<section class=\"card\" id=\"in-ats\"><h2>In {E(app.Name)}</h2><p class=\"muted\" id=\"in-ats-none\">Not in your ATS.</p></section>";
        }
        var applications = candidates.Select(c => c.KeyFields["atsCandidateId"]).Distinct()
            .SelectMany(candidateId => state.Entities.ApplicationsOf(app.ClientId, candidateId))
            .Where(x => simulation.JobVisible(app.ClientId, JsonExt.Obj(x.Json).Str("atsJobPostingId") ?? "", viewer.Urn, "IN_ATS_INDICATOR", "APPLICATION_VIEWERS")).ToList();
        var jobs = Each(applications, a => Application(state, a));
        var feedback = Each(applications, a => Each(SubEntities(state, a, "interviewFeedback"), f => Feedback(JsonExt.Obj(a.Json), f)));
        var notes = Each(candidates, c => Each(SubEntities(state, c, "notes"), n => NoteItem(n, null)))
            + Each(applications, a => Each(SubEntities(state, a, "notes"), n => NoteItem(n, JsonExt.Obj(a.Json).Str("atsJobPostingName"))));
        return $"""
            <section class="card" id="in-ats"><h2>In {E(app.Name)}</h2>{Tabs}
            <div class="tab active" id="pane-jobs">{(jobs.Length == 0 ? "<p class=\"muted\">No applications.</p>" : jobs)}</div><div class="tab" id="pane-feedback">{(feedback.Length == 0 ? "<p class=\"muted\">No interview feedback.</p>" : feedback)}</div><div class="tab" id="pane-notes"><ul>{(notes.Length == 0 ? "<li class=\"muted\">No notes.</li>" : notes)}</ul></div>{TabScript}</section>
            """;
    }

    private static IEnumerable<JsonObject> SubEntities(StateStore state, EntityRec parent, string subResource) =>
        state.Subs.Of(parent.Key, subResource).Select(s => JsonExt.Obj(s.Json));

    /// <summary>An application with its latest stage and the stage history.</summary>
    private static string Application(StateStore state, EntityRec application)
    {
        var json = JsonExt.Obj(application.Json);
        var stages = SubEntities(state, application, "stages").OrderBy(s => s.Long("atsCreatedAt")).ToList();
        var latest = stages.LastOrDefault()?.Str("stage") ?? "Applied";
        var disposition = json.Str("dispositionReason") is { } reason ? $" <span class=\"muted\">({E(reason)})</span>" : "";
        var history = Each(stages, s => $"<li>{E(s.Str("stage"))} <span class=\"muted\">{E(DateTimeOffset.FromUnixTimeMilliseconds(s.Long("atsCreatedAt") ?? 0).ToString("yyyy-MM-dd"))}</span></li>");
        return $"<div class=\"application\"><b>{E(json.Str("atsJobPostingName"))}</b> — <span class=\"state latest-stage\">{E(latest)}</span>{disposition}<ol class=\"stage-history\">{history}</ol></div>";
    }

    private static string Feedback(JsonObject application, JsonObject feedback)
    {
        var interviewer = feedback["interviewer"] as JsonObject;
        var evaluations = (feedback["evaluations"] as JsonArray)?.OfType<JsonObject>().Select(e => $"{e.Str("attribute")}: {e["result"]}") ?? [];
        return $"<div class=\"feedback\"><b>{E(application.Str("atsJobPostingName"))}</b> · {E(feedback.Str("interviewType"))} · {E(interviewer?.Str("firstName"))} {E(interviewer?.Str("lastName"))}<p>{E(feedback.Str("feedback"))}</p><p class=\"muted\">{E(string.Join("; ", evaluations))}</p></div>";
    }

    private static string NoteItem(JsonObject note, string? job)
    {
        var author = note["author"] as JsonObject;
        return $"<li class=\"ats-note\">{E(note.Str("note"))} <span class=\"muted\">— {E(author?.Str("firstName"))} {E(author?.Str("lastName"))}{When(job is not null, $" · {E(job)}")}</span></li>";
    }
}
