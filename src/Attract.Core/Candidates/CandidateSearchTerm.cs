namespace Attract.Core.Candidates;

/// <summary>
/// One search word of a candidate (a word of a name, company or email, or a whole email address), normalised by
/// <see cref="CandidateSearchTokenizer"/>. The (Term, CandidateId) key is the index the candidate search range-scans.
/// Rows are kept in step by <see cref="Candidate.RefreshSearchTerms"/> and deleted with the candidate.
/// </summary>
public class CandidateSearchTerm
{
    public const int MaxLength = 100;

    public int CandidateId { get; set; }

    public string Term { get; set; } = "";
}
