using Attract.Core.Outbox;

namespace Attract.Core.LinkedIn;

/// <summary>
/// A push received on the callback URL, recorded by its notification id before anything else happens,
/// so a retried push is acknowledged and ignored (idempotency), and an export is processed exactly once.
/// </summary>
public class LinkedInNotification : ILeasable
{
    public int Id { get; set; }

    public string NotificationId { get; set; } = "";

    public string Type { get; set; } = "";

    public DateTime ReceivedAtUtc { get; set; }

    public LinkedInNotificationStatus Status { get; set; }

    public DateTime? ProcessedAtUtc { get; set; }

    public int Attempts { get; set; }

    /// <summary>For exports: the member, the job and the exporting seat, once pulled.</summary>
    public string? PersonUrn { get; set; }

    public string? JobCode { get; set; }

    public string? SeatUrn { get; set; }

    public int? CandidateId { get; set; }

    public int? ApplicationId { get; set; }

    /// <summary>What happened, in words for the admin (refusal reasons included).</summary>
    public string? Outcome { get; set; }

    public string? ClaimedBy { get; set; }

    public DateTime? ClaimedUntilUtc { get; set; }

    public const string ErasedOutcome = "Details erased (GDPR).";

    /// <summary>The longest <see cref="Outcome"/> stored; longer text is cut.</summary>
    public const int MaxOutcomeLength = 2000;

    /// <summary>The outcome text cut to <see cref="MaxOutcomeLength"/>.</summary>
    public static string FitOutcome(string outcome) => outcome.Length > MaxOutcomeLength ? outcome[..MaxOutcomeLength] : outcome;

    /// <summary>Ends the processing with this status and outcome, and gives up the lease.</summary>
    public void Complete(LinkedInNotificationStatus status, string outcome, DateTime now)
    {
        Status = status;
        Outcome = FitOutcome(outcome);
        ProcessedAtUtc = now;
        ClaimedBy = null;
        ClaimedUntilUtc = null;
    }

    /// <summary>
    /// GDPR erasure of the person it names: the member, the candidate and the outcome text (which carries their name)
    /// go; the row stays, so a retried push with the same id is still recognised and ignored.
    /// </summary>
    public void ForgetPerson()
    {
        PersonUrn = null;
        CandidateId = null;
        Outcome = ErasedOutcome;
    }
}

public enum LinkedInNotificationStatus
{
    Received = 0,
    Processed = 1,
    Refused = 2,
    Failed = 3,
}
