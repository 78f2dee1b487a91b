namespace Attract.Core.Candidates;

/// <summary>
/// The candidate search used by the candidate list, the merge page and the benchmarks: word-prefix matching on the
/// indexed <see cref="CandidateSearchTerm"/> rows (words of names, company and emails, and whole email addresses).
/// Every word of the search must be the start of some term of the candidate ("jan smi" finds Jane Smith, "contoso" anyone
/// at Contoso or with an @contoso.com address). Each word is one range scan of the (Term, CandidateId) index,
/// <c>Id IN (SELECT CandidateId FROM CandidateSearchTerms WHERE Term &gt;= @w AND Term &lt; @w + U+FFFF)</c>, so the
/// database drives from the term index instead of reading every candidate. Results page in <see cref="InSearchOrder"/>.
/// </summary>
public static class CandidateSearch
{
    /// <summary>Sorts after every character a term can hold (terms are BMP letters, digits and email punctuation).</summary>
    private const char AfterAnyTermChar = '\uffff';

    public static IQueryable<Candidate> Matching(this IQueryable<Candidate> candidates, IQueryable<CandidateSearchTerm> terms, string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return candidates;
        }
        var words = CandidateSearchTokenizer.QueryWords(text);
        if (words.Count == 0)
        {
            return candidates.Where(c => false); // only punctuation: nothing can match
        }
        foreach (var word in words)
        {
            var ids = InRange(terms, word);
            candidates = candidates.Where(c => ids.Contains(c.Id));
        }
        return candidates;
    }

    /// <summary>
    /// The ids of the candidates matching every word of <paramref name="text"/>, read from the term index alone (no candidate
    /// row is touched): counting them is a range scan of covering index entries, so a broad word like "smith" counts in
    /// well under a millisecond. Only for viewers who see every candidate (otherwise count <see cref="Matching"/>).
    /// </summary>
    public static IQueryable<int> MatchingIds(this IQueryable<CandidateSearchTerm> terms, string text)
    {
        var words = CandidateSearchTokenizer.QueryWords(text);
        if (words.Count == 0)
        {
            return terms.Where(t => false).Select(t => t.CandidateId);
        }
        var ids = InRange(terms, words[0]);
        foreach (var word in words.Skip(1))
        {
            var also = InRange(terms, word);
            ids = ids.Where(id => also.Contains(id));
        }
        return ids.Distinct();
    }

    private static IQueryable<int> InRange(IQueryable<CandidateSearchTerm> terms, string word)
    {
        var upper = word + AfterAnyTermChar;
        return terms.Where(t => string.Compare(t.Term, word) >= 0 && string.Compare(t.Term, upper) < 0).Select(t => t.CandidateId);
    }

    /// <summary>
    /// Search results, newest candidate first: the matching ids come from the term index in key order, so the database
    /// reads one page of candidates instead of reading and sorting every match (a name sort of 1,200 "smith"s read them
    /// all). The list without a search keeps <see cref="InListOrder"/>.
    /// </summary>
    public static IOrderedQueryable<Candidate> InSearchOrder(this IQueryable<Candidate> candidates) =>
        candidates.OrderByDescending(c => c.Id);

    public static IOrderedQueryable<Candidate> InListOrder(this IQueryable<Candidate> candidates) =>
        candidates.OrderBy(c => c.LastName).ThenBy(c => c.FirstName).ThenBy(c => c.Id);
}
