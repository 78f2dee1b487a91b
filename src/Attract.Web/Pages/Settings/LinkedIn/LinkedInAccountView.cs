using Attract.Core.Data;
using Attract.Core.LinkedIn;
using Attract.Web.Integrations.LinkedIn;
using Microsoft.EntityFrameworkCore;

namespace Attract.Web.Pages.Settings.LinkedIn;

/// <summary>
/// A user's own LinkedIn connection as User settings shows it (partial <c>_LinkedInAccount</c>): the company's connection,
/// the user's account, the Recruiter seat or the reason there is none, and what they can use.
/// </summary>
public sealed record LinkedInAccountView(bool IsConfigured, IndexModel.CompanyView Company, IndexModel.LinkView? Link, LinkedInCapabilitySet Capabilities)
{
    /// <summary>Why the user has no usable seat, or null when they have one.</summary>
    public string? NoSeatReason => SeatMapping.Reason(Company, Link);

    /// <summary>Reads it with <c>AsNoTracking().Select(...)</c>.</summary>
    public static async Task<LinkedInAccountView> LoadAsync(AttractDbContext db, LinkedInConnector connector, LinkedInCapabilities capabilities, string userId, CancellationToken ct)
    {
        var link = await db.Set<LinkedInUserLink>().AsNoTracking()
            .Where(l => l.UserId == userId)
            .Select(l => new IndexModel.LinkView(l.PersonUrn, l.LinkedInName, l.SeatUrn, l.ContractUrn, l.SeatMessage, l.ConnectedAtUtc))
            .FirstOrDefaultAsync(ct);
        var company = await db.Set<LinkedInConnection>().AsNoTracking()
            .Where(c => c.ChildClientId != null && c.ContractUrn != null)
            .Select(c => new IndexModel.CompanyView(true, c.ContractUrn, c.ContractName))
            .FirstOrDefaultAsync(ct) ?? new IndexModel.CompanyView(false, null, null);
        return new LinkedInAccountView(connector.IsConfigured, company, link, await capabilities.GetAsync(userId, ct));
    }
}
