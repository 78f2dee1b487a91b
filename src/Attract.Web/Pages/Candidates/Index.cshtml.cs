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
/// the count reads only that index (and is shared for a few seconds, <see cref="SearchCounts"/>), and results come newest first so one page is read without sorting every match.
/// The list without a search pages with Skip/Take over the (LastName, FirstName, Id) index. Both stay fast at 100,000 rows.
/// </summary>
public class IndexModel(AttractDbContext db, SearchCounts counts) : PageModel
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

    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);

    public bool CanCreate { get; private set; }

    public bool Searching => !string.IsNullOrWhiteSpace(Q);

    public async Task OnGetAsync()
    {
        var viewer = User.ToViewer();
        CanCreate = viewer.IsRecruiting;
        var query = db.Candidates.AsNoTracking().VisibleTo(viewer).Matching(db.CandidateSearchTerms, Q);
        Total = Searching && viewer.SeesAllCandidates
            ? await counts.GetAsync(Q!, () => db.CandidateSearchTerms.MatchingIds(Q!).CountAsync())
            : await query.CountAsync();
        PageNumber = Math.Clamp(PageNumber, 1, PageCount);
        Rows = await (Searching ? query.InSearchOrder() : query.InListOrder())
            .Skip((PageNumber - 1) * PageSize).Take(PageSize)
            .Select(c => new Row(c.Id, c.FirstName, c.LastName, c.Emails.OrderBy(e => e.Id).Select(e => e.Address).FirstOrDefault(),
                c.CurrentCompany, c.CurrentTitle, c.Source))
            .ToListAsync();
        if (CanCreate)
        {
            Pools = await db.TalentPools.AsNoTracking().OrderBy(p => p.Name).Select(p => new PoolOption(p.Id, p.Name)).ToListAsync();
        }
    }
}
