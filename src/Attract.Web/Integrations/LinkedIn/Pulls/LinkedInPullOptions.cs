namespace Attract.Web.Integrations.LinkedIn.Pulls;

/// <summary>
/// <c>LinkedIn:Pulls:*</c> settings of the contract-level pulls and the purged-export poll. The pull interval itself is
/// <c>LinkedIn:Sync:PullInterval</c> (default 2 h).
/// </summary>
public sealed class LinkedInPullOptions
{
    public const string SectionName = "LinkedIn:Pulls";

    /// <summary>Whether the Quartz jobs are scheduled at all ("Sync now" works regardless).</summary>
    public bool JobsEnabled { get; set; } = true;

    /// <summary>How far back the first pull of a seat reaches.</summary>
    public TimeSpan InitialLookback { get; set; } = TimeSpan.FromDays(7);

    /// <summary>
    /// How far before the stored cursor each run starts again. LinkedIn's pull APIs are eventually consistent: an item can
    /// become visible a little after its timestamp, and a window that has already passed would otherwise miss it.
    /// </summary>
    public TimeSpan Overlap { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How often purged exports are polled (LinkedIn requires at least every 30 days).</summary>
    public TimeSpan PurgePollInterval { get; set; } = TimeSpan.FromDays(1);

    public static readonly TimeSpan MaxPurgePollInterval = TimeSpan.FromDays(30);
}
