using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;

namespace LinkedIn.Simulator;

/// <summary>
/// The simulator's state: in-memory tables under one lock, written through to a SQLite file
/// (table <c>docs(kind, id, json)</c>) so that state survives a restart.
/// </summary>
internal sealed class SimStore : IDisposable
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly SqliteConnection _db;
    public object Gate { get; } = new();

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

    public SimStore(string path)
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

internal interface ITable
{
    void Load();
    void ClearMemory();
    int Count { get; }
}

internal sealed class Table<T>(SimStore store, string kind, Func<T, string> key) : ITable where T : class
{
    private readonly Dictionary<string, T> _rows = new(StringComparer.Ordinal);

    public int Count => _rows.Count;
    public IEnumerable<T> All => _rows.Values;

    public T? Get(string id) => _rows.GetValueOrDefault(id);

    public void Put(T row)
    {
        var id = key(row);
        _rows[id] = row;
        store.Write(kind, id, JsonSerializer.Serialize(row, SimStore.Json));
    }

    public bool Delete(string id)
    {
        if (_rows.Remove(id))
        {
            store.Write(kind, id, null);
            return true;
        }
        return false;
    }

    public void Load()
    {
        foreach (var json in store.ReadAll(kind))
        {
            var row = JsonSerializer.Deserialize<T>(json, SimStore.Json);
            if (row is not null)
            {
                _rows[key(row)] = row;
            }
        }
    }

    public void ClearMemory() => _rows.Clear();
}

internal sealed class AppRec
{
    public string ClientId { get; set; } = "";
    public string ClientSecret { get; set; } = "";
    public long Id { get; set; }
    public string Urn => $"urn:li:developerApplication:{Id}";
    public bool IsParent { get; set; }
    public string? ParentClientId { get; set; }
    public string? UniqueForeignId { get; set; }
    public string Name { get; set; } = "";
    public string? Description { get; set; }
    public List<string> CallbackUrls { get; set; } = [];
    public List<string> JsSdkDomains { get; set; } = [];
    public bool AllowTwoLegged { get; set; } = true;
    public long CreatedAt { get; set; }
}

internal sealed class TokenRec
{
    public string Token { get; set; } = "";
    public string ClientId { get; set; } = "";
    public bool IsRefresh { get; set; }
    public bool ThreeLegged { get; set; }
    public string? MemberId { get; set; }
    public string? Contract { get; set; }
    public string? Scope { get; set; }
    public long ExpiresAt { get; set; }
    public long RefreshExpiresAt { get; set; }
}

internal sealed class AuthCodeRec
{
    public string Code { get; set; } = "";
    public string ClientId { get; set; } = "";
    public string RedirectUri { get; set; } = "";
    public string CodeChallenge { get; set; } = "";
    public string MemberId { get; set; } = "";
    public string? Contract { get; set; }
    public string? Scope { get; set; }
    public long ExpiresAt { get; set; }
    public bool Used { get; set; }
}

internal sealed class SessionRec
{
    public string Id { get; set; } = "";
    public string MemberId { get; set; } = "";
    public string? Seat { get; set; }
    public long CreatedAt { get; set; }
}

internal sealed class IntegrationRec
{
    public string ClientId { get; set; } = "";
    public string Context { get; set; } = "";
    public string Type { get; set; } = "";
    public string Key => $"{ClientId}|{Context}|{Type}";
    public string? Name { get; set; }
    public string Status { get; set; } = "NOT_REQUESTED";
    public bool EverEnabled { get; set; }
    public long LastModifiedAt { get; set; }
    public long? RequestedAt { get; set; }
    public string? RequestId { get; set; }
    public Dictionary<string, string> Configurations { get; set; } = [];
}

internal sealed class RequestRec
{
    public string Id { get; set; } = "";
    public string ClientId { get; set; } = "";
    public string Kind { get; set; } = "";
    public List<string> IntegrationKeys { get; set; } = [];
    public long CreatedAt { get; set; }
}

internal sealed class JobRec
{
    public string ClientId { get; set; } = "";
    public string Context { get; set; } = "";
    public string ExternalJobPostingId { get; set; } = "";
    public string Key => $"{ClientId}|{Context}|{ExternalJobPostingId}";
    public string Title { get; set; } = "";
    public string? CompanyJobCode { get; set; }
    public string State { get; set; } = "LISTED";
    public string? Location { get; set; }
    public string Json { get; set; } = "{}";
    public long LastModifiedAt { get; set; }
}

