using Attract.Core.Common;
using Attract.Core.Identity;

namespace Attract.Core.Jobs;

/// <summary>A user assigned to a job's hiring team in one role.</summary>
public class JobTeamMember : ITrackedChild
{
    public int Id { get; set; }

    public int JobId { get; set; }

    public Job Job { get; set; } = null!;

    public string UserId { get; set; } = "";

    public AttractUser User { get; set; } = null!;

    public TeamRole Role { get; set; }

    ITracked? ITrackedChild.Owner => Job;
}
