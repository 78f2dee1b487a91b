using System.Text.Json;

namespace LinkedIn.Simulator.State;

/// <summary>A table of the store: loaded (or created) when the store opens, emptied on reset.</summary>
internal interface ITable
{
    void Load();
    void Clear();
    bool IsEmpty { get; }
}

/// <summary>A small table held in memory and written through to the store's <c>docs</c> rows of its kind.</summary>
internal sealed class Table<T>(StateStore store, string kind, Func<T, string> key) : ITable where T : class
{
    private readonly Dictionary<string, T> _rows = new(StringComparer.Ordinal);

    public bool IsEmpty => _rows.Count == 0;
    public IEnumerable<T> All => _rows.Values;

    public T? Get(string id) => _rows.GetValueOrDefault(id);

    public void Put(T row)
    {
        var id = key(row);
        _rows[id] = row;
        store.WriteDoc(kind, id, JsonSerializer.Serialize(row, StateStore.Json));
    }

    public bool Delete(string id)
    {
        if (_rows.Remove(id))
        {
            store.WriteDoc(kind, id, null);
            return true;
        }
        return false;
    }

    public void Load()
    {
        foreach (var json in store.ReadAll(kind))
        {
            var row = JsonSerializer.Deserialize<T>(json, StateStore.Json);
            if (row is not null)
            {
                _rows[key(row)] = row;
            }
        }
    }

    public void Clear() => _rows.Clear();
}

/// <summary>
/// A growing table kept only in the store's <c>docs</c> rows of its kind and read on demand: by id, as a scan, or the newest rows.
/// A row read is a copy: put it back to keep a change.
/// </summary>
internal sealed class DocTable<T>(StateStore store, string kind, Func<T, string> key) : ITable where T : class
{
    public bool IsEmpty => !store.Any("SELECT 1 FROM docs WHERE kind=$k LIMIT 1", ("$k", kind));

    /// <summary>Every row, read as it is consumed (under the store's lock).</summary>
    public IEnumerable<T> All => store.ReadAll(kind).Select(Parse);

    public T? Get(string id) =>
        store.Strings("SELECT json FROM docs WHERE kind=$k AND id=$i", ("$k", kind), ("$i", id)).Select(Parse).FirstOrDefault();

    /// <summary>The <paramref name="count"/> rows stored last (by first store), newest first, optionally of one JSON field value.</summary>
    public List<T> Newest(int count, string? field = null, string? value = null) => [.. (field is null
        ? store.Strings("SELECT json FROM docs WHERE kind=$k ORDER BY rowid DESC LIMIT $n", ("$k", kind), ("$n", count))
        : store.Strings("SELECT json FROM docs WHERE kind=$k AND json_extract(json, $f)=$v ORDER BY rowid DESC LIMIT $n", ("$k", kind), ("$f", "$." + field), ("$v", value), ("$n", count)))
        .Select(Parse)];

    public void Put(T row) => store.WriteDoc(kind, key(row), JsonSerializer.Serialize(row, StateStore.Json));

    public void Delete(string id) => store.WriteDoc(kind, id, null);

    public void Load()
    {
    }

    public void Clear()
    {
    }

    private static T Parse(string json) => JsonSerializer.Deserialize<T>(json, StateStore.Json)!;
}
