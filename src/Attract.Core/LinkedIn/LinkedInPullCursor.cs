namespace Attract.Core.LinkedIn;

/// <summary>The stored position of a recurring pull per seat and kind, so each run continues where the last one stopped.</summary>
public class LinkedInPullCursor
{
    public int Id { get; set; }

    public string SeatUrn { get; set; } = "";

    /// <summary><c>inmail</c>, <c>notes</c> or <c>stubs</c>.</summary>
    public string Kind { get; set; } = "";

    public DateTime CursorUtc { get; set; }

    public DateTime? LastRunAtUtc { get; set; }

    public string? LastError { get; set; }
}
