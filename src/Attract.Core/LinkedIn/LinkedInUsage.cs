namespace Attract.Core.LinkedIn;

/// <summary>
/// What Attract sent to LinkedIn in one UTC minute, summed over every Attract instance: HTTP requests (every API and
/// OAuth call, retries included) and records (entities in sync batches). The admin's quota table reads it.
/// </summary>
public class LinkedInUsage
{
    /// <summary>The minute, truncated (seconds and below are zero).</summary>
    public DateTime MinuteUtc { get; set; }

    public int Requests { get; set; }

    public int Records { get; set; }

    public static DateTime MinuteOf(DateTime utc) => new(utc.Ticks - (utc.Ticks % TimeSpan.TicksPerMinute), DateTimeKind.Utc);
}
