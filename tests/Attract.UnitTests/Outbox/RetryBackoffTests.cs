using Attract.Core.Outbox;

namespace Attract.UnitTests.Outbox;

public class RetryBackoffTests
{
    [Theory]
    [InlineData(1, 5)]
    [InlineData(2, 10)]
    [InlineData(3, 20)]
    [InlineData(7, 320)]
    [InlineData(8, 600)]
    [InlineData(1000, 600)]
    public void After_Defaults_DoublesFromFiveSecondsUpToTenMinutes(int attempts, int seconds)
    {
        Assert.Equal(TimeSpan.FromSeconds(seconds), new RetryBackoff().After(attempts));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    public void After_NoFailedAttemptYet_WaitsTheInitialDelay(int attempts)
    {
        Assert.Equal(TimeSpan.FromSeconds(5), new RetryBackoff().After(attempts));
    }

    [Fact]
    public void After_ConfiguredInitialAndMax_UsesThem()
    {
        var backoff = new RetryBackoff { Initial = TimeSpan.FromSeconds(1), Max = TimeSpan.FromSeconds(3) };

        Assert.Equal(
            [TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(3)],
            Enumerable.Range(1, 4).Select(backoff.After));
    }

    [Fact]
    public void After_MaxBelowInitial_WaitsTheInitialDelay()
    {
        var backoff = new RetryBackoff { Initial = TimeSpan.FromMinutes(1), Max = TimeSpan.FromSeconds(10) };

        Assert.Equal(TimeSpan.FromMinutes(1), backoff.After(4));
    }
}
