using Attract.Core.Candidates;
using Attract.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Attract.Web.Pages.Candidates;

/// <summary>
/// Pages of search results for users who see every candidate, shared for <see cref="MaxAge"/>. Counting a broad word
/// ("smith": 1,216 of 100,000) reads and de-duplicates every matching entry of the term index, and the page itself joins
/// the terms, the candidates and their emails: most of a search's time. The same search, paged or repeated, reuses them.
/// Dropped at once when this instance saves a candidate, its emails or its search terms (<see cref="Invalidator"/>);
/// another instance's change shows within <see cref="MaxAge"/>. At most <see cref="Capacity"/> pages are kept.
/// </summary>
public sealed class SearchResults(TimeProvider clock)
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(10);

    public const int Capacity = 1_000;

    /// <summary>One page of results: the number of matches, the page shown (clamped to the pages there are) and its rows.</summary>
    public sealed record ResultPage(int Total, int PageNumber, IReadOnlyList<IndexModel.Row> Rows);

    private readonly SharedReads<(string Words, int PageNumber), ResultPage> _pages = new(clock, MaxAge, Capacity);

    /// <summary>Forgets every page (a candidate was added, changed or erased here).</summary>
    public void Invalidate() => _pages.Invalidate();

    /// <summary>The page asked for of <paramref name="search"/> (its normalised words are the key), from <paramref name="read"/> when not fresh.</summary>
    public Task<ResultPage> GetAsync(string search, int pageNumber, Func<Task<ResultPage>> read) =>
        _pages.GetAsync((string.Join(' ', CandidateSearchTokenizer.QueryWords(search)), pageNumber), read);

    /// <summary>Drops the pages after a SaveChanges that added, changed or deleted a candidate, an email or search terms.</summary>
    public sealed class Invalidator(SearchResults results) : SavedChangesListener
    {
        protected override void OnSaved(DbContext context)
        {
            var tracker = context.ChangeTracker;
            if (tracker.Entries<Candidate>().Any() || tracker.Entries<CandidateSearchTerm>().Any() || tracker.Entries<CandidateEmail>().Any())
            {
                results.Invalidate();
            }
        }
    }
}
