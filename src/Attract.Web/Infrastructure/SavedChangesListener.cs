using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Attract.Web.Infrastructure;

/// <summary>Runs <see cref="OnSaved"/> after every successful SaveChanges of a context (sync or async).</summary>
public abstract class SavedChangesListener : SaveChangesInterceptor
{
    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Notify(eventData);
        return base.SavedChangesAsync(eventData, result, cancellationToken);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Notify(eventData);
        return base.SavedChanges(eventData, result);
    }

    /// <summary>Called with the context that saved; its change tracker holds the entities it saved (and any others it tracks).</summary>
    protected abstract void OnSaved(DbContext context);

    private void Notify(SaveChangesCompletedEventData eventData)
    {
        if (eventData.Context is { } context)
        {
            OnSaved(context);
        }
    }
}
