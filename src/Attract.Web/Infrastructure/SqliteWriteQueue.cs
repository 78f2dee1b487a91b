using System.Collections.Concurrent;
using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Attract.Web.Infrastructure;

/// <summary>
/// Lines up this process's writers to a SQLite file in the order they arrive, so a writer waits only for the writes ahead
/// of it. SQLite has one write lock per file. A writer that finds it taken sleeps in SQLite's busy handler, on a ladder
/// of 1, 2, 5, 10 … 100 ms, and may miss the lock again and again while others take it in turn: under a backfill, the
/// drain and the usage meter, single-row writes (an export push's insert among them) waited 100–700 ms for a lock held
/// a few milliseconds at a time. Here each writer waits on an in-process queue (a <see cref="SemaphoreSlim"/> per file,
/// which wakes asynchronous waiters first come, first served) and is woken the moment the writer ahead finishes.
/// <list type="bullet">
/// <item>A transaction takes its turn when it begins (Microsoft.Data.Sqlite begins with <c>BEGIN IMMEDIATE</c>, which
/// takes the write lock there) and gives it back when it commits or rolls back, or at the latest when its connection
/// closes.</item>
/// <item>A statement outside a transaction takes a turn when it writes (anything but <c>SELECT</c> and <c>PRAGMA</c>:
/// EF's one-statement saves, <c>ExecuteUpdate</c>, <c>ExecuteDelete</c>) and gives it back when it has run.</item>
/// <item>Reads never queue: in WAL mode they do not need the lock.</item>
/// </list>
/// The queue only orders writers; SQLite's lock still guards the file. So a writer that waited <c>maxWait</c> (the busy
/// timeout) goes ahead without its turn and SQLite decides, as before: a mistake such as a second connection writing
/// inside another's transaction fails as it always did instead of hanging. SQLite only: one process owns a SQLite file,
/// while on the server databases writers of several instances meet in the server, which queues them itself.
/// </summary>
public sealed class SqliteWriteQueue(TimeSpan maxWait) : IDbTransactionInterceptor, IDbCommandInterceptor, IDbConnectionInterceptor
{
    private static readonly ConcurrentDictionary<string, FileQueue> Files = new(StringComparer.Ordinal);

    private readonly ConditionalWeakTable<DbConnection, FileQueue> _turns = new();

    /// <summary>The writers of <paramref name="file"/> waiting for their turn now, and whether nobody holds it.</summary>
    internal static (int Waiting, bool Free) State(string file) =>
        Files.TryGetValue(Path.GetFullPath(file), out var queue) ? (queue.Waiting, queue.Gate.CurrentCount == 1) : (0, true);

    public InterceptionResult<DbTransaction> TransactionStarting(DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result)
    {
        TakeTurn(connection);
        return result;
    }

