namespace Attract.Core.Candidates;

/// <summary>
/// The candidate search used by the candidate list, the merge page and the benchmarks: word-prefix matching on the
/// indexed <see cref="CandidateSearchTerm"/> rows (words of names, company and emails, and whole email addresses).
/// Every word of the search must be the start of some term of the candidate ("jan smi" finds Jane Smith, "contoso" anyone
/// at Contoso or with an @contoso.com address). Each word is one range scan of the (Term, CandidateId) index,
/// <c>Id IN (SELECT CandidateId FROM CandidateSearchTerms WHERE Term &gt;= @w AND Term &lt; @w + U+FFFF)</c>, so the
/// database drives from the term index instead of reading every candidate. Results page in <see cref="InListOrder"/>.
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
            var upper = word + AfterAnyTermChar;
            var ids = terms.Where(t => string.Compare(t.Term, word) >= 0 && string.Compare(t.Term, upper) < 0).Select(t => t.CandidateId);
            candidates = candidates.Where(c => ids.Contains(c.Id));
        }
        return candidates;
    }

    public static IOrderedQueryable<Candidate> InListOrder(this IQueryable<Candidate> candidates) =>
        candidates.OrderBy(c => c.LastName).ThenBy(c => c.FirstName).ThenBy(c => c.Id);
}
