using System.Collections.Concurrent;
using Attract.Core.Candidates;
using Attract.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Attract.Web.Pages.Candidates;

/// <summary>
/// How many candidates a search matches, shared for <see cref="MaxAge"/>. Counting a broad word ("smith": 1,216 of
/// 100,000) reads and de-duplicates every matching entry of the term index on every page of results, the largest part of
/// a search's database time; the same search paged or repeated reuses the count. Dropped at once when this instance saves
/// a candidate (<see cref="Invalidator"/>); another instance's change shows within <see cref="MaxAge"/>. At most
/// <see cref="Capacity"/> searches are kept (all are forgotten when it is reached).
/// </summary>
public sealed class SearchCounts(TimeProvider clock)
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(10);

    public const int Capacity = 1_000;

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private long _version;

    /// <summary>Forgets every count (a candidate was added, changed or erased here).</summary>
    public void Invalidate() => Interlocked.Increment(ref _version);

    /// <summary>The count for <paramref name="search"/> (its normalised words are the key), from <paramref name="count"/> when not fresh.</summary>
    public async Task<int> GetAsync(string search, Func<Task<int>> count)
    {
        var key = string.Join(' ', CandidateSearchTokenizer.QueryWords(search));
        var version = Interlocked.Read(ref _version);
        if (_entries.TryGetValue(key, out var entry) && entry.Version == version && clock.GetUtcNow() - entry.ReadAt < MaxAge)
        {
            return entry.Count;
        }
        var readAt = clock.GetUtcNow();
        var fresh = await count();
        if (_entries.Count >= Capacity)
        {
            _entries.Clear();
        }
        // read under the version seen before counting: a save during the count leaves this entry stale at once
        _entries[key] = new Entry(fresh, version, readAt);
        return fresh;
    }

    private sealed record Entry(int Count, long Version, DateTimeOffset ReadAt);

    /// <summary>Drops the counts after a SaveChanges that added, changed or deleted a candidate or its search terms.</summary>
    public sealed class Invalidator(SearchCounts counts) : SavedChangesListener
    {
        protected override void OnSaved(DbContext context)
        {
            if (context.ChangeTracker.Entries<Candidate>().Any() || context.ChangeTracker.Entries<CandidateSearchTerm>().Any())
            {
                counts.Invalidate();
            }
        }
    }
}
