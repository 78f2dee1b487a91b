using Attract.Core.Common;

namespace Attract.Core.Jobs;

/// <summary>One step of a job's hiring process.</summary>
public class JobStage : ITrackedChild
{
    public const int MaxNameLength = 100;

    public int Id { get; set; }

    public int JobId { get; set; }

    public Job Job { get; set; } = null!;

    public string Name { get; set; } = "";

    public int Order { get; set; }

    public StageKind Kind { get; set; }

    public bool IsProspect => Kind == StageKind.Prospect;

    ITracked? ITrackedChild.Owner => Job;
}