    public async ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result, CancellationToken cancellationToken = default)
    {
        await TakeTurnAsync(connection, cancellationToken);
        return result;
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => GiveBack(ConnectionOf(transaction, eventData));

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        GiveBack(ConnectionOf(transaction, eventData));
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => GiveBack(ConnectionOf(transaction, eventData));

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        GiveBack(ConnectionOf(transaction, eventData));
        return Task.CompletedTask;
    }

    // A begin, commit or rollback that failed: SQLite's state is unknown, so the turn goes to the next writer and
    // SQLite's own lock decides between them.
    public void TransactionFailed(DbTransaction transaction, TransactionErrorEventData eventData) => GiveBack(ConnectionOf(transaction, eventData));

    public Task TransactionFailedAsync(DbTransaction transaction, TransactionErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        GiveBack(ConnectionOf(transaction, eventData));
        return Task.CompletedTask;
    }

    public InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        TakeTurnToWrite(command);
        return result;
    }

    public async ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        await TakeTurnToWriteAsync(command, cancellationToken);
        return result;
    }

    public int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
    {
        GiveBackStatement(command);
        return result;
    }

    public ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        GiveBackStatement(command);
        return ValueTask.FromResult(result);
    }

    public InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        TakeTurnToWrite(command);
        return result;
    }

    public async ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        await TakeTurnToWriteAsync(command, cancellationToken);
        return result;
    }

    public object? ScalarExecuted(DbCommand command, CommandExecutedEventData eventData, object? result)
    {
        GiveBackStatement(command);
        return result;
    }

    public ValueTask<object?> ScalarExecutedAsync(DbCommand command, CommandExecutedEventData eventData, object? result, CancellationToken cancellationToken = default)
    {
        GiveBackStatement(command);
        return ValueTask.FromResult(result);
    }

    // An insert's RETURNING comes back as a reader; its write is committed when the reader is done with.
    public InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        TakeTurnToWrite(command);
        return result;
    }

    public async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        await TakeTurnToWriteAsync(command, cancellationToken);
        return result;
    }

    public InterceptionResult DataReaderClosing(DbCommand command, DataReaderClosingEventData eventData, InterceptionResult result)
    {
        GiveBackStatement(command);
        return result;
    }

    public ValueTask<InterceptionResult> DataReaderClosingAsync(DbCommand command, DataReaderClosingEventData eventData, InterceptionResult result)
    {
        GiveBackStatement(command);
        return ValueTask.FromResult(result);
    }

    public InterceptionResult DataReaderDisposing(DbCommand command, DataReaderDisposingEventData eventData, InterceptionResult result)
    {
        GiveBackStatement(command);
        return result;
    }

    public void CommandFailed(DbCommand command, CommandErrorEventData eventData) => GiveBackStatement(command);

    public Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        GiveBackStatement(command);
        return Task.CompletedTask;
    }

    public void CommandCanceled(DbCommand command, CommandEndEventData eventData) => GiveBackStatement(command);

    public Task CommandCanceledAsync(DbCommand command, CommandEndEventData eventData, CancellationToken cancellationToken = default)
    {
        GiveBackStatement(command);
        return Task.CompletedTask;
    }

    // The last resort: a transaction disposed without a commit or rollback (an exception in a using block) ends when its
    // connection closes.
    public InterceptionResult ConnectionClosing(DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
    {
        GiveBack(connection);
        return result;
    }

    public ValueTask<InterceptionResult> ConnectionClosingAsync(DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
    {
        GiveBack(connection);
        return ValueTask.FromResult(result);
    }

    public InterceptionResult ConnectionDisposing(DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
    {
        GiveBack(connection);
        return result;
    }

    public ValueTask<InterceptionResult> ConnectionDisposingAsync(DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
    {
        GiveBack(connection);
        return ValueTask.FromResult(result);
    }

    /// <summary>
    /// True for a statement that writes outside a transaction. Inside one, the transaction holds the turn. EF tags
    /// (<c>-- …</c> lines) may come first.
    /// </summary>
    internal static bool WritesAlone(DbCommand command) => command.Transaction is null && Writes(command.CommandText);

    internal static bool Writes(string sql)
    {
        var text = sql.AsSpan();
        while (true)
        {
            text = text.TrimStart();
            if (!text.StartsWith("--", StringComparison.Ordinal))
            {
                break;
            }
            var end = text.IndexOf('\n');
            text = end < 0 ? [] : text[(end + 1)..];
        }
        return !text.IsEmpty
            && !text.StartsWith("SELECT", StringComparison.OrdinalIgnoreCase)
            && !text.StartsWith("PRAGMA", StringComparison.OrdinalIgnoreCase);
    }

    private void TakeTurnToWrite(DbCommand command)
    {
        if (WritesAlone(command))
        {
            TakeTurn(command.Connection!);
        }
    }

    private async Task TakeTurnToWriteAsync(DbCommand command, CancellationToken cancellationToken)
    {
        if (WritesAlone(command))
        {
            await TakeTurnAsync(command.Connection!, cancellationToken);
        }
    }

    private void TakeTurn(DbConnection connection)
    {
        if (QueueOf(connection) is not { } queue)
        {
            return;
        }
        Interlocked.Increment(ref queue.Waiting);
        try
        {
            if (queue.Gate.Wait(maxWait))
            {
                _turns.AddOrUpdate(connection, queue);
            }
        }
        finally
        {
            Interlocked.Decrement(ref queue.Waiting);
        }
    }

    private async Task TakeTurnAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        if (QueueOf(connection) is not { } queue)
        {
            return;
        }
        Interlocked.Increment(ref queue.Waiting);
        try
        {
            if (await queue.Gate.WaitAsync(maxWait, cancellationToken))
            {
                _turns.AddOrUpdate(connection, queue);
            }
        }
        finally
        {
            Interlocked.Decrement(ref queue.Waiting);
        }
    }

    // Microsoft.Data.Sqlite forgets a transaction's connection once it has ended; the context still knows it.
    private static DbConnection? ConnectionOf(DbTransaction? transaction, TransactionEventData eventData) =>
        transaction?.Connection ?? eventData.Context?.Database.GetDbConnection();

    private void GiveBackStatement(DbCommand command)
    {
        if (command.Transaction is null && command.Connection is { } connection)
        {
            GiveBack(connection);
        }
    }

    private void GiveBack(DbConnection? connection)
    {
        if (connection is not null && _turns.TryGetValue(connection, out var queue) && _turns.Remove(connection))
        {
            queue.Gate.Release();
        }
    }

    /// <summary>
    /// The queue of the connection's file; none for an in-memory database (private to its connection), or for a
    /// connection that already holds its turn (a statement inside a transaction begun with SQL of its own).
    /// </summary>
    private FileQueue? QueueOf(DbConnection connection)
    {
        var file = connection.DataSource;
        if (string.IsNullOrEmpty(file) || file == ":memory:" || _turns.TryGetValue(connection, out _))
        {
            return null;
        }
        return Files.GetOrAdd(Path.GetFullPath(file), _ => new FileQueue());
    }

    private sealed class FileQueue
    {
        public readonly SemaphoreSlim Gate = new(1, 1);
        public int Waiting;
    }
}
