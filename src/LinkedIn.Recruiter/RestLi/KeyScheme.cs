namespace LinkedIn.Recruiter;

/// <summary>How a batch key type is written into URLs and bodies and matched back from responses.</summary>
internal abstract class KeyScheme<TKey>
    where TKey : notnull
{
    /// <summary>The key as used in a body map / response map.</summary>
    public abstract string BodyKey(TKey key);

    /// <summary>The <c>ids</c> query string part of one key at a position in the batch.</summary>
    public abstract string QueryPart(TKey key, int index);

    /// <summary>The <c>ids</c> query string for a batch.</summary>
    public string Query(IReadOnlyList<TKey> keys) => string.Join('&', keys.Select((k, i) => QueryPart(k, i)));

    /// <summary>
    /// Splits keys into sequential batches of at most <paramref name="maxKeys"/> whose URL
    /// (<paramref name="path"/> + "?" + ids) stays within <paramref name="maxUrlLength"/> characters (0 = no URL limit).
    /// A single key longer than the limit still goes alone.
    /// </summary>
    public IEnumerable<TKey[]> Batches(IReadOnlyList<TKey> keys, string path, int maxKeys, int maxUrlLength)
    {
        var current = new List<TKey>();
        var length = path.Length + 1;
        foreach (var key in keys)
        {
            var part = QueryPart(key, current.Count).Length + (current.Count > 0 ? 1 : 0);
            if (current.Count > 0 && (current.Count >= maxKeys || (maxUrlLength > 0 && length + part > maxUrlLength)))
            {
                yield return [.. current];
                current.Clear();
                length = path.Length + 1;
                part = QueryPart(key, 0).Length;
            }

            current.Add(key);
            length += part;
        }

        if (current.Count > 0)
        {
            yield return [.. current];
        }
    }

    /// <summary>Returns a resolver from response keys to the batch's keys.</summary>
    public abstract Func<string, (bool Found, TKey Key)> Resolver(IReadOnlyList<TKey> keys);
}

/// <summary>Compound keys: <c>ids[i].field=</c> in the query, <c>field=value&amp;…</c> in bodies, compared as decoded maps.</summary>
internal sealed class CompoundKeyScheme<TKey> : KeyScheme<TKey>
    where TKey : notnull, IRestLiCompoundKey
{
    public static readonly CompoundKeyScheme<TKey> Instance = new();

    public override string BodyKey(TKey key) => key.ToRestLiKey().ToString();

    public override string QueryPart(TKey key, int index) => key.ToRestLiKey().ToQueryString(index);

    public override Func<string, (bool Found, TKey Key)> Resolver(IReadOnlyList<TKey> keys)
    {
        var map = keys.ToDictionary(k => k.ToRestLiKey());
        return s => RestLiKey.TryParse(s, out var parsed) && map.TryGetValue(parsed, out var key) ? (true, key) : (false, default!);
    }
}

/// <summary>Simple string keys: <c>ids=a&amp;ids=b</c> (percent-encoded) in the query, raw in bodies.</summary>
internal sealed class SimpleKeyScheme : KeyScheme<string>
{
    public static readonly SimpleKeyScheme Instance = new();

    public override string BodyKey(string key) => key;

    public override string QueryPart(string key, int index) => "ids=" + RestLiKey.Encode(key);

    public override Func<string, (bool Found, string Key)> Resolver(IReadOnlyList<string> keys)
    {
        var set = new HashSet<string>(keys, StringComparer.Ordinal);
        return s =>
        {
            if (set.Contains(s))
            {
                return (true, s);
            }

            string decoded;
            try
            {
                decoded = RestLiKey.Decode(s);
            }
            catch (UriFormatException)
            {
                return (false, "");
            }

            return set.Contains(decoded) ? (true, decoded) : (false, "");
        };
    }
}
