using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;

namespace Attract.Core.Data;

/// <summary>Finding the row an incoming record updates, for imports that may see the same record twice in one batch.</summary>
public static class UpsertExtensions
{
    /// <summary>
    /// The stored row matching <paramref name="match"/>, else one added earlier in this unit of work (not saved yet), else
    /// a new row from <paramref name="create"/>, added to the context. <c>Added</c> says whether it is new.
    /// </summary>
    public static async Task<(T Row, bool Added)> FindOrAddAsync<T>(this DbContext db, Expression<Func<T, bool>> match, Func<T> create, CancellationToken ct)
        where T : class
    {
        var set = db.Set<T>();
        var row = await set.FirstOrDefaultAsync(match, ct) ?? set.Local.FirstOrDefault(match.Compile());
        if (row is not null)
        {
            return (row, false);
        }
        row = create();
        set.Add(row);
        return (row, true);
    }
}
