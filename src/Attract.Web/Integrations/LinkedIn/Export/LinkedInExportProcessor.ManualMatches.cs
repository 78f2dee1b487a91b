using Attract.Core.LinkedIn;
using LinkedIn.Recruiter;
using Microsoft.EntityFrameworkCore;

namespace Attract.Web.Integrations.LinkedIn.Export;

/// <summary>
/// The <c>manualMatchedMember</c> writes after an export: each imported candidate is linked to its LinkedIn member, with
/// quick retries, and what still fails is kept as a <see cref="LinkedInSyncError"/> and retried on later runs.
/// </summary>
public sealed partial class LinkedInExportProcessor
{
    public const string ManualMatchErrorType = LinkedInSyncError.ManualMatchedMember;
    public const int MaxManualMatchAttempts = 10;

    /// <summary>Retries <c>manualMatchedMember</c> writes that failed earlier (kept as <see cref="LinkedInSyncError"/> rows).</summary>
    private async Task RetryManualMatchesAsync(CancellationToken ct)
    {
        var errors = await db.Set<LinkedInSyncError>()
            .Where(e => e.EntityType == ManualMatchErrorType && e.ResolvedAtUtc == null && e.Attempts < MaxManualMatchAttempts)
            .OrderBy(e => e.Id).Take(100).ToListAsync(ct);
        if (errors.Count == 0)
        {
            return;
        }
        var connection = await db.Set<LinkedInConnection>().AsNoTracking().Where(c => c.ChildClientId != null).FirstOrDefaultAsync(ct);
        if (connection is null || connector.ChildApp(connection) is not { } app)
        {
            return;
        }
        var ids = errors.Select(e => (int)e.EntityId).ToList();
        var matches = await db.Candidates.AsNoTracking().Where(c => ids.Contains(c.Id) && c.LinkedInPersonUrn != null)
            .Select(c => new { c.Id, c.LinkedInPersonUrn }).ToListAsync(ct);
        var failed = await TrySetManualMatchesAsync(app, connection, matches.Select(m => (m.Id, m.LinkedInPersonUrn!)).ToList(), 1, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var e in errors)
        {
            e.Attempts++;
            if (!failed.Contains((int)e.EntityId))
            {
                e.ResolvedAtUtc = now;
            }
        }
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// Links the candidates to their LinkedIn members (<c>manualMatchedMember</c>) after the commit; never fatal. What
    /// still fails after a few quick tries is kept as a <see cref="LinkedInSyncError"/> and retried on later runs.
    /// </summary>
    private async Task SetManualMatchesAsync(LinkedInAppCredentials app, LinkedInConnection connection, List<(int CandidateId, string PersonUrn)> matches, CancellationToken ct)
    {
        var failed = await TrySetManualMatchesAsync(app, connection, matches, 3, ct);
        if (failed.Count == 0)
        {
            return;
        }
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var id in failed)
        {
            db.Add(new LinkedInSyncError
            {
                EntityType = ManualMatchErrorType,
                EntityId = id,
                Message = "Linking the candidate to its LinkedIn member (manualMatchedMember) failed; it is retried.",
                OccurredAtUtc = now,
                Attempts = 1,
            });
        }
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Returns the candidate ids that could not be matched.</summary>
    private async Task<HashSet<int>> TrySetManualMatchesAsync(LinkedInAppCredentials app, LinkedInConnection connection,
        List<(int CandidateId, string PersonUrn)> matches, int tries, CancellationToken ct)
    {
        var pending = matches.Select(m => m.CandidateId).ToHashSet();
        if (matches.Count == 0)
        {
            return pending;
        }
        var context = connection.OrganizationUrn ?? "";
        var members = matches.Select(m => new KeyValuePair<AtsCandidateKey, string?>(
            new AtsCandidateKey(context, m.CandidateId.ToString(System.Globalization.CultureInfo.InvariantCulture)), m.PersonUrn)).ToList();
        for (var attempt = 1; attempt <= tries; attempt++)
        {
            try
            {
                var result = await sync.SetManualMatchedMembersAsync(app, members, ct);
                pending = result.Failed.Select(f => int.Parse(f.Key.AtsCandidateId, System.Globalization.CultureInfo.InvariantCulture)).ToHashSet();
                if (pending.Count == 0)
                {
                    return pending;
                }
                LogMatchRefused(logger, result.Failed.Count, attempt);
                members = members.Where(m => pending.Contains(int.Parse(m.Key.AtsCandidateId, System.Globalization.CultureInfo.InvariantCulture))).ToList();
            }
            catch (Exception ex) when (ex is LinkedInApiException or HttpRequestException)
            {
                LogMatchFailed(logger, ex, attempt);
            }
            if (attempt < tries)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(300 * attempt), ct);
            }
        }
        return pending;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "LinkedIn refused {Count} manual member matches (attempt {Attempt})")]
    private static partial void LogMatchRefused(ILogger logger, int count, int attempt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Setting manual member matches failed (attempt {Attempt})")]
    private static partial void LogMatchFailed(ILogger logger, Exception ex, int attempt);
}
