namespace LinkedIn.Recruiter.Tests;

public class TimeWindowsTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Split_ThirtyHours_ThreeWindowsOfAtMostTwelve()
    {
        var windows = TimeWindows.Split(T0, T0.AddHours(30), TimeSpan.FromHours(12)).ToList();

        Assert.Equal(
            [(T0, T0.AddHours(12)), (T0.AddHours(12), T0.AddHours(24)), (T0.AddHours(24), T0.AddHours(30))],
            windows);
    }

    [Fact]
    public void Split_ExactlyTwelveHours_OneWindow()
    {
        Assert.Single(TimeWindows.Split(T0, T0.AddHours(12), TimeSpan.FromHours(12)));
    }

    [Fact]
    public void Split_EmptyRange_NoWindows()
    {
        Assert.Empty(TimeWindows.Split(T0, T0, TimeSpan.FromHours(12)));
    }

    [Fact]
    public void Split_EndBeforeStart_Throws()
    {
        Assert.Throws<ArgumentException>(() => TimeWindows.Split(T0, T0.AddHours(-1), TimeSpan.FromHours(12)));
    }
}
