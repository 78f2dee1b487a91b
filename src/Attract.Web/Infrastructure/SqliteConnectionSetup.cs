using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Attract.Web.Infrastructure;

/// <summary>
/// Sets <c>busy_timeout</c> on each SQLite connection Attract opens. The pages, the export push, the sync drain and the
/// backfill share one database file with one write lock; a writer that finds it taken now waits inside SQLite, which
/// retries within a millisecond or two of the lock being released. Without it, Microsoft.Data.Sqlite sleeps a fixed
/// 150 ms between retries, so an export push that arrived during a backfill write waited 150–800 ms for a lock held a
/// few milliseconds. (The database is in WAL mode, set by EF Core when it creates the file, so readers and the writer do
/// not block each other at all.)
/// </summary>
public sealed class SqliteConnectionSetup(TimeSpan busyTimeout) : DbConnectionInterceptor
{
    private readonly string _sql = $"PRAGMA busy_timeout = {(long)busyTimeout.TotalMilliseconds};";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = _sql;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = _sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
