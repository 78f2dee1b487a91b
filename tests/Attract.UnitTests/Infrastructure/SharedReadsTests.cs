using Attract.Web.Infrastructure;

namespace Attract.UnitTests.Infrastructure;

public sealed class SharedReadsTests
{
    private sealed class ManualClock : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = new(2026, 12, 6, 9, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => Now;
    }

    private static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(5);

    private readonly ManualClock _clock = new();
    private int _reads;

    private SharedReads<int, string> Reads(int capacity = 10) => new(_clock, MaxAge, capacity);

    private Func<Task<string>> Read(string value) => () =>
    {
        _reads++;
        return Task.FromResult(value);
    };

    [Fact]
    public async Task GetAsync_SameKeyWithinMaxAge_ReadsOnce()
    {
        var reads = Reads();

        Assert.Equal("a", await reads.GetAsync(1, Read("a")));
        _clock.Now += MaxAge - TimeSpan.FromMilliseconds(1);
        Assert.Equal("a", await reads.GetAsync(1, Read("b")));
        Assert.Equal("c", await reads.GetAsync(2, Read("c")));

        Assert.Equal(2, _reads);
    }

    [Fact]
    public async Task GetAsync_AfterMaxAge_ReadsAgain()
    {
        var reads = Reads();
        await reads.GetAsync(1, Read("a"));

        _clock.Now += MaxAge;

        Assert.Equal("b", await reads.GetAsync(1, Read("b")));
    }

    [Fact]
    public async Task Invalidate_ForgetsEveryKey()
    {
        var reads = Reads();
        await reads.GetAsync(1, Read("a"));
        await reads.GetAsync(2, Read("b"));

        reads.Invalidate();

        Assert.Equal("a2", await reads.GetAsync(1, Read("a2")));
        Assert.Equal("b2", await reads.GetAsync(2, Read("b2")));
        Assert.Equal(4, _reads);
    }

    [Fact]
    public async Task GetAsync_Fresh_ReadsAndSharesTheNewValue()
    {
        var reads = Reads();
        await reads.GetAsync(1, Read("a"));

        Assert.Equal("b", await reads.GetAsync(1, Read("b"), fresh: true));
        Assert.Equal("b", await reads.GetAsync(1, Read("c")));
    }

    [Fact]
    public async Task GetAsync_InvalidatedWhileReading_KeepsTheValueStale()
    {
        var reads = Reads();
        var gate = new TaskCompletionSource<string>();
        var slow = reads.GetAsync(1, () => gate.Task);

        reads.Invalidate(); // a save lands while the read is under way
        gate.SetResult("before the save");

        Assert.Equal("before the save", await slow);
        Assert.Equal("after", await reads.GetAsync(1, Read("after")));
    }

    [Fact]
    public async Task GetAsync_MissesTogether_ShareOneRead()
    {
        var reads = Reads();
        var gate = new TaskCompletionSource<string>();
        var calls = 0;
        Task<string> Slow()
        {
            calls++;
            return gate.Task;
        }

        var first = reads.GetAsync(1, Slow);
        var second = reads.GetAsync(1, Slow);
        gate.SetResult("a");

        Assert.Equal(["a", "a"], await Task.WhenAll(first, second));
        Assert.Equal(1, calls);
    }

    [Fact]
    public async Task GetAsync_SaveAfterAReadStarted_TheNextMissDoesNotJoinIt()
    {
        var reads = Reads();
        var gate = new TaskCompletionSource<string>();
        var before = reads.GetAsync(1, () => gate.Task);

        reads.Invalidate();
        var after = reads.GetAsync(1, Read("after the save"));
        gate.SetResult("before the save");

        Assert.Equal("before the save", await before);
        Assert.Equal("after the save", await after);
    }

    [Fact]
    public async Task GetAsync_CapacityReached_ForgetsAllAndKeepsTheNewOne()
    {
        var reads = Reads(capacity: 2);
        await reads.GetAsync(1, Read("a"));
        await reads.GetAsync(2, Read("b"));

        await reads.GetAsync(3, Read("c"));

        Assert.Equal("c", await reads.GetAsync(3, Read("c2")));
        Assert.Equal("a2", await reads.GetAsync(1, Read("a2")));
        Assert.Equal(4, _reads);
    }
}
