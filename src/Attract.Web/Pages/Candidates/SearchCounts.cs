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

    private readonly SharedReads<string, int> _counts = new(clock, MaxAge, Capacity);

    /// <summary>Forgets every count (a candidate was added, changed or erased here).</summary>
    public void Invalidate() => _counts.Invalidate();

    /// <summary>The count for <paramref name="search"/> (its normalised words are the key), from <paramref name="count"/> when not fresh.</summary>
    public Task<int> GetAsync(string search, Func<Task<int>> count) =>
        _counts.GetAsync(string.Join(' ', CandidateSearchTokenizer.QueryWords(search)), count);

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
