namespace Attract.Core.LinkedIn;

/// <summary>An InMail event pulled from <c>conversationEvents</c> for a seat (contract level).</summary>
public class LinkedInInMail
{
    public int Id { get; set; }

    public string ExternalId { get; set; } = "";

    public string ConversationUrn { get; set; } = "";

    public string EventType { get; set; } = "";

    /// <summary>The seat whose history this event came from.</summary>
    public string SeatUrn { get; set; } = "";

    public string ProspectUrn { get; set; } = "";

    public string? SenderUrn { get; set; }

    public string? Subject { get; set; }

    public string? Body { get; set; }

    public DateTime CreatedAtUtc { get; set; }
}
