using Attract.Core.Access;
using Attract.Core.Data;
using Attract.Core.LinkedIn;
using Microsoft.EntityFrameworkCore;

namespace Attract.Web.Integrations.LinkedIn.Profile;

/// <summary>Everything the candidate's LinkedIn tab shows, already gated and filtered server-side.</summary>
public sealed record LinkedInTab(
    int CandidateId,
    string CandidateName,
    string? PersonUrn,
    string? ProfileUrl,
    LinkedInCapabilitySet Capabilities,
    LinkedInTab.WidgetSettings? Widget,
    string? RecruiterProfileUrl,
    bool CanLink,
    IReadOnlyList<string> Missing,
    IReadOnlyList<LinkedInTab.InMailRow> MyInMails,
    IReadOnlyList<LinkedInTab.ColleagueRow> Colleagues,
    IReadOnlyList<LinkedInTab.NoteRow> Notes)
{
    public sealed record WidgetSettings(string ScriptUrl, string ApiKey, string IntegrationContext);

    public sealed record InMailRow(string EventType, bool FromSeat, string? Subject, string? Body, DateTime AtUtc);

    /// <summary>A colleague's InMail exchange with the candidate: who and when, never the messages.</summary>
    public sealed record ColleagueRow(string SeatUrn, string Name, int Messages, DateTime LastAtUtc);

    public sealed record NoteRow(string Owner, bool Private, string Note, DateTime ModifiedAtUtc);

    public bool ShowsContractLevel => Capabilities.HasForUser(LinkedInCapability.InMailHistory);
}

/// <summary>
/// Reads the LinkedIn tab for a viewer. Company level: the profile widget. Contract level and a mapped seat: the viewer's
/// own InMail history with the candidate (subjects and bodies), which colleagues exchanged InMail with them and when
/// (bodies are never selected), and Recruiter notes (active; private ones only for their owner seat). The history
/// needs the candidate to be matched to a LinkedIn member (<c>LinkedInPersonUrn</c>: set by an export, a confirmed
/// widget link or a stub from an accepted InMail whose sender shared their profile).
/// </summary>
public sealed class LinkedInTabReader(AttractDbContext db, LinkedInCapabilities capabilities, LinkedInConnector connector, LinkedInAvailability availability)
{
    public const string ContractOffMessage = "Contract-level access is not enabled by your LinkedIn admin, so InMail history, Recruiter notes and stub profiles are not available.";
    public const string NoSeatMessage = "Connect your LinkedIn account under User settings to see InMail history and Recruiter notes (they need your Recruiter seat).";
    public const string NotConnectedMessage = "LinkedIn Recruiter is not connected yet. Once an administrator connects LinkedIn (Admin settings → LinkedIn Integration), this tab shows the candidate's LinkedIn profile, InMail history and Recruiter notes.";

