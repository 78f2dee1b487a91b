using Attract.Core.Pipeline;
using Microsoft.EntityFrameworkCore;

namespace Attract.Web.Integrations.LinkedIn.Sync;

/// <summary>The shapes the sync reads.</summary>
public static class SyncQueries
{
    /// <summary>
    /// Applications with what the sync sends of them (job, stage, history, candidate and its emails), read in ONE
    /// statement. A split query reads the collections in later statements; a stage move committed in between changes a
    /// parent's order keys, and EF then silently attaches no history or emails to that application and those after it.
    /// The soak found it: an application sent without its stage moves, which were then marked sent.
    /// </summary>
    public static IQueryable<JobApplication> WithSyncGraph(this IQueryable<JobApplication> applications) =>
        applications.Include(a => a.Job).Include(a => a.Stage).Include(a => a.History)
            .Include(a => a.Candidate!).ThenInclude(c => c.Emails)
            .AsSingleQuery();
}
