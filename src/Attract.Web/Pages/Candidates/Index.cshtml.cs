using Attract.Core.Access;
using Attract.Core.Candidates;
using Attract.Core.Data;
using Attract.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Attract.Web.Pages.Candidates;

/// <summary>
/// Candidate search with paging. The search words are range scans of the term index (<see cref="CandidateSearch"/>):
/// the count reads only that index and a page of results are shared for a few seconds (<see cref="SearchResults"/>), and results come newest first so one page is read without sorting every match.
/// The list without a search pages with Skip/Take over the (LastName, FirstName, Id) index. Both stay fast at 100,000 rows.
/// </summary>
public class IndexModel(AttractDbContext db, SearchResults results) : PageModel
{
    public const int PageSize = 25;

    public record Row(int Id, string FirstName, string LastName, string? Email, string? Company, string? Title, string Source);

    public record PoolOption(int Id, string Name);

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public IReadOnlyList<PoolOption> Pools { get; private set; } = [];

    public int Total { get; private set; }

    public int PageCount => Paging.PageCount(Total, PageSize);

    public bool CanCreate { get; private set; }

    public bool Searching => !string.IsNullOrWhiteSpace(Q);

    public async Task OnGetAsync()
    {
        var viewer = User.ToViewer();
        CanCreate = viewer.IsRecruiting;
        var query = db.Candidates.AsNoTracking().VisibleTo(viewer).Matching(db.CandidateSearchTerms, Q);
        var shared = Searching && viewer.SeesAllCandidates;
        var page = shared ? await results.GetAsync(Q!, PageNumber, () => ReadAsync(query, shared)) : await ReadAsync(query, shared);
        (Total, PageNumber, Rows) = (page.Total, page.PageNumber, page.Rows);
        if (CanCreate)
        {
            Pools = await db.TalentPools.AsNoTracking().OrderBy(p => p.Name).Select(p => new PoolOption(p.Id, p.Name)).ToListAsync();
        }
    }

    /// <summary>The count and the page asked for; a search by someone who sees every candidate is counted on the term index alone.</summary>
    private async Task<SearchResults.ResultPage> ReadAsync(IQueryable<Candidate> query, bool everyone)
    {
        var total = everyone ? await db.CandidateSearchTerms.MatchingIds(Q!).CountAsync() : await query.CountAsync();
        var pageNumber = Math.Clamp(PageNumber, 1, Paging.PageCount(total, PageSize));
        var rows = await (Searching ? query.InSearchOrder() : query.InListOrder())
            .Skip((pageNumber - 1) * PageSize).Take(PageSize)
            .Select(c => new Row(c.Id, c.FirstName, c.LastName, c.Emails.OrderBy(e => e.Id).Select(e => e.Address).FirstOrDefault(),
                c.CurrentCompany, c.CurrentTitle, c.Source))
            .ToListAsync();
        return new SearchResults.ResultPage(total, pageNumber, rows);
    }
}
