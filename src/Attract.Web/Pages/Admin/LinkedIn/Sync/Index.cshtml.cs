using Attract.Core.Data;
using Attract.Web.Infrastructure;
using Attract.Web.Integrations.LinkedIn;
using Attract.Web.Integrations.LinkedIn.Sync;
using LinkedIn.Recruiter;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Attract.Web.Pages.Admin.LinkedIn.Sync;

/// <summary>Admin → LinkedIn sync status: capabilities, backlog, throughput, the last hour in charts, quota use, backfill progress, errors with Retry.</summary>
[Authorize(Policy = Policies.Admin)]
public class IndexModel(LinkedInSyncStatus status, IOptions<LinkedInRecruiterOptions> recruiter, AttractDbContext db, TimeProvider clock) : PageModel
{
    public const int ExportsPerSeatPerMonthLimit = 300;

    public LinkedInQuotaOptions Quotas => recruiter.Value.Quotas;

    [TempData]
    public string? StatusMessage { get; set; }

    public SyncOverview Overview { get; private set; } = null!;

    public IReadOnlyList<(LinkedInCapability Capability, bool On)> Capabilities { get; private set; } = [];

    public SyncActivity Activity { get; private set; } = null!;

    public int BackfillPercent => Overview.BackfillTotal == 0 ? 100 : Math.Min(100, Overview.BackfillProcessed * 100 / Overview.BackfillTotal);

    public async Task OnGetAsync(CancellationToken ct)
    {
        Overview = await status.GetAsync(ct);
        var on = LinkedInCapabilities.For(Overview.AccessLevel);
        Capabilities = [.. Enum.GetValues<LinkedInCapability>().Select(c => (c, on.Contains(c)))];
        Activity = await SyncActivity.LoadAsync(db, clock.GetUtcNow().UtcDateTime, ct);
    }

    public async Task<IActionResult> OnPostRetryAsync(int id, CancellationToken ct)
    {
        var count = await status.RetryAsync(id, ct);
        StatusMessage = count == 0 ? "That error was already resolved." : "Queued for retry.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRetryAllAsync(CancellationToken ct)
    {
        var count = await status.RetryAsync(null, ct);
        StatusMessage = $"Queued {count} record(s) for retry.";
        return RedirectToPage();
    }
}
