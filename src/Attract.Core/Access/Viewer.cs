namespace Attract.Core.Access;

/// <summary>The signed-in user as the access rules see them: an id and Attract roles.</summary>
public sealed record Viewer(string UserId, IReadOnlySet<string> Roles)
{
    public bool IsAdmin => Roles.Contains(Identity.Roles.Admin);

    public bool IsRecruiter => Roles.Contains(Identity.Roles.Recruiter);

    public bool IsHiringManager => Roles.Contains(Identity.Roles.HiringManager);

    public bool IsInterviewer => Roles.Contains(Identity.Roles.Interviewer);

    /// <summary>Admins and recruiters see the whole candidate database; others only candidates on their jobs.</summary>
    public bool SeesAllCandidates => IsAdmin || IsRecruiter;

    /// <summary>Creates jobs and candidates, manages pools, merges duplicates.</summary>
    public bool IsRecruiting => IsAdmin || IsRecruiter;

    public static Viewer Of(string userId, params string[] roles) => new(userId, roles.ToHashSet(StringComparer.Ordinal));
}
