using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace LinkedIn.Simulator.State;

/// <summary>
/// The simulator's state in a SQLite file (WAL), so that it survives a restart. The small configuration tables (apps, tokens,
/// integrations, sessions, member activity …) are <see cref="Table{T}"/>s: held in memory and written through to
/// <c>docs(kind, id, json)</c>. The tables that grow with the partner's traffic live only in SQLite and are read on demand:
/// the synced entities (<see cref="EntityTable"/>, table <c>entities</c>) and their sub-entities (<see cref="SubTable"/>, table
/// <c>subs</c>), job postings, their tasks, integration requests and the push history (<see cref="DocTable{T}"/>, rows of <c>docs</c>),
/// and the partner request log (<see cref="RequestLogTable"/>, table <c>request_log</c>).
/// The store owns its lock: callers read and write through <see cref="Read{T}"/> and <see cref="Write(Action{StateStore})"/>,
/// whose delegates run under it (the lock is re-entrant, so a delegate may call helpers that read or write too); the outermost
/// write runs in one SQLite transaction, so an API batch is one commit.
/// </summary>
internal sealed class StateStore : IDisposable
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly SqliteConnection _db;
    private readonly object _gate = new();
    private SqliteTransaction? _transaction;

    public Table<AppRec> Apps { get; }
    public Table<TokenRec> Tokens { get; }
    public Table<AuthCodeRec> AuthCodes { get; }
    public Table<SessionRec> Sessions { get; }
    public Table<IntegrationRec> Integrations { get; }
    public DocTable<RequestRec> Requests { get; }
    public DocTable<JobRec> Jobs { get; }
    public DocTable<TaskRec> Tasks { get; }
    public EntityTable Entities { get; }
    public SubTable Subs { get; }
    public Table<ExportRec> Exports { get; }
    public Table<PurgeRec> Purges { get; }
    public DocTable<PushRec> Pushes { get; }
    public Table<ConversationRec> Conversations { get; }
    public Table<EventRec> Events { get; }
    public Table<StubRec> Stubs { get; }
    public Table<ProspectNoteRec> ProspectNotes { get; }
    public Table<ProjectRec> Projects { get; }
    public Table<CounterRec> Counters { get; }
    public Table<SettingRec> Settings { get; }

    /// <summary>The partner request log (its newest 2,000 entries).</summary>
    public RequestLogTable RequestLog { get; }

    private readonly List<ITable> _tables = [];

    /// <param name="path">The SQLite file.</param>
    /// <param name="matchOf">The member id a synced candidate matches (indexed for the In-ATS card).</param>
    public StateStore(string path, Func<EntityRec, string?> matchOf)
    {
        _db = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        _db.Open();
        Exec("PRAGMA journal_mode=WAL;");
        Exec("PRAGMA synchronous=NORMAL;");
        Exec("CREATE TABLE IF NOT EXISTS docs(kind TEXT NOT NULL, id TEXT NOT NULL, json TEXT NOT NULL, PRIMARY KEY(kind, id));");
        Apps = Add(new Table<AppRec>(this, "app", x => x.ClientId));
        Tokens = Add(new Table<TokenRec>(this, "token", x => x.Token));
        AuthCodes = Add(new Table<AuthCodeRec>(this, "code", x => x.Code));
        Sessions = Add(new Table<SessionRec>(this, "session", x => x.Id));
        Integrations = Add(new Table<IntegrationRec>(this, "integration", x => x.Key));
        Requests = Add(new DocTable<RequestRec>(this, "request", x => x.Id));
        Jobs = Add(new DocTable<JobRec>(this, "job", x => x.Key));
        Tasks = Add(new DocTable<TaskRec>(this, "task", x => x.Id));
        Entities = Add(new EntityTable(this, matchOf));
        Subs = Add(new SubTable(this));
        Exports = Add(new Table<ExportRec>(this, "export", x => x.Id));
        Purges = Add(new Table<PurgeRec>(this, "purge", x => x.Id));
        Pushes = Add(new DocTable<PushRec>(this, "push", x => x.Id));
        Conversations = Add(new Table<ConversationRec>(this, "conversation", x => x.Id));
        Events = Add(new Table<EventRec>(this, "event", x => x.Id));
        Stubs = Add(new Table<StubRec>(this, "stub", x => x.Id));
        ProspectNotes = Add(new Table<ProspectNoteRec>(this, "pnote", x => x.Id));
        Projects = Add(new Table<ProjectRec>(this, "project", x => x.Id));
        Counters = Add(new Table<CounterRec>(this, "counter", x => x.Key));
        Settings = Add(new Table<SettingRec>(this, "setting", x => x.Key));
        foreach (var t in _tables)
        {
            t.Load();
        }
        RequestLog = new RequestLogTable(this, 2000);
        RequestLog.Create();
    }

    private T Add<T>(T t) where T : ITable
    {
        _tables.Add(t);
        return t;
    }

    /// <summary>Runs <paramref name="read"/> under the store's lock and returns what it computed.</summary>
    public T Read<T>(Func<StateStore, T> read)
    {
        lock (_gate)
        {
            return read(this);
        }
    }

    /// <summary>Runs <paramref name="read"/> under the store's lock (for readers that fill their own results).</summary>
    public void Read(Action<StateStore> read)
    {
        lock (_gate)
        {
            read(this);
        }
    }

    /// <summary>Runs <paramref name="write"/> under the store's lock, in one transaction (or the enclosing write's).</summary>
    public void Write(Action<StateStore> write) => Write(state =>
    {
        write(state);
        return true;
    });

    /// <summary>Runs <paramref name="write"/> under the store's lock, in one transaction (or the enclosing write's), and returns its outcome.</summary>
    public T Write<T>(Func<StateStore, T> write)
    {
        lock (_gate)
        {
            if (_transaction is not null)
            {
                return write(this);
            }
            using var transaction = _db.BeginTransaction();
            _transaction = transaction;
            try
            {
                var outcome = write(this);
                transaction.Commit();
                return outcome;
            }
            finally
            {
                _transaction = null;
            }
        }
    }

    public bool IsEmpty => _tables.All(t => t.IsEmpty);

    public void Clear()
    {
        foreach (var t in _tables)
        {
            t.Clear();
        }
        RequestLog.Clear();
        Exec("DELETE FROM docs;");
    }

    public long NextId(string sequence, long start)
    {
        var s = Settings.Get("seq:" + sequence);
        var next = s is null ? start : long.Parse(s.Value, System.Globalization.CultureInfo.InvariantCulture) + 1;
        Settings.Put(new SettingRec { Key = "seq:" + sequence, Value = next.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        return next;
    }

    internal void Exec(string sql, params (string Name, object? Value)[] args)
    {
        using var cmd = Command(sql, args);
        cmd.ExecuteNonQuery();
    }

    /// <summary>A command on the store's connection (in the current transaction, if any) with its parameters bound.</summary>
    internal SqliteCommand Command(string sql, params (string Name, object? Value)[] args)
    {
        var cmd = _db.CreateCommand();
        cmd.CommandText = sql;
        foreach (var (name, value) in args)
        {
            cmd.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }
        return cmd;
    }

    /// <summary>The first column of each row the query returns, read as it is consumed (consume it under the lock).</summary>
    internal IEnumerable<string> Strings(string sql, params (string Name, object? Value)[] args)
    {
        using var cmd = Command(sql, args);
        using var reader = cmd.ExecuteReader();
        while (reader.Read())
        {
            yield return reader.GetString(0);
        }
    }

    internal bool Any(string sql, params (string Name, object? Value)[] args)
    {
        using var cmd = Command(sql, args);
        return cmd.ExecuteScalar() is not null;
    }

    internal void WriteDoc(string kind, string id, string? json)
    {
        if (json is null)
        {
            Exec("DELETE FROM docs WHERE kind=$k AND id=$i", ("$k", kind), ("$i", id));
        }
        else
        {
            // An upsert keeps the row's rowid, so rowid order stays creation order (the push history's "newest").
            Exec("INSERT INTO docs(kind,id,json) VALUES($k,$i,$j) ON CONFLICT(kind,id) DO UPDATE SET json=excluded.json", ("$k", kind), ("$i", id), ("$j", json));
        }
    }

    internal IEnumerable<string> ReadAll(string kind) => Strings("SELECT json FROM docs WHERE kind=$k", ("$k", kind));

    public void Dispose() => _db.Dispose();
}
