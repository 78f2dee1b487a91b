using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace LinkedIn.Simulator.State;

/// <summary>
/// The simulator's state: in-memory tables under one lock, written through to a SQLite file
/// (table <c>docs(kind, id, json)</c>) so that state survives a restart.
/// The store owns its lock: callers read and write through <see cref="Read{T}"/> and <see cref="Write(Action{StateStore})"/>,
/// whose delegates run under it (the lock is re-entrant, so a delegate may call helpers that read or write too).
/// </summary>
internal sealed class StateStore : IDisposable
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly SqliteConnection _db;
    private readonly object _gate = new();

    public Table<AppRec> Apps { get; }
    public Table<TokenRec> Tokens { get; }
    public Table<AuthCodeRec> AuthCodes { get; }
    public Table<SessionRec> Sessions { get; }
    public Table<IntegrationRec> Integrations { get; }
    public Table<RequestRec> Requests { get; }
    public Table<JobRec> Jobs { get; }
    public Table<TaskRec> Tasks { get; }
    public Table<EntityRec> Entities { get; }
    public Table<SubRec> Subs { get; }
    public Table<ExportRec> Exports { get; }
    public Table<PurgeRec> Purges { get; }
    public Table<PushRec> Pushes { get; }
    public Table<ConversationRec> Conversations { get; }
    public Table<EventRec> Events { get; }
    public Table<StubRec> Stubs { get; }
    public Table<ProspectNoteRec> ProspectNotes { get; }
    public Table<ProjectRec> Projects { get; }
    public Table<CounterRec> Counters { get; }
    public Table<SettingRec> Settings { get; }

    private readonly List<ITable> _tables = [];

    public StateStore(string path)
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
        Requests = Add(new Table<RequestRec>(this, "request", x => x.Id));
        Jobs = Add(new Table<JobRec>(this, "job", x => x.Key));
        Tasks = Add(new Table<TaskRec>(this, "task", x => x.Id));
        Entities = Add(new Table<EntityRec>(this, "entity", x => x.Key));
        Subs = Add(new Table<SubRec>(this, "sub", x => x.Key));
        Exports = Add(new Table<ExportRec>(this, "export", x => x.Id));
        Purges = Add(new Table<PurgeRec>(this, "purge", x => x.Id));
        Pushes = Add(new Table<PushRec>(this, "push", x => x.Id));
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
    }

    private Table<T> Add<T>(Table<T> t) where T : class
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

    /// <summary>Runs <paramref name="write"/> under the store's lock.</summary>
    public void Write(Action<StateStore> write)
    {
        lock (_gate)
        {
            write(this);
        }
    }

    /// <summary>Runs <paramref name="write"/> under the store's lock and returns its outcome.</summary>
    public T Write<T>(Func<StateStore, T> write)
    {
        lock (_gate)
        {
            return write(this);
        }
    }

    public bool IsEmpty => _tables.All(t => t.Count == 0);

    public void Clear()
    {
        Exec("DELETE FROM docs;");
        foreach (var t in _tables)
        {
            t.ClearMemory();
        }
    }

    public long NextId(string sequence, long start)
    {
        var s = Settings.Get("seq:" + sequence);
        var next = s is null ? start : long.Parse(s.Value, System.Globalization.CultureInfo.InvariantCulture) + 1;
        Settings.Put(new SettingRec { Key = "seq:" + sequence, Value = next.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        return next;
    }

    internal void Exec(string sql)
    {
        using var cmd = _db.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }

    internal void Write(string kind, string id, string? json)
    {
        using var cmd = _db.CreateCommand();
        if (json is null)
        {
            cmd.CommandText = "DELETE FROM docs WHERE kind=$k AND id=$i";
        }
        else
        {
            cmd.CommandText = "INSERT OR REPLACE INTO docs(kind,id,json) VALUES($k,$i,$j)";
            cmd.Parameters.AddWithValue("$j", json);
        }
        cmd.Parameters.AddWithValue("$k", kind);
        cmd.Parameters.AddWithValue("$i", id);
        cmd.ExecuteNonQuery();
    }

    internal IEnumerable<string> ReadAll(string kind)
    {
        using var cmd = _db.CreateCommand();
        cmd.CommandText = "SELECT json FROM docs WHERE kind=$k";
        cmd.Parameters.AddWithValue("$k", kind);
        using var r = cmd.ExecuteReader();
        var list = new List<string>();
        while (r.Read())
        {
            list.Add(r.GetString(0));
        }
        return list;
    }

    public void InTransaction(Action action)
    {
        using var tx = _db.BeginTransaction();
        action();
        tx.Commit();
    }

    public void Dispose() => _db.Dispose();
}
