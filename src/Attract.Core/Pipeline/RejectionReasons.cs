namespace Attract.Core.Pipeline;

/// <summary>The reasons offered when rejecting an application (the Rejected disposition).</summary>
public static class RejectionReasons
{
    public static readonly IReadOnlyList<string> All =
    [
        "Not enough experience",
        "Skills mismatch",
        "Salary expectations",
        "Location or work permit",
        "Withdrew",
        "Hired elsewhere",
        "Position filled",
        Other,
    ];

    public const string Other = "Other";

    /// <summary>The longest reason stored (the column's length); a longer one is refused.</summary>
    public const int MaxLength = 200;

    /// <summary>True for one of <see cref="All"/>; anything else is free text (which erasure clears).</summary>
    public static bool IsStandard(string? reason) => reason is not null && All.Contains(reason, StringComparer.Ordinal);
}
