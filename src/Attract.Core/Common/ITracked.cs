namespace Attract.Core.Common;

/// <summary>
/// An entity whose creates, updates and deletes are written to the audit trail and the outbox
/// inside the same SaveChanges transaction (see <c>AttractDbContext.SaveChangesAsync</c>).
/// </summary>
public interface ITracked
{
    /// <summary>The outbox entity type, e.g. <c>Job</c>; see <see cref="TrackedTypes"/>.</summary>
    string TrackedType { get; }

    /// <summary>The primary key, valid once saved.</summary>
    long TrackedId { get; }

    /// <summary>Which job, candidate and application the change belongs to (for the activity log).</summary>
    AuditScope Scope { get; }

    /// <summary>A short human-readable description of the change for the activity log.</summary>
    string Describe(ChangeOperation operation) => $"{TrackedType} {operation.ToString().ToLowerInvariant()}";
}

/// <summary>Child rows (stages, emails, ratings, team members) whose changes count as an update of their owner.</summary>
public interface ITrackedChild
{
    ITracked? Owner { get; }
}

/// <summary>An entity with an optimistic-concurrency token that is regenerated on every update.</summary>
public interface IVersioned
{
    Guid Version { get; set; }

    DateTime UpdatedAtUtc { get; set; }
}

public readonly record struct AuditScope(int? JobId, int? CandidateId, int? ApplicationId);

public enum ChangeOperation
{
    Created,
    Updated,
    Deleted,
}

/// <summary>The entity type names written to <c>OutboxMessages.EntityType</c> and <c>AuditEntries.EntityType</c>.</summary>
public static class TrackedTypes
{
    public const string Job = nameof(Job);
    public const string Candidate = nameof(Candidate);
    public const string Application = nameof(Application);
    public const string StageMove = nameof(StageMove);
    public const string Note = nameof(Note);
    public const string Feedback = nameof(Feedback);
}
