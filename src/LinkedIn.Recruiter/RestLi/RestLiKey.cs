using System.Text;

namespace LinkedIn.Recruiter;

/// <summary>
/// A Rest.li compound key: named string fields. Serialises to the body/path form
/// (<c>atsCandidateId=42&amp;dataProvider=ATS&amp;integrationContext=urn%3Ali%3Aorganization%3A1001</c>) and to the
/// query form (<c>ids[0].atsCandidateId=42&amp;...</c>). Values are percent-encoded (RFC 3986 unreserved stay).
/// Two keys are equal when their decoded field maps are equal, whatever the field order.
/// </summary>
public sealed class RestLiKey : IEquatable<RestLiKey>
{
    private readonly KeyValuePair<string, string>[] _fields;

    public RestLiKey(IEnumerable<KeyValuePair<string, string>> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        _fields = [.. fields];
        if (_fields.Length == 0)
        {
            throw new ArgumentException("A compound key needs at least one field.", nameof(fields));
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (name, value) in _fields)
        {
            if (string.IsNullOrEmpty(name) || name.AsSpan().IndexOfAny("=&[]") >= 0)
            {
                throw new ArgumentException($"Invalid key field name '{name}'.", nameof(fields));
            }

            ArgumentNullException.ThrowIfNull(value, name);
            if (!seen.Add(name))
            {
                throw new ArgumentException($"Duplicate key field '{name}'.", nameof(fields));
            }
        }
    }

    /// <summary>Creates a key from (name, value) pairs in the given order.</summary>
    public static RestLiKey Of(params (string Name, string Value)[] fields) =>
        new(fields.Select(f => KeyValuePair.Create(f.Name, f.Value)));

    /// <summary>The fields in the order they were given.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Fields => _fields;

    /// <summary>The decoded value of a field.</summary>
    public string this[string name] =>
        _fields.FirstOrDefault(f => f.Key == name) is { Key: not null } f
            ? f.Value
            : throw new KeyNotFoundException($"Key has no field '{name}'.");

    /// <summary>Body / path form: <c>a=v1&amp;b=v2</c> in field order, values percent-encoded.</summary>
    public override string ToString() => Join(_fields);

    /// <summary>Canonical form: fields sorted by name, values percent-encoded.</summary>
    public string ToCanonicalString() => Join(_fields.OrderBy(f => f.Key, StringComparer.Ordinal));

    /// <summary>Query form for position <paramref name="index"/>: <c>ids[i].a=v1&amp;ids[i].b=v2</c>.</summary>
    public string ToQueryString(int index, string parameter = "ids")
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        var sb = new StringBuilder();
        foreach (var (name, value) in _fields)
        {
            if (sb.Length > 0)
            {
                sb.Append('&');
            }

            sb.Append(parameter).Append('[').Append(index).Append("].").Append(name).Append('=').Append(Encode(value));
        }

        return sb.ToString();
    }

    /// <summary>Query string for a batch: <c>ids[0]...&amp;ids[1]...</c>.</summary>
    public static string ToBatchQueryString(IEnumerable<RestLiKey> keys, string parameter = "ids") =>
        string.Join('&', keys.Select((k, i) => k.ToQueryString(i, parameter)));

    /// <summary>Parses the body/path form (<c>a=v1&amp;b=v2</c>) or Rest.li 2.0 object form (<c>(a:v1,b:v2)</c>), decoding values.</summary>
    public static RestLiKey Parse(string keyString)
    {
        if (!TryParse(keyString, out var key))
        {
            throw new FormatException($"'{keyString}' is not a Rest.li compound key.");
        }

        return key;
    }

    /// <summary>Tries to parse the body/path form or the Rest.li 2.0 object form.</summary>
    public static bool TryParse(string? keyString, out RestLiKey key)
    {
        key = null!;
        if (string.IsNullOrEmpty(keyString))
        {
            return false;
        }

        // Rest.li 2.0 object notation, as real Rest.li servers write keys in batch response maps: (a:v1,b:v2).
        var object2 = keyString.Length > 2 && keyString[0] == '(' && keyString[^1] == ')';
        var parts = object2 ? keyString[1..^1].Split(',') : keyString.Split('&');
        var separator = object2 ? ':' : '=';
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var part in parts)
        {
            var eq = part.IndexOf(separator);
            if (eq <= 0)
            {
                return false;
            }

            var name = part[..eq];
            if (fields.Any(f => f.Key == name))
            {
                return false;
            }

            fields.Add(KeyValuePair.Create(name, Decode(part[(eq + 1)..])));
        }

        key = new RestLiKey(fields);
        return true;
    }

    /// <summary>Percent-encodes a value: RFC 3986 unreserved characters stay, everything else (UTF-8) is <c>%XX</c>.</summary>
    public static string Encode(string value) => Uri.EscapeDataString(value);

    /// <summary>Decodes a percent-encoded value.</summary>
    public static string Decode(string value) => Uri.UnescapeDataString(value);

    public bool Equals(RestLiKey? other)
    {
        if (other is null)
        {
            return false;
        }

        if (ReferenceEquals(this, other))
        {
            return true;
        }

        if (other._fields.Length != _fields.Length)
        {
            return false;
        }

        foreach (var (name, value) in _fields)
        {
            if (!other._fields.Any(f => f.Key == name && f.Value == value))
            {
                return false;
            }
        }

        return true;
    }

    public override bool Equals(object? obj) => Equals(obj as RestLiKey);

    public override int GetHashCode()
    {
        var hash = 0;
        foreach (var (name, value) in _fields)
        {
            hash ^= HashCode.Combine(name, value);
        }

        return hash;
    }

    private static string Join(IEnumerable<KeyValuePair<string, string>> fields) =>
        string.Join('&', fields.Select(f => f.Key + "=" + Encode(f.Value)));
}
