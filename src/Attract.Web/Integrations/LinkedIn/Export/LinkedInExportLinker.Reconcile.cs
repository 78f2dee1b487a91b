using Attract.Core.LinkedIn;
using Microsoft.EntityFrameworkCore;

namespace Attract.Web.Integrations.LinkedIn.Export;

/// <summary>The error rows of failed links, and the reconciliation that queues the links nobody is working on.</summary>
public sealed partial class LinkedInExportLinker
{
    /// <summary>The actor of link rows queued by the reconciliation.</summary>
    public const string ReconcileActor = "system:linkedin-export-reconcile";

    private const int ReconcileBatch = 500;

    /// <summary>
    /// Queues a link for every exported candidate (created by an export, or the candidate of a processed export) that
    /// has a member URN but no link row at all: neither pending, nor confirmed, nor given up (given-up links wait for
    /// Retry). That covers links lost before they were persisted (e.g. exports processed before links were queued in the
    /// export's transaction). Links LinkedIn already has are set again once, which is harmless. Returns how many it queued.
    /// </summary>
    public async Task<int> ReconcileAsync(CancellationToken ct = default)
    {
        if (!await db.Set<LinkedInConnection>().AnyAsync(c => c.ChildClientId != null && c.OrganizationUrn != null, ct))
        {
            return 0;
        }
        var exports = db.Set<LinkedInNotification>()
            .Where(n => n.Type == LinkedInExportProcessor.ExportType && n.Status == LinkedInNotificationStatus.Processed);
        var queued = 0;
        while (true)
        {
            var ids = await db.Candidates.AsNoTracking()
                .Where(c => c.LinkedInPersonUrn != null && (c.Source == LinkedInExportProcessor.Source || exports.Any(n => n.CandidateId == c.Id)))
                .Where(c => !db.OutboxMessages.Any(o => o.EntityType == EntityType && o.EntityId == c.Id))
                .OrderBy(c => c.Id).Select(c => c.Id).Take(ReconcileBatch).ToListAsync(ct);
            var now = Now;
            db.OutboxMessages.AddRange(ids.Select(id => Pending(id, ReconcileActor, now)));
            await db.SaveChangesAsync(ct);
            queued += ids.Count;
            if (ids.Count < ReconcileBatch)
            {
                break;
            }
        }
        if (queued > 0)
        {
            LogReconciled(logger, queued);
        }
        return queued;
    }

    /// <summary>
    /// Keeps one open <see cref="LinkedInSyncError"/> per candidate whose link failed, and resolves it once linked. The
    /// first "not yet" of a link is not an error (right after an export LinkedIn usually does not have the candidate yet);
    /// from the second failed attempt on, and for any refusal or give-up, the row shows on the sync status page.
    /// </summary>
    private async Task RecordErrorsAsync(Dictionary<int, LinkState> states, CancellationToken ct)
    {
        var ids = states.Keys.Select(id => (long)id).ToList();
        var open = await db.Set<LinkedInSyncError>().Where(e => e.EntityType == EntityType && e.ResolvedAtUtc == null && ids.Contains(e.EntityId))
            .ToListAsync(ct);
        var now = Now;
        foreach (var (id, state) in states)
        {
            var errors = open.Where(e => e.EntityId == id).ToList();
            if (state.Rank == 2)
            {
                errors.ForEach(e => e.ResolvedAtUtc = now);
                continue;
            }
            if (state.Result == AttemptResult.NotYet && state.Attempts < 2 && errors.Count == 0)
            {
                continue;
            }
            var error = errors.FirstOrDefault();
            if (error is null)
            {
                error = new LinkedInSyncError { EntityType = EntityType, EntityId = id };
                db.Add(error);
            }
            error.Status = state.Status;
            error.Message = Describe(state);
            error.OccurredAtUtc = now;
            error.Attempts = state.Attempts;
        }
        await db.SaveChangesAsync(ct);
    }

    private static string Describe(LinkState state)
    {
        var what = $"Linking the candidate to its LinkedIn member (manualMatchedMember) failed: {state.Message}.";
        var message = state.Result == AttemptResult.NotYet
            ? $"{what} Retried until {state.Deadline:u}."
            : $"{what} Not retried (gave up); Retry queues it again.";
        return message.Length > 2000 ? message[..2000] : message;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Queued {Count} links of exported candidates to their LinkedIn members (reconciliation)")]
    private static partial void LogReconciled(ILogger logger, int count);
}
