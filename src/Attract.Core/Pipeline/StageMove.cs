using Attract.Core.Common;

namespace Attract.Core.Pipeline;

public enum StageMoveKind
{
    Added,
    Moved,
    Rejected,
    Reopened,
}

/// <summary>One entry of an application's stage history: who moved it where, and when. Stage names are copied so history survives renames.</summary>
public class StageMove : ITracked
{
    public int Id { get; set; }

    public int ApplicationId { get; set; }

    public JobApplication Application { get; set; } = null!;

    public StageMoveKind Kind { get; set; }

    public int? FromStageId { get; set; }

    public string? FromStageName { get; set; }

    public int? ToStageId { get; set; }

    public string ToStageName { get; set; } = "";

    public string? Reason { get; set; }

    public string? ByUserId { get; set; }

    public string ByName { get; set; } = "";

    public DateTime AtUtc { get; set; }

    public string TrackedType => TrackedTypes.StageMove;

    public long TrackedId => Id;

    public AuditScope Scope => new(Application?.JobId, Application?.CandidateId, ApplicationId == 0 ? Application?.Id : ApplicationId);

    public string Describe(ChangeOperation operation) => operation != ChangeOperation.Created
        ? $"Stage history {operation.ToString().ToLowerInvariant()}"
        : Kind switch
        {
            StageMoveKind.Added => $"Added to the pipeline in {ToStageName}",
            StageMoveKind.Moved => $"Moved from {FromStageName} to {ToStageName}",
            StageMoveKind.Rejected => $"Rejected in {ToStageName}: {Reason}",
            _ => $"Reopened in {ToStageName}",
        };
}