    /// <summary>The tab for a candidate the viewer can see, or null.</summary>
    public async Task<LinkedInTab?> ReadAsync(int candidateId, Viewer viewer, CancellationToken ct = default)
    {
        var candidate = await db.Candidates.AsNoTracking().VisibleTo(viewer).Where(c => c.Id == candidateId)
            .Select(c => new { c.Id, c.FirstName, c.LastName, c.LinkedInPersonUrn, c.LinkedInProfileUrl })
            .FirstOrDefaultAsync(ct);
        if (candidate is null)
        {
            return null;
        }
        var caps = await capabilities.GetAsync(viewer.UserId, ct);
        var missing = new List<string>();
        LinkedInTab.WidgetSettings? widget = null;
        if (caps.AccessLevel == LinkedInAccessLevel.None)
        {
            missing.Add(NotConnectedMessage);
        }
        else
        {
            var connection = await db.Set<LinkedInConnection>().AsNoTracking().Where(c => c.ChildClientId != null)
                .Select(c => new { c.ChildClientId, c.OrganizationUrn }).FirstAsync(ct);
            if (connector.IsConfigured && connection.OrganizationUrn is not null)
            {
                widget = new(connector.RecruiterOptions.GetPlatformScriptUrl().ToString(), connection.ChildClientId!, connection.OrganizationUrn);
            }
            if (caps.AccessLevel != LinkedInAccessLevel.ContractLevel)
            {
                missing.Add(ContractOffMessage);
            }
            else if (caps.SeatUrn is null)
            {
                missing.Add(NoSeatMessage);
            }
        }
        var showHistory = caps.HasForUser(LinkedInCapability.InMailHistory) && viewer.CanReadNotes() && candidate.LinkedInPersonUrn is not null;
        var urn = candidate.LinkedInPersonUrn;
        var mine = showHistory
            ? await db.Set<LinkedInInMail>().AsNoTracking().Where(m => m.ProspectUrn == urn && m.SeatUrn == caps.SeatUrn)
                .OrderBy(m => m.CreatedAtUtc).ThenBy(m => m.Id)
                .Select(m => new LinkedInTab.InMailRow(m.EventType, m.SenderUrn == m.SeatUrn, m.Subject, m.Body, m.CreatedAtUtc))
                .ToListAsync(ct)
            : [];
        var colleagues = new List<LinkedInTab.ColleagueRow>();
        var notes = new List<LinkedInTab.NoteRow>();
        if (showHistory)
        {
            var names = await SeatNamesAsync(ct);
            // Projection without Subject/Body: colleagues' messages never leave the database.
            var others = await db.Set<LinkedInInMail>().AsNoTracking().Where(m => m.ProspectUrn == urn && m.SeatUrn != caps.SeatUrn)
                .GroupBy(m => m.SeatUrn)
                .Select(g => new { Seat = g.Key, Count = g.Count(), Last = g.Max(m => m.CreatedAtUtc) })
                .ToListAsync(ct);
            colleagues = others.OrderByDescending(o => o.Last)
                .Select(o => new LinkedInTab.ColleagueRow(o.Seat, names.GetValueOrDefault(o.Seat, o.Seat), o.Count, o.Last)).ToList();
            var rows = await db.Set<LinkedInProspectNote>().AsNoTracking()
                .Where(n => n.ProspectUrn == urn && n.Active && (n.Visibility != "PRIVATE" || n.OwnerSeatUrn == caps.SeatUrn))
                .OrderByDescending(n => n.LastModifiedAtUtc)
                .Select(n => new { n.OwnerSeatUrn, n.Visibility, n.Note, n.LastModifiedAtUtc })
                .ToListAsync(ct);
            notes = rows.Select(n => new LinkedInTab.NoteRow(names.GetValueOrDefault(n.OwnerSeatUrn, n.OwnerSeatUrn), n.Visibility == "PRIVATE", n.Note, n.LastModifiedAtUtc)).ToList();
        }
        return new LinkedInTab(candidate.Id, $"{candidate.FirstName} {candidate.LastName}".Trim(), urn, candidate.LinkedInProfileUrl, caps, widget,
            RecruiterProfileUrl(urn), caps.Has(LinkedInCapability.ProfileWidget) && (viewer.IsAdmin || viewer.IsRecruiter),
            missing, mine, colleagues, notes);
    }

    /// <summary>Where the member's Recruiter profile is ("Save to project" lives there; RSC has no API for projects).</summary>
    private string? RecruiterProfileUrl(string? urn)
    {
        const string prefix = "urn:li:person:";
        if (urn is null || !urn.StartsWith(prefix, StringComparison.Ordinal))
        {
            return null;
        }
        var id = Uri.EscapeDataString(urn[prefix.Length..]);
        return availability.Simulator.BaseUrl is { } sim ? $"{sim.TrimEnd('/')}/recruiter/profile/{id}" : $"https://www.linkedin.com/talent/profile/{id}";
    }

    private async Task<Dictionary<string, string>> SeatNamesAsync(CancellationToken ct)
    {
        var links = await db.Set<LinkedInUserLink>().AsNoTracking().Where(l => l.SeatUrn != null)
            .Select(l => new { l.SeatUrn, l.LinkedInName, l.UserId }).ToListAsync(ct);
        var userIds = links.Select(l => l.UserId).ToList();
        var users = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id)).Select(u => new { u.Id, u.DisplayName }).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        return links.GroupBy(l => l.SeatUrn!).ToDictionary(g => g.Key, g =>
        {
            var l = g.First();
            return users.TryGetValue(l.UserId, out var name) && !string.IsNullOrWhiteSpace(name) ? name : l.LinkedInName ?? g.Key;
        });
    }
}
