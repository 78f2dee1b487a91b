using Attract.Web.Pages.Candidates;

namespace Attract.UnitTests.Pages.Candidates;

public sealed class SearchCountsTests
{
    private sealed class ManualClock : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = new(2026, 12, 6, 9, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => Now;
    }

    private readonly ManualClock _clock = new();
    private int _reads;

    private Func<Task<int>> Count(int value) => () =>
    {
        _reads++;
        return Task.FromResult(value);
    };

    [Fact]
    public async Task GetAsync_SameWordsWithinMaxAge_CountsOnce()
    {
        var counts = new SearchCounts(_clock);

        Assert.Equal(7, await counts.GetAsync("Smith", Count(7)));
        _clock.Now += SearchCounts.MaxAge - TimeSpan.FromSeconds(1);
        Assert.Equal(7, await counts.GetAsync("  smith ", Count(8)));

        Assert.Equal(1, _reads);
    }

    [Fact]
    public async Task GetAsync_OlderThanMaxAge_CountsAgain()
    {
        var counts = new SearchCounts(_clock);
        await counts.GetAsync("smith", Count(7));

        _clock.Now += SearchCounts.MaxAge;

        Assert.Equal(8, await counts.GetAsync("smith", Count(8)));
        Assert.Equal(2, _reads);
    }

    [Fact]
    public async Task GetAsync_AfterInvalidate_CountsAgain()
    {
        var counts = new SearchCounts(_clock);
        await counts.GetAsync("smith", Count(7));

        counts.Invalidate();

        Assert.Equal(8, await counts.GetAsync("smith", Count(8)));
    }

    [Fact]
    public async Task GetAsync_SaveWhileCounting_TheCountIsNotReused()
    {
        var counts = new SearchCounts(_clock);
        await counts.GetAsync("smith", () =>
        {
            counts.Invalidate(); // a candidate saved here while the count was being read
            return Task.FromResult(7);
        });

        Assert.Equal(8, await counts.GetAsync("smith", Count(8)));
    }

    [Fact]
    public async Task GetAsync_DifferentWords_CountedSeparately()
    {
        var counts = new SearchCounts(_clock);

        Assert.Equal(7, await counts.GetAsync("smith", Count(7)));
        Assert.Equal(2, await counts.GetAsync("smith sam", Count(2)));
        Assert.Equal(2, _reads);
    }
}
