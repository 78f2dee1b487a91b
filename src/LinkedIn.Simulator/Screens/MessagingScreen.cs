using static LinkedIn.Simulator.Screens.HtmlPage;

namespace LinkedIn.Simulator.Screens;

/// <summary><c>/messaging</c>: the member's InMail conversations — received, or sent from one of their seats.</summary>
internal static class MessagingScreen
{
    public static void Map(WebApplication app, Simulation simulation) =>
        app.MapGet("/messaging", (HttpContext ctx) => Show(ctx, simulation));

    private static IResult Show(HttpContext ctx, Simulation simulation)
    {
        if (ScreenViewer.Current(ctx, simulation) is not { } viewer)
        {
            return ScreenViewer.ToLogin(ctx);
        }
        var mySeats = simulation.World.SeatsOf(viewer.Member.Id).Select(x => x.Urn).ToHashSet();
        var conversations = simulation.State.Read(state => state.Conversations.All
            .Where(c => c.MemberId == viewer.Member.Id || mySeats.Contains(c.Seat)).OrderByDescending(c => c.CreatedAt).ToList());
        var body = $"""
            <h1>Messaging</h1><p class="muted">InMails you received from recruiters.</p>{When(conversations.Count == 0, "<p>No messages.</p>")}{Each(conversations, c => Conversation(simulation.World, viewer.Member, c))}
            """;
        return Page("Messaging", body, ctx, viewer.Member);
    }

    private static string Conversation(SeededWorld world, Member viewer, ConversationRec conversation)
    {
        var sender = world.ById[world.SeatByUrn(conversation.Seat)!.MemberId];
        var who = conversation.MemberId == viewer.Id ? $"from {sender.Name}" : $"to {world.ById[conversation.MemberId].Name} (sent from your seat)";
        return $"<div class=\"card\"><a class=\"conversation-link\" href=\"/messaging/{U(conversation.Id)}\">{E(conversation.Subject)}</a><br><span class=\"muted\">{E(who)} · {E(conversation.State)}</span></div>";
    }
}
