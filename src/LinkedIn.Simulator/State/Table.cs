using System.Text.Json;

namespace LinkedIn.Simulator.State;

/// <summary>A table the store loads at start and clears on reset.</summary>
internal interface ITable
{
    void Load();
    void ClearMemory();
    int Count { get; }
}

internal sealed class Table<T>(StateStore store, string kind, Func<T, string> key) : ITable where T : class
{
    private readonly Dictionary<string, T> _rows = new(StringComparer.Ordinal);

    public int Count => _rows.Count;
    public IEnumerable<T> All => _rows.Values;

    public T? Get(string id) => _rows.GetValueOrDefault(id);

    public void Put(T row)
    {
        var id = key(row);
        _rows[id] = row;
        store.Write(kind, id, JsonSerializer.Serialize(row, StateStore.Json));
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
            var row = JsonSerializer.Deserialize<T>(json, StateStore.Json);
            if (row is not null)
            {
                _rows[key(row)] = row;
            }
        }
    }

    public void ClearMemory() => _rows.Clear();
}