internal sealed class TaskRec
{
    public string Id { get; set; } = "";
    public string ClientId { get; set; } = "";
    public string ExternalJobPostingId { get; set; } = "";
    public string Status { get; set; } = "SUCCEEDED";
    public string? Error { get; set; }
    public long CreatedAt { get; set; }
}

/// <summary>A compound-keyed sync entity (candidate, application, ACL, ACL assignee).</summary>
internal sealed class EntityRec
{
    public string Resource { get; set; } = "";
    public string ClientId { get; set; } = "";
    public string CanonicalKey { get; set; } = "";
    public string Key => $"{ClientId}|{Resource}|{CanonicalKey}";
    public Dictionary<string, string> KeyFields { get; set; } = [];
    public string Json { get; set; } = "{}";
    public string? ManualMatchedMember { get; set; }
    public long LastModifiedAt { get; set; }
}

/// <summary>A simple-keyed sub-resource entity (notes, stages, interview feedback) of an <see cref="EntityRec"/>.</summary>
internal sealed class SubRec
{
    public string ParentKey { get; set; } = "";
    public string SubResource { get; set; } = "";
    public string Id { get; set; } = "";
    public string Key => $"{ParentKey}|{SubResource}|{Id}";
    public string Json { get; set; } = "{}";
}

internal sealed class ExportRec
{
    public string Id { get; set; } = "";
    public string RequestId { get; set; } = "";
    public string ClientId { get; set; } = "";
    public string MemberId { get; set; } = "";
    public string ExternalJobPostingId { get; set; } = "";
    public string Context { get; set; } = "";
    public string Seat { get; set; } = "";
    public string SeatMember { get; set; } = "";
    public string Contract { get; set; } = "";
    public long ExportedAt { get; set; }
}

internal sealed class PurgeRec
{
    public string Id { get; set; } = "";
    public string ClientId { get; set; } = "";
    public string Context { get; set; } = "";
    public string MemberId { get; set; } = "";
    public string RequestId { get; set; } = "";
    public long PurgedAt { get; set; }
}

internal sealed class PushRec
{
    public string Id { get; set; } = "";
    public string ClientId { get; set; } = "";
    public string Type { get; set; } = "";
    public string? Url { get; set; }
    public string Body { get; set; } = "";
    public string Signature { get; set; } = "";
    public int Attempts { get; set; }
    public string Status { get; set; } = "PENDING";
    public List<int> ResponseCodes { get; set; } = [];
    public long CreatedAt { get; set; }
}

internal sealed class ConversationRec
{
    public string Id { get; set; } = "";
    public string Seat { get; set; } = "";
    public string MemberId { get; set; } = "";
    public string Subject { get; set; } = "";
    public string State { get; set; } = "PENDING";
    public long CreatedAt { get; set; }
}

internal sealed class EventRec
{
    public string Id { get; set; } = "";
    public string ConversationId { get; set; } = "";
    public string EventType { get; set; } = "";
    public string Sender { get; set; } = "";
    public string Seat { get; set; } = "";
    public string Prospect { get; set; } = "";
    public string Subject { get; set; } = "";
    public string Body { get; set; } = "";
    public long CreatedAt { get; set; }
    public long Seq { get; set; }
}

internal sealed class StubRec
{
    public string Id { get; set; } = "";
    public string MemberId { get; set; } = "";
    public string FirstName { get; set; } = "";
    public string LastName { get; set; } = "";
    public string? EmailAddress { get; set; }
    public string? PhoneNumber { get; set; }
    public string Owner { get; set; } = "";
    public string Contract { get; set; } = "";
    public long CreatedAt { get; set; }
}

internal sealed class ProspectNoteRec
{
    public string Id { get; set; } = "";
    public string MemberId { get; set; } = "";
    public string Owner { get; set; } = "";
    public string Contract { get; set; } = "";
    public string Note { get; set; } = "";
    public string Visibility { get; set; } = "PUBLIC";
    public bool Active { get; set; } = true;
    public long CreatedAt { get; set; }
    public long LastModifiedAt { get; set; }
}

internal sealed class ProjectRec
{
    public string Id { get; set; } = "";
    public string Name { get; set; } = "";
    public string Seat { get; set; } = "";
    public List<string> Members { get; set; } = [];
    public long CreatedAt { get; set; }
}

internal sealed class CounterRec
{
    public string Key { get; set; } = "";
    public long Count { get; set; }
}

internal sealed class SettingRec
{
    public string Key { get; set; } = "";
    public string Value { get; set; } = "";
}

internal static class JsonExt
{
    public static JsonObject Obj(string json) => JsonNode.Parse(json) as JsonObject ?? [];
}
