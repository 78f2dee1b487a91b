namespace Attract.Web.Integrations.LinkedIn.Sync;

/// <summary>
/// The backfill's plan as the sync page shows it: records (outbox rows) left, the day's request budget and what every
/// instance has used of it, and when the backfill should end at LinkedIn's pace.
/// </summary>
public sealed record BackfillPlan(int RowsLeft, int DailyBudget, int RequestsToday, double RequestsPerRecord, TimeSpan? Eta, bool PausedForToday,
    DateTime ResumesAtUtc)
{
    public int RequestsLeftToday => Math.Max(0, DailyBudget - RequestsToday);

    /// <summary>An ETA in words: days and hours, hours and minutes, or minutes.</summary>
    public static string Describe(TimeSpan? eta) => eta switch
    {
        null => "more than ten years at today's quotas",
        { TotalMinutes: < 1 } => "under a minute",
        { TotalHours: < 1 } e => $"{e.Minutes} min",
        { TotalDays: < 1 } e => $"{e.Hours} h {e.Minutes} min",
        { } e => $"{(int)e.TotalDays} d {e.Hours} h",
    };

    /// <summary>Longest horizon <see cref="Estimate"/> looks at; beyond it the ETA is unknown (null).</summary>
    public const int MaxDays = 3650;

    /// <summary>
    /// Time until <paramref name="rowsLeft"/> records are sent: each UTC day sends as many as both the day's request budget
    /// (at <paramref name="requestsPerRecord"/>) and <paramref name="recordsPerMinute"/> allow, today with what is left of its
    /// budget. Null when that is more than <see cref="MaxDays"/> days away (or nothing can be sent).
    /// </summary>
    public static TimeSpan? Estimate(int rowsLeft, double requestsPerRecord, int requestsLeftToday, int dailyBudget, int recordsPerMinute, DateTime nowUtc)
    {
        if (rowsLeft <= 0)
        {
            return TimeSpan.Zero;
        }
        if (recordsPerMinute <= 0 || requestsPerRecord <= 0)
        {
            return null;
        }
        var left = (double)rowsLeft;
        var at = nowUtc;
        var budget = (double)requestsLeftToday;
        for (var day = 0; day <= MaxDays; day++)
        {
            var dayEnd = at.Date.AddDays(1);
            var sendable = Math.Min((dayEnd - at).TotalMinutes * recordsPerMinute, budget / requestsPerRecord);
            if (sendable >= left)
            {
                return at + TimeSpan.FromMinutes(left / recordsPerMinute) - nowUtc;
            }
            left -= sendable;
            at = dayEnd;
            budget = dailyBudget;
        }
        return null;
    }
}
