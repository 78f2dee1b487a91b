namespace Attract.Core.Auditing;

/// <summary>One line of the activity log: who did what to which job, candidate or application.</summary>
public class AuditEntry
{
    public long Id { get; set; }

    public DateTime AtUtc { get; set; }

    public string? ActorUserId { get; set; }

    public string ActorName { get; set; } = "";

    public string EntityType { get; set; } = "";

    public long EntityId { get; set; }

    /// <summary>Created, Updated, Deleted, or a domain action such as Merged or Erased.</summary>
    public string Action { get; set; } = "";

    public string Description { get; set; } = "";

    public int? JobId { get; set; }

    public int? CandidateId { get; set; }

    public int? ApplicationId { get; set; }
}
