namespace Attract.Core.Candidates;

/// <summary>
/// The candidate search used by the candidate list (and the benchmarks): a case-insensitive match on names, emails and
/// company (one denormalised <see cref="Candidate.SearchText"/> column), ordered by the (LastName, FirstName, Id) index.
/// </summary>
public static class CandidateSearch
{
    public static IQueryable<Candidate> Matching(this IQueryable<Candidate> candidates, string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return candidates;
        }
        var q = text.Trim().ToLowerInvariant();
        return candidates.Where(c => c.SearchText.Contains(q));
    }

    public static IOrderedQueryable<Candidate> InListOrder(this IQueryable<Candidate> candidates) =>
        candidates.OrderBy(c => c.LastName).ThenBy(c => c.FirstName).ThenBy(c => c.Id);
}
