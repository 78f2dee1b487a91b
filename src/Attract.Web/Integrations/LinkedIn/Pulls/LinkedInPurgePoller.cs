using Attract.Core.Data;
using Attract.Core.LinkedIn;
using Attract.Web.Infrastructure;
using LinkedIn.Recruiter;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Attract.Web.Integrations.LinkedIn.Pulls;

/// <summary>
/// Polls <c>atsPurgedExportedCandidates</c> (LinkedIn requires at least every 30 days; daily by default) and records each
/// purged member as a <see cref="LinkedInPurgedExport"/> row, flagging the Attract candidate it matches (by person URN).
/// The admin then decides on erasure on Admin → LinkedIn → Purged exports.
/// </summary>
public sealed class LinkedInPurgePoller(AttractDbContext db, LinkedInConnector connector, ILinkedInExportsClient exports, AttractMetrics metrics,
    ErasureSuppressionKeyring suppressions, IOptions<LinkedInPullOptions> settings, TimeProvider clock)
{
    /// <summary>The <c>kind</c> tag of its runs in <c>attract.linkedin.pull.runs</c>.</summary>
    public const string PurgedExportsKind = "purged_exports";

    public TimeSpan Interval => settings.Value.PurgePollInterval > LinkedInPullOptions.MaxPurgePollInterval
        ? LinkedInPullOptions.MaxPurgePollInterval : settings.Value.PurgePollInterval;

    /// <summary>Polls when due (or <paramref name="force"/>); returns a message for the admin.</summary>
    public async Task<string> PollAsync(bool force, CancellationToken ct = default)
    {
        if (!connector.IsConfigured)
        {
            return "LinkedIn is not configured.";
        }
        var connection = await connector.GetConnectionAsync(ct);
        var app = connector.ChildApp(connection);
        if (app is null || connection.OrganizationUrn is null || !connection.CompanyFeaturesEnabled)
        {
            return "Company-level access is not enabled; purged exports were not checked.";
        }
        var now = clock.GetUtcNow().UtcDateTime;
        if (!force && connection.LastPurgePollAtUtc is { } last && last + Interval > now)
        {
            return "Not due yet.";
        }
        var added = 0;
        var suppressed = await suppressions.LoadListAsync(db, ct);
        try
        {
            await foreach (var purged in exports.GetPurgedExportedCandidatesAsync(app, connection.OrganizationUrn, ct))
            {
                // an erased member is already gone from Attract: nothing to decide, and nothing of theirs is recorded again
                if (string.IsNullOrWhiteSpace(purged.Member) || suppressed.ContainsUrn(purged.Member))
                {
                    continue;
                }
                var (row, isNew) = await db.FindOrAddAsync<LinkedInPurgedExport>(p => p.PersonUrn == purged.Member,
                    () => new LinkedInPurgedExport { PersonUrn = purged.Member }, ct);
                added += isNew ? 1 : 0;
                row.PurgedAtUtc = purged.PurgedAt > 0 ? DateTimeOffset.FromUnixTimeMilliseconds(purged.PurgedAt).UtcDateTime : now;
                if (row.HandledAtUtc is null)
                {
                    row.CandidateId = await db.Candidates.Where(c => c.LinkedInPersonUrn == purged.Member).Select(c => (int?)c.Id).FirstOrDefaultAsync(ct);
                }
            }
        }
        catch (LinkedInApiException ex)
        {
            connection.LastError = "Purged exports: " + LinkedInConnector.Describe(ex);
            connection.LastPurgePollAtUtc = now;
            await db.SaveChangesAsync(ct);
            metrics.PullRun(PurgedExportsKind, succeeded: false);
            return connection.LastError;
        }
        connection.LastPurgePollAtUtc = now;
        await db.SaveChangesAsync(ct);
        metrics.PullRun(PurgedExportsKind, succeeded: true, added);
        return added == 0 ? "No new purged exports." : $"{added} new purged export(s) recorded.";
    }
}
