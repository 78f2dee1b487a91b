namespace Attract.Core.LinkedIn;

/// <summary>A record LinkedIn rejected (per-entity error of a batch), kept until it is retried successfully.</summary>
public class LinkedInSyncError
{
    /// <summary>The <see cref="EntityType"/> of a failed <c>manualMatchedMember</c> write (the entity is a candidate).</summary>
    public const string ManualMatchedMember = nameof(ManualMatchedMember);

    public int Id { get; set; }

    public string EntityType { get; set; } = "";

    public long EntityId { get; set; }

    public int? Status { get; set; }

    public string Message { get; set; } = "";

    public DateTime OccurredAtUtc { get; set; }

    public int Attempts { get; set; }

    public DateTime? ResolvedAtUtc { get; set; }
}
