namespace LinkedIn.Simulator.Domain;

/// <summary>A TimeProvider that can be shifted forward by /_sim/clock.</summary>
internal sealed class SimulationClock(TimeProvider inner) : TimeProvider
{
    private long _offsetTicks;

    public TimeSpan Offset => TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));

    public override DateTimeOffset GetUtcNow() => inner.GetUtcNow() + Offset;

    public void Advance(TimeSpan by) => Interlocked.Add(ref _offsetTicks, by.Ticks);

    public void Reset() => Interlocked.Exchange(ref _offsetTicks, 0);

    public void SetNow(DateTimeOffset now) => Interlocked.Exchange(ref _offsetTicks, (now - inner.GetUtcNow()).Ticks);

    public long NowMs => GetUtcNow().ToUnixTimeMilliseconds();
}
