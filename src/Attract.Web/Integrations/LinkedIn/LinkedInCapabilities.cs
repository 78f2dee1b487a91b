using Attract.Core.Data;
using Attract.Core.LinkedIn;
using Microsoft.EntityFrameworkCore;

namespace Attract.Web.Integrations.LinkedIn;

/// <summary>A LinkedIn feature Attract can offer once the right access level is on.</summary>
public enum LinkedInCapability
{
    OneClickExport,
    InAtsIndicator,
    ProfileWidget,
    InMailHistory,
    NotesHistory,
    StubProfiles,
}

/// <summary>What is switched on right now: the company's access level and, for a user, their Recruiter seat.</summary>
public sealed record LinkedInCapabilitySet(LinkedInAccessLevel AccessLevel, string? SeatUrn)
{
    public static readonly LinkedInCapabilitySet None = new(LinkedInAccessLevel.None, null);

    public bool Has(LinkedInCapability capability) => LinkedInCapabilities.For(AccessLevel).Contains(capability);

    /// <summary>True when the capability is on and, if it acts as a Recruiter user, the user has a mapped seat.</summary>
    public bool HasForUser(LinkedInCapability capability) =>
        Has(capability) && (!LinkedInCapabilities.NeedsSeat(capability) || SeatUrn is not null);
}

/// <summary>
/// Answers, server-side, which LinkedIn capabilities are on: Company-level access unlocks 1-Click Export, the
/// In-ATS indicator and the profile widget; Contract-level access includes all of them and adds InMail history, notes
/// history and stub profiles (<see cref="LinkedInConnection.LevelOf"/>).
/// Use it to gate features: <c>(await capabilities.GetAsync(userId)).HasForUser(LinkedInCapability.OneClickExport)</c>.
/// </summary>
public sealed class LinkedInCapabilities(AttractDbContext db)
{
    private static readonly LinkedInCapability[] CompanyLevel =
        [LinkedInCapability.OneClickExport, LinkedInCapability.InAtsIndicator, LinkedInCapability.ProfileWidget];

    private static readonly LinkedInCapability[] ContractLevel =
        [.. CompanyLevel, LinkedInCapability.InMailHistory, LinkedInCapability.NotesHistory, LinkedInCapability.StubProfiles];

    public static IReadOnlyList<LinkedInCapability> For(LinkedInAccessLevel level) => level switch
    {
        LinkedInAccessLevel.ContractLevel => ContractLevel,
        LinkedInAccessLevel.CompanyLevel => CompanyLevel,
        _ => [],
    };

    /// <summary>Capabilities that act on behalf of a Recruiter seat holder (their exports, InMails, notes).</summary>
    public static bool NeedsSeat(LinkedInCapability capability) => capability is LinkedInCapability.OneClickExport
        or LinkedInCapability.InMailHistory or LinkedInCapability.NotesHistory or LinkedInCapability.StubProfiles;

    public static string Describe(LinkedInCapability capability) => capability switch
    {
        LinkedInCapability.OneClickExport => "1-Click Export of LinkedIn profiles into Attract",
        LinkedInCapability.InAtsIndicator => "In-ATS indicator (Attract candidates and applications shown in Recruiter)",
        LinkedInCapability.ProfileWidget => "LinkedIn profile widget on candidates",
        LinkedInCapability.InMailHistory => "InMail history",
        LinkedInCapability.NotesHistory => "Recruiter notes history",
        LinkedInCapability.StubProfiles => "Stub profiles of InMail respondents",
        _ => capability.ToString(),
    };

    public async Task<LinkedInCapabilitySet> GetAsync(string? userId = null, CancellationToken cancellationToken = default)
    {
        var connection = await db.Set<LinkedInConnection>().AsNoTracking()
            .Where(c => c.ChildClientId != null)
            .Select(c => new { c.CompanyLevelEnabled, c.ContractLevelEnabled, c.ContractUrn })
            .FirstOrDefaultAsync(cancellationToken);
        if (connection is null)
        {
            return LinkedInCapabilitySet.None;
        }
        var level = LinkedInConnection.LevelOf(connection.CompanyLevelEnabled, connection.ContractLevelEnabled);
        string? seat = null;
        if (userId is not null)
        {
            seat = await db.Set<LinkedInUserLink>().AsNoTracking()
                .Where(l => l.UserId == userId && l.ContractUrn == connection.ContractUrn && l.SeatUrn != null)
                .Select(l => l.SeatUrn)
                .FirstOrDefaultAsync(cancellationToken);
        }
        return new LinkedInCapabilitySet(level, seat);
    }
}
