using Attract.Web.Integrations.LinkedIn.Sync;

namespace Attract.UnitTests.Integrations.LinkedIn.Sync;

public class BackfillPlanTests
{
    private static readonly DateTime Midnight = new(2026, 1, 5, 0, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Estimate_NothingLeft_IsZero() =>
        Assert.Equal(TimeSpan.Zero, BackfillPlan.Estimate(0, 1, 0, 80_000, 10_000, Midnight));

    [Fact]
    public void Estimate_FitsTodaysBudget_IsRecordsOverTheRate()
    {
        var eta = BackfillPlan.Estimate(20_000, 0.3, 80_000, 80_000, 10_000, Midnight);

        Assert.Equal(TimeSpan.FromMinutes(2), eta);
    }

    [Fact]
    public void Estimate_TodaysBudgetSpent_WaitsForMidnightThenSends()
    {
        var eta = BackfillPlan.Estimate(10_000, 1, 0, 80_000, 10_000, Midnight.AddHours(18));

        Assert.Equal(TimeSpan.FromHours(6) + TimeSpan.FromMinutes(1), eta);
    }

    [Fact]
    public void Estimate_HundredThousandCandidateBackfill_TakesTwoDaysOfBudget()
    {
        // The figures: about 520,000 records in about 151,000 requests, 80 % of 100,000 requests a day.
        var eta = BackfillPlan.Estimate(520_000, 151_000 / 520_000.0, 80_000, 80_000, 10_000, Midnight);

        var firstDay = 80_000 / (151_000 / 520_000.0);
        var expected = TimeSpan.FromDays(1) + TimeSpan.FromMinutes((520_000 - firstDay) / 10_000);
        Assert.NotNull(eta);
        Assert.Equal(expected.TotalSeconds, eta.Value.TotalSeconds, 3);
        Assert.Equal("1 d 0 h", BackfillPlan.Describe(eta));
    }

    [Fact]
    public void Estimate_RateBoundWithinOneDay_IgnoresTheUnusedBudget()
    {
        var eta = BackfillPlan.Estimate(100_000, 0.01, 10_000_000, 10_000_000, 10_000, Midnight.AddHours(1));

        Assert.Equal(TimeSpan.FromMinutes(10), eta);
    }

    [Fact]
    public void Estimate_RateLongerThanTheDay_CarriesOnAfterMidnight()
    {
        // 23:00: one hour at 100 a minute sends 6,000 today, the other 4,000 take 40 minutes tomorrow.
        var eta = BackfillPlan.Estimate(10_000, 0.01, 10_000_000, 10_000_000, 100, Midnight.AddHours(23));

        Assert.Equal(TimeSpan.FromMinutes(100), eta);
    }

    [Fact]
    public void Estimate_NoBudgetAtAll_IsUnknown() =>
        Assert.Null(BackfillPlan.Estimate(1, 1, 0, 0, 10_000, Midnight));

    [Theory]
    [InlineData(null, "more than ten years at today's quotas")]
    [InlineData(30.0, "under a minute")]
    [InlineData(45 * 60.0, "45 min")]
    [InlineData(3 * 3600 + 5 * 60.0, "3 h 5 min")]
    [InlineData(2 * 86400 + 5 * 3600 + 59.0, "2 d 5 h")]
    public void Describe_Eta_ReadsAsDaysHoursMinutes(double? seconds, string expected) =>
        Assert.Equal(expected, BackfillPlan.Describe(seconds is { } s ? TimeSpan.FromSeconds(s) : null));
}
