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
        "Other",
    ];
}
