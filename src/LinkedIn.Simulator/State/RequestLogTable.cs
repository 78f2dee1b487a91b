using System.Text.Json;

namespace LinkedIn.Simulator.State;

/// <summary>
/// The partner request log's rows (table <c>request_log</c>), only in SQLite: the newest <paramref name="capacity"/> are kept,
/// older ones are trimmed as new ones arrive.
/// </summary>
internal sealed class RequestLogTable(StateStore store, int capacity)
{
    private const int TrimEvery = 100;

    public void Create() => store.Exec("""
        CREATE TABLE IF NOT EXISTS request_log(id INTEGER PRIMARY KEY, at INTEGER NOT NULL, method TEXT NOT NULL, path TEXT NOT NULL,
            client_id TEXT, headers TEXT NOT NULL, status INTEGER NOT NULL, duration_ms INTEGER NOT NULL);
        """);

    public void Add(long at, string method, string path, string? clientId, Dictionary<string, string> headers, int status, long durationMs) => store.Write(_ =>
    {
        using var insert = store.Command("""
            INSERT INTO request_log(at, method, path, client_id, headers, status, duration_ms) VALUES($at, $method, $path, $client, $headers, $status, $duration)
            RETURNING id
            """, ("$at", at), ("$method", method), ("$path", path), ("$client", clientId), ("$headers", JsonSerializer.Serialize(headers, StateStore.Json)),
            ("$status", status), ("$duration", durationMs));
        var id = (long)insert.ExecuteScalar()!;
        if (id % TrimEvery == 0)
        {
            store.Exec("DELETE FROM request_log WHERE id <= $oldest", ("$oldest", id - capacity));
        }
    });

    /// <summary>The newest <paramref name="count"/> entries (of one client app), newest first.</summary>
    public List<LoggedRequest> Newest(int count, string? clientId) => store.Read(_ =>
    {
        using var cmd = store.Command($"""
            SELECT id, at, method, path, client_id, headers, status, duration_ms FROM request_log
            {(clientId is null ? "" : "WHERE client_id=$client")} ORDER BY id DESC LIMIT $count
            """, ("$client", clientId), ("$count", Math.Clamp(count, 0, capacity)));
        using var reader = cmd.ExecuteReader();
        var entries = new List<LoggedRequest>();
        while (reader.Read())
        {
            entries.Add(new LoggedRequest(reader.GetInt64(0), reader.GetInt64(1), reader.GetString(2), reader.GetString(3), reader.IsDBNull(4) ? null : reader.GetString(4),
                JsonSerializer.Deserialize<Dictionary<string, string>>(reader.GetString(5), StateStore.Json) ?? [], reader.GetInt32(6), reader.GetInt64(7)));
        }
        return entries;
    });

    public void Clear() => store.Exec("DELETE FROM request_log");
}
