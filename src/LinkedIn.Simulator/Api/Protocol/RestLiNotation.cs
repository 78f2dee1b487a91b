using System.Text;
using System.Text.Json.Nodes;

namespace LinkedIn.Simulator.Api.Protocol;

/// <summary>
/// The Rest.li 2.0 object and list notation of URLs (https://linkedin.github.io/rest.li/spec/protocol):
/// an object is <c>(k1:v1,k2:v2)</c>, a list is <c>List(a,b)</c>, leaves are percent-encoded and <c>''</c> is the empty string.
/// Parses the raw (still percent-encoded) text into <see cref="JsonObject"/>, <see cref="JsonArray"/> and string <see cref="JsonValue"/>s.
/// </summary>
internal static class RestLiNotation
{
    /// <summary>True when <paramref name="text"/> is written in the 2.0 notation (an object or a list), not a plain leaf.</summary>
    public static bool IsStructured(string text) =>
        text.StartsWith('(') || text.StartsWith("List(", StringComparison.Ordinal);

    /// <summary>Parses one value; <paramref name="plusIsSpace"/> for query strings. Throws <see cref="FormatException"/> when malformed.</summary>
    public static JsonNode Parse(string raw, bool plusIsSpace = false)
    {
        var p = new Parser(raw, plusIsSpace);
        var node = p.Value(topLevel: true);
        return p.AtEnd ? node : throw new FormatException($"Unexpected '{raw[p.Position]}' at {p.Position} in Rest.li 2.0 value '{raw}'");
    }

    /// <summary>Percent-encodes the characters that are structural in the notation (the "reduced" encoding of keys in bodies).</summary>
    public static string ReducedEncode(string value)
    {
        var sb = new StringBuilder(value.Length);
        foreach (var ch in value)
        {
            sb.Append(ch switch
            {
                '%' => "%25",
                ',' => "%2C",
                '(' => "%28",
                ')' => "%29",
                '\'' => "%27",
                ':' => "%3A",
                _ => ch.ToString(),
            });
        }
        return sb.ToString();
    }

    private sealed class Parser(string raw, bool plusIsSpace)
    {
        public int Position { get; private set; }

        public bool AtEnd => Position == raw.Length;

        public JsonNode Value(bool topLevel = false)
        {
            if (Rest.StartsWith("List(", StringComparison.Ordinal))
            {
                Position += 5;
                return List();
            }
            if (Rest.StartsWith('('))
            {
                Position++;
                return Object();
            }
            // A top-level leaf runs to the end; inside a structure it stops at ',' or ')' (a value may contain ':', e.g. an unencoded URN).
            return JsonValue.Create(Leaf(topLevel ? "" : ",)"));
        }

        private string Rest => raw[Position..];

        private JsonArray List()
        {
            var list = new JsonArray();
            while (!Take(')'))
            {
                if (list.Count > 0 && !Take(','))
                {
                    throw Error("',' or ')'");
                }
                list.Add(Value());
            }
            return list;
        }

        private JsonObject Object()
        {
            var obj = new JsonObject();
            while (!Take(')'))
            {
                if (obj.Count > 0 && !Take(','))
                {
                    throw Error("',' or ')'");
                }
                var key = Leaf(":,)");
                if (!Take(':'))
                {
                    throw Error("':'");
                }
                obj[key] = Value();
            }
            return obj;
        }

        private bool Take(char c)
        {
            if (Position < raw.Length && raw[Position] == c)
            {
                Position++;
                return true;
            }
            if (Position >= raw.Length && c == ')')
            {
                throw Error("')'");
            }
            return false;
        }

        private string Leaf(string stops)
        {
            var start = Position;
            while (Position < raw.Length && !stops.Contains(raw[Position]))
            {
                Position++;
            }
            var text = raw[start..Position];
            if (text == "''")
            {
                return "";
            }
            return Uri.UnescapeDataString(plusIsSpace ? text.Replace('+', ' ') : text);
        }

        private FormatException Error(string expected) =>
            new($"Expected {expected} at {Position} in Rest.li 2.0 value '{raw}'");
    }
}
