using Attract.Core.Common;

namespace Attract.Core.Outbox;

/// <summary>
/// One change to a job, candidate, application, stage move, note or feedback, written in the same transaction
/// as the change. Consumers (the LinkedIn sync) lease unprocessed rows with <see cref="ClaimedBy"/> and
/// <see cref="ClaimedUntilUtc"/>, then set <see cref="ProcessedAtUtc"/> (or bump <see cref="Attempts"/> and
/// <see cref="LastError"/>).
/// </summary>
public class OutboxMessage : ILeasable
{
    /// <summary>Sequential: consumers read in <c>Id</c> order.</summary>
    public long Id { get; set; }

    public string EntityType { get; set; } = "";

    public long EntityId { get; set; }

    public ChangeOperation Operation { get; set; }

    public DateTime OccurredAtUtc { get; set; }

    /// <summary>The candidate, job or application the row belongs to, for consumers that work per candidate or job.</summary>
    public int? CandidateId { get; set; }

    public int? JobId { get; set; }

    public int? ApplicationId { get; set; }

    public string? ActorUserId { get; set; }

    /// <summary>
    /// Queued by a first full sync (the LinkedIn backfill) rather than by a change: leased after every due live row, and
    /// only while the backfill's daily request budget lasts.
    /// </summary>
    public bool Backfill { get; set; }

    public string? ClaimedBy { get; set; }

    public DateTime? ClaimedUntilUtc { get; set; }

    public DateTime? ProcessedAtUtc { get; set; }

    public int Attempts { get; set; }

    public string? LastError { get; set; }

    /// <summary>How much of an error message <see cref="Settle"/> keeps.</summary>
    public const int MaxKeptErrorLength = 1000;

    /// <summary>
    /// Ends the consumer's lease on the row: processed when <paramref name="error"/> is null; otherwise one more attempt
    /// is counted, the error kept, and the row is not due again before the backoff for that many attempts has passed.
    /// </summary>
    public void Settle(string? error, DateTime nowUtc, RetryBackoff backoff)
    {
        ClaimedBy = null;
        ClaimedUntilUtc = null;
        if (error is null)
        {
            ProcessedAtUtc = nowUtc;
            LastError = null;
            return;
        }
        Attempts++;
        LastError = error.Length > MaxKeptErrorLength ? error[..MaxKeptErrorLength] : error;
        ClaimedUntilUtc = nowUtc + backoff.After(Attempts);
    }

    /// <summary>A row that asks the consumers to send an entity again (a retry), without any change to it.</summary>
    public static OutboxMessage Resend(string entityType, long entityId, AuditScope scope, string actor, DateTime nowUtc) => new()
    {
        EntityType = entityType,
        EntityId = entityId,
        Operation = ChangeOperation.Updated,
        OccurredAtUtc = nowUtc,
        JobId = scope.JobId,
        CandidateId = scope.CandidateId,
        ApplicationId = scope.ApplicationId,
        ActorUserId = actor,
    };
}
