using System.Collections.Concurrent;

namespace Attract.Web.Infrastructure;

/// <summary>
/// Database reads shared by every request of this instance for <see cref="MaxAge"/>, one per key: the first request after
/// that (or after <see cref="Invalidate"/>) reads again, and requests that miss together wait for that one read.
/// <see cref="Invalidate"/> forgets them all at once, for a save on this instance that may change them; another instance's
/// save shows within <see cref="MaxAge"/>. At most <paramref name="capacity"/> keys are kept (all are forgotten when it is
/// reached). A read runs on the first waiting request's context and must not depend on that request staying open.
/// </summary>
public sealed class SharedReads<TKey, TValue>(TimeProvider clock, TimeSpan maxAge, int capacity)
    where TKey : notnull
{
    private readonly ConcurrentDictionary<TKey, Entry> _entries = new();
    private readonly ConcurrentDictionary<TKey, Reading> _reading = new();
    private long _version;

    public TimeSpan MaxAge => maxAge;

    public void Invalidate() => Interlocked.Increment(ref _version);

    /// <summary>The shared value of <paramref name="key"/>, from <paramref name="read"/> when there is none, it is too old, or <paramref name="fresh"/> asks for a new read.</summary>
    public async Task<TValue> GetAsync(TKey key, Func<Task<TValue>> read, bool fresh = false)
    {
        var version = Interlocked.Read(ref _version);
        if (fresh)
        {
            return await ReadAsync(key, read, version);
        }
        if (_entries.TryGetValue(key, out var entry) && entry.Version == version && clock.GetUtcNow() - entry.ReadAt < maxAge)
        {
            return entry.Value;
        }
        // join a read of this key under way, unless a save came after it started
        var reading = _reading.AddOrUpdate(key, _ => Start(), (_, current) => current.Version == version ? current : Start());
        try
        {
            return await reading.Value.Value;
        }
        finally
        {
            _reading.TryRemove(KeyValuePair.Create(key, reading));
        }

        Reading Start() => new(version, new Lazy<Task<TValue>>(() => ReadAsync(key, read, version)));
    }

    private async Task<TValue> ReadAsync(TKey key, Func<Task<TValue>> read, long version)
    {
        var readAt = clock.GetUtcNow();
        var value = await read();
        if (_entries.Count >= capacity)
        {
            _entries.Clear();
        }
        // kept under the version seen before reading: a save during the read leaves this entry stale at once
        _entries[key] = new Entry(value, version, readAt);
        return value;
    }

    private sealed record Entry(TValue Value, long Version, DateTimeOffset ReadAt);

    private sealed record Reading(long Version, Lazy<Task<TValue>> Value);
}
