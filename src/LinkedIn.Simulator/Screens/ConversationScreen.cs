using static LinkedIn.Simulator.Screens.HtmlPage;

namespace LinkedIn.Simulator.Screens;

/// <summary>
/// <c>/messaging/{cid}</c>: one InMail conversation. The member answers it (<c>…/respond</c>: accept, decline or reply, sharing contact
/// details); the recruiter whose seat sent it replies (<c>…/recruiter-reply</c>).
/// </summary>
internal static class ConversationScreen
{
    public static void Map(WebApplication app, Simulation simulation, MemberActions actions)
    {
        app.MapGet("/messaging/{cid}", (HttpContext ctx, string cid, string? msg) => Show(ctx, simulation, cid, msg));
        app.MapPost("/messaging/{cid}/recruiter-reply", (HttpContext ctx, string cid) => RecruiterReplyAsync(ctx, simulation, cid));
        app.MapPost("/messaging/{cid}/respond", (HttpContext ctx, string cid) => RespondAsync(ctx, simulation, actions, cid));
    }

    private static IResult Show(HttpContext ctx, Simulation simulation, string cid, string? message)
    {
        if (ScreenViewer.Current(ctx, simulation) is not { } viewer)
        {
            return ScreenViewer.ToLogin(ctx);
        }
        var world = simulation.World;
        var (conversation, events) = simulation.State.Read(state =>
        {
            var conversation = state.Conversations.Get(cid);
            return (conversation, conversation is null ? [] : state.Events.All.Where(e => e.ConversationId == conversation.Id).OrderBy(e => e.CreatedAt).ThenBy(e => e.Seq).ToList());
        });
        if (conversation is null || (conversation.MemberId != viewer.Member.Id && world.SeatByUrn(conversation.Seat)?.MemberId != viewer.Member.Id))
        {
            return Error("Not found", "No such conversation", 404);
        }
        var answer = conversation.MemberId == viewer.Member.Id ? MemberAnswerForm(conversation, viewer.Member) : RecruiterReplyForm(conversation, world.ById[conversation.MemberId]);
        return Page(conversation.Subject, $"<h1>{E(conversation.Subject)}</h1>{Message(message)}{Each(events, e => Event(world, e))}{answer}", ctx, viewer.Member);
    }

    private static string Event(SeededWorld world, EventRec message)
    {
        var who = world.FindByUrn(message.Sender)?.Name ?? world.ById.GetValueOrDefault(world.SeatByUrn(message.Sender)?.MemberId ?? "")?.Name ?? message.Sender;
        return $"<div class=\"card event\"><b>{E(who)}</b> <span class=\"muted\">{E(message.EventType)} · {E(DateTimeOffset.FromUnixTimeMilliseconds(message.CreatedAt).ToString("u"))}</span><p>{E(message.Body)}</p></div>";
    }

    private const string AcceptDecline = "<button type=\"submit\" name=\"action\" value=\"accept\" id=\"accept\">Accept</button> <button type=\"submit\" name=\"action\" value=\"decline\" class=\"secondary\" id=\"decline\">Decline</button> ";

    private static string MemberAnswerForm(ConversationRec conversation, Member member) => $"""
        <form method="post" action="/messaging/{U(conversation.Id)}/respond" class="card" id="respond-form">
          <p><textarea name="message" id="message-text" rows="3" cols="60" placeholder="Write a reply (optional)"></textarea></p>
          <p><label><input type="checkbox" name="shareProfile" value="true" id="share-profile"> Share my profile</label>
             <label><input type="checkbox" name="shareEmail" value="true" id="share-email"> Share my email ({E(member.Email)})</label>
             <label><input type="checkbox" name="sharePhone" value="true" id="share-phone"> Share my phone</label></p>
          <p>{When(conversation.State == "PENDING", AcceptDecline)}
             <button type="submit" name="action" value="reply" class="secondary" id="reply">Reply</button></p>
        </form>
        """;

    private static string RecruiterReplyForm(ConversationRec conversation, Member prospect) => $"""
        <form method="post" action="/messaging/{U(conversation.Id)}/recruiter-reply" class="card" id="recruiter-reply-form">
          <p><textarea name="message" id="recruiter-reply-text" rows="3" cols="60" placeholder="Reply to {Attr(prospect.FirstName)}"></textarea></p>
          <button type="submit" id="recruiter-reply">Send</button>
        </form>
        """;

    private static IResult BackToConversation(string cid, string message) => Results.Redirect($"/messaging/{U(cid)}?msg={U(message)}");

    private static async Task<IResult> RecruiterReplyAsync(HttpContext ctx, Simulation simulation, string cid)
    {
        if (ScreenViewer.Current(ctx, simulation) is not { } viewer)
        {
            return ScreenViewer.ToLogin(ctx);
        }
        var form = await ctx.Request.ReadFormAsync();
        var conversation = simulation.State.Read(state => state.Conversations.Get(cid));
        var seat = conversation is null ? null : simulation.World.SeatByUrn(conversation.Seat);
        if (conversation is null || seat is null || seat.MemberId != viewer.Member.Id)
        {
            return Error("Not found", "No such conversation", 404);
        }
        var text = form["message"].ToString().Trim();
        if (text.Length > 0)
        {
            simulation.AddEvent(conversation, "INMAIL_REPLY", conversation.Seat, text, simulation.NowMs);
        }
        return BackToConversation(cid, "Reply sent.");
    }

    private static async Task<IResult> RespondAsync(HttpContext ctx, Simulation simulation, MemberActions actions, string cid)
    {
        if (ScreenViewer.Current(ctx, simulation) is not { } viewer)
        {
            return ScreenViewer.ToLogin(ctx);
        }
        var form = await ctx.Request.ReadFormAsync();
        var conversation = simulation.State.Read(state => state.Conversations.Get(cid));
        if (conversation is null || conversation.MemberId != viewer.Member.Id)
        {
            return Error("Not found", "No such conversation", 404);
        }
        var action = form["action"].ToString();
        if (action is "accept" or "decline" && conversation.State != "PENDING")
        {
            return BackToConversation(cid, "You already answered this InMail.");
        }
        var stub = actions.Respond(conversation, viewer.Member, action, form["message"], form["shareProfile"] == "true", form["shareEmail"] == "true", form["sharePhone"] == "true");
        return BackToConversation(cid, action switch
        {
            "accept" => stub is null ? "You accepted the InMail." : "You accepted the InMail and shared your contact details.",
            "decline" => "You declined the InMail.",
            _ => "Reply sent.",
        });
    }
}
