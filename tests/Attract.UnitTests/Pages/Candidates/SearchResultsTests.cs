using Attract.Web.Pages.Candidates;

namespace Attract.UnitTests.Pages.Candidates;

public sealed class SearchResultsTests
{
    private sealed class ManualClock : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = new(2026, 12, 6, 9, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => Now;
    }

    private readonly ManualClock _clock = new();
    private int _reads;

    private Func<Task<SearchResults.ResultPage>> Read(int total, int page = 1) => () =>
    {
        _reads++;
        return Task.FromResult(new SearchResults.ResultPage(total, page, []));
    };

    [Fact]
    public async Task GetAsync_SameWordsWithinMaxAge_ReadsOnce()
    {
        var results = new SearchResults(_clock);

        Assert.Equal(7, (await results.GetAsync("Smith", 1, Read(7))).Total);
        _clock.Now += SearchResults.MaxAge - TimeSpan.FromSeconds(1);
        Assert.Equal(7, (await results.GetAsync("  smith ", 1, Read(8))).Total);

        Assert.Equal(1, _reads);
    }

    [Fact]
    public async Task GetAsync_OtherWordsOrPage_ReadSeparately()
    {
        var results = new SearchResults(_clock);

        Assert.Equal(7, (await results.GetAsync("smith", 1, Read(7))).Total);
        Assert.Equal(2, (await results.GetAsync("smith sam", 1, Read(2))).Total);
        Assert.Equal(2, (await results.GetAsync("smith", 2, Read(7, 2))).PageNumber);
        Assert.Equal(3, _reads);
    }

    [Fact]
    public async Task GetAsync_AfterInvalidateOrMaxAge_ReadsAgain()
    {
        var results = new SearchResults(_clock);
        await results.GetAsync("smith", 1, Read(7));

        results.Invalidate();
        Assert.Equal(8, (await results.GetAsync("smith", 1, Read(8))).Total);
        _clock.Now += SearchResults.MaxAge;
        Assert.Equal(9, (await results.GetAsync("smith", 1, Read(9))).Total);

        Assert.Equal(3, _reads);
    }
}
