namespace Attract.Core.Identity;

/// <summary>The four Attract roles. Role names double as policy names.</summary>
public static class Roles
{
    public const string Admin = nameof(Admin);
    public const string Recruiter = nameof(Recruiter);
    public const string HiringManager = nameof(HiringManager);
    public const string Interviewer = nameof(Interviewer);

    public static readonly IReadOnlyList<string> All = [Admin, Recruiter, HiringManager, Interviewer];

    public static bool IsKnown(string role) => All.Contains(role, StringComparer.OrdinalIgnoreCase);

    /// <summary>Returns the canonical spelling of a role name, or null when it is not an Attract role.</summary>
    public static string? Canonical(string role) =>
        All.FirstOrDefault(r => string.Equals(r, role, StringComparison.OrdinalIgnoreCase)
            || string.Equals(r, role.Replace(" ", "").Replace(".", "").Replace("_", ""), StringComparison.OrdinalIgnoreCase));
}
