using System.Globalization;
using System.Text.RegularExpressions;
using Attract.Core.Access;
using Attract.Core.Data;
using LinkedIn.Recruiter;
using Microsoft.EntityFrameworkCore;

namespace Attract.Web.Integrations.LinkedIn.Profile;

/// <summary>The outcome of a link or unlink: ok, or a status and a reason for problem details.</summary>
public sealed record LinkOutcome(int Status, string? Error, string? PersonUrn)
{
    public bool Ok => Error is null;
}

/// <summary>
/// The profile widget's Link / Unlink: tells LinkedIn first (<c>manualMatchedMember</c> <c>$set</c> / <c>$delete</c>), then stores
/// (or clears) <c>Candidate.LinkedInPersonUrn</c>, so a refusal by LinkedIn leaves Attract unchanged.
/// </summary>
public sealed partial class LinkedInProfileLinker(AttractDbContext db, LinkedInConnector connector, ILinkedInSyncClient sync, LinkedInCapabilities capabilities)
{
    [GeneratedRegex("^urn:li:person:[A-Za-z0-9_-]{1,80}$", RegexOptions.CultureInvariant)]
    private static partial Regex PersonUrn();

    public static bool IsPersonUrn(string? value) => value is not null && PersonUrn().IsMatch(value);

    /// <summary>Links the candidate to <paramref name="personUrn"/>, or unlinks when it is null.</summary>
    public async Task<LinkOutcome> SetAsync(int candidateId, Viewer viewer, string? personUrn, CancellationToken ct = default)
    {
        if (personUrn is not null && !IsPersonUrn(personUrn))
        {
            return new(StatusCodes.Status400BadRequest, "personUrn must be a LinkedIn member URN such as urn:li:person:abc123.", null);
        }
        var candidate = await db.Candidates.VisibleTo(viewer).FirstOrDefaultAsync(c => c.Id == candidateId, ct);
        if (candidate is null)
        {
            return new(StatusCodes.Status404NotFound, $"Candidate #{candidateId} was not found.", null);
        }
        if (!(await capabilities.GetAsync(viewer.UserId, ct)).Has(LinkedInCapability.ProfileWidget) || !connector.IsConfigured)
        {
            return new(StatusCodes.Status409Conflict, "The LinkedIn profile widget is not enabled (company-level access is off).", null);
        }
        var connection = await connector.GetConnectionAsync(ct);
        var app = connector.ChildApp(connection);
        if (app is null || connection.OrganizationUrn is null)
        {
            return new(StatusCodes.Status409Conflict, "Attract is not connected to LinkedIn.", null);
        }
        var key = new AtsCandidateKey(connection.OrganizationUrn, candidate.Id.ToString(CultureInfo.InvariantCulture));
        try
        {
            var result = await sync.SetManualMatchedMembersAsync(app, [new(key, personUrn)], ct);
            if (result.Failed.Count > 0)
            {
                var f = result.Failed[0];
                return new(StatusCodes.Status502BadGateway, $"LinkedIn refused the match: {f.Status} {f.Code} {f.Message}", null);
            }
        }
        catch (LinkedInApiException ex)
        {
            return new(StatusCodes.Status502BadGateway, LinkedInConnector.Describe(ex), null);
        }
        candidate.LinkedInPersonUrn = personUrn;
        await db.SaveChangesAsync(ct);
        return new(StatusCodes.Status200OK, null, personUrn);
    }
}
