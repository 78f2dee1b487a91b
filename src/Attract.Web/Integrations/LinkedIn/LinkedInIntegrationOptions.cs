using Attract.Core.Outbox;

namespace Attract.Web.Integrations.LinkedIn;

/// <summary>Attract-side settings of the LinkedIn Recruiter integration (section <c>LinkedIn</c>).</summary>
public sealed class LinkedInIntegrationOptions
{
    public const string SectionName = "LinkedIn";

    /// <summary>The <c>uniqueForeignId</c> of this instance's child application. Empty: generated once and stored.</summary>
    public string TenantId { get; set; } = "";

    /// <summary>Customer name used in the child application's and integrations' names ("Attract - Contoso").</summary>
    public string CustomerName { get; set; } = "Contoso";

    /// <summary>
    /// Attract's public base URL (scheme, host, port), used for the OAuth redirect, the push callback URL and the
    /// JS SDK domain. Empty: taken from the current request.
    /// </summary>
    public string PublicBaseUrl { get; set; } = "";

    public LinkedInSimulatorOptions Simulator { get; set; } = new();

    public LinkedInSyncOptions Sync { get; set; } = new();
}

public sealed class LinkedInSimulatorOptions
{
    /// <summary>Start the LinkedIn simulator in-process (Development default) and point the client at it.</summary>
    public bool Enabled { get; set; }

    /// <summary>Where the in-process simulator listens; port 0 picks a free port.</summary>
    public string Urls { get; set; } = "http://localhost:5090";

    /// <summary>How long the simulator's widget waits before offering "Notify partner".</summary>
    public TimeSpan NotifyPartnerDelay { get; set; } = TimeSpan.FromMinutes(10);
}

public sealed class LinkedInSyncOptions
{
    /// <summary>Send applications while they are still in Prospect (LinkedIn's guidance: only once they leave it).</summary>
    public bool SendProspects { get; set; }

    /// <summary>How often the InMail, notes and stub-profile pulls run per seat.</summary>
    public TimeSpan PullInterval { get; set; } = TimeSpan.FromHours(2);

    /// <summary>How often the outbox drain runs (it is also triggered right after changes).</summary>
    public TimeSpan DrainInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long after a job posting was accepted its LinkedIn task is checked (LinkedIn: at least 5 minutes).</summary>
    public TimeSpan JobTaskCheckDelay { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// The retry backoff of the outbox drain, the job-posting sync and the export intake (<c>LinkedIn:Sync:Backoff:Initial</c>,
    /// <c>:Max</c>; 5 s doubling up to 10 min).
    /// </summary>
    public RetryBackoff Backoff { get; set; } = new();

    /// <summary>
    /// How long an exported candidate's link to its LinkedIn member (<c>manualMatchedMember</c>) is retried with
    /// <see cref="Backoff"/> while LinkedIn answers "not yet" (404 until the candidate is synced, 408, 409, 429, 5xx),
    /// counted from when the link was queued (<c>LinkedIn:Sync:LinkRetryWindow</c>; default 2 days).
    /// </summary>
    public TimeSpan LinkRetryWindow { get; set; } = TimeSpan.FromDays(2);

    /// <summary>
    /// Share of each UTC day's LinkedIn requests (<c>LinkedIn:Recruiter:Quotas:DailyRequests</c>) the backfill leaves to live
    /// changes (<c>LinkedIn:Sync:BackfillLiveReserve</c>; default 0.2, kept between 0.05 and 0.9). The backfill stops for the
    /// day once the requests counted today, by every instance, reach the rest; live changes still go.
    /// </summary>
    public double BackfillLiveReserve { get; set; } = 0.2;
}
