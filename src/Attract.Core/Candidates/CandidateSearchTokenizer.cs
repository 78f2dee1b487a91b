using System.Globalization;
using System.Text;

namespace Attract.Core.Candidates;

/// <summary>
/// Turns candidate data and search box text into the same normalised words: lower case (invariant), without
/// diacritics (é→e, ø→o, ß→ss), split on every character that is not a letter or digit, at most
/// <see cref="CandidateSearchTerm.MaxLength"/> characters. Whole email addresses are kept as terms too, so a typed
/// address matches as one word.
/// </summary>
public static class CandidateSearchTokenizer
{
    /// <summary>More words than this in the search box are ignored (each word is one indexed range scan).</summary>
    public const int MaxQueryWords = 8;

    /// <summary>The distinct search terms of a candidate with these names, company and emails.</summary>
    public static IReadOnlyList<string> Terms(string? firstName, string? lastName, string? company, IEnumerable<string> emails)
    {
        var terms = new List<string>();
        foreach (var text in new[] { firstName, lastName, company })
        {
            terms.AddRange(Words(text));
        }
        foreach (var email in emails)
        {
            terms.AddRange(Words(email));
            var whole = StripSurrogates(Normalize(email).Trim());
            if (whole.IndexOf('@', StringComparison.Ordinal) > 0 && !whole.Any(char.IsWhiteSpace))
            {
                terms.Add(Cap(whole));
            }
        }
        return terms.Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// The words of a search: each must be a prefix of some term of a matching candidate. A piece with an <c>@</c> after
    /// some text is kept whole (it prefixes a whole email address); everything else is split like the terms.
    /// </summary>
    public static IReadOnlyList<string> QueryWords(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }
        var words = new List<string>();
        foreach (var piece in text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            var normalized = Normalize(piece);
            if (normalized.IndexOf('@', StringComparison.Ordinal) > 0)
            {
                words.Add(Cap(StripSurrogates(normalized)));
            }
            else
            {
                words.AddRange(Words(piece));
            }
        }
        return words.Distinct(StringComparer.Ordinal).Take(MaxQueryWords).ToList();
    }

    /// <summary>The letter-or-digit runs of <paramref name="text"/>, normalised and capped.</summary>
    public static IEnumerable<string> Words(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            yield break;
        }
        var normalized = Normalize(text);
        var start = -1;
        for (var i = 0; i <= normalized.Length; i++)
        {
            // Surrogate halves are not letters: terms hold BMP characters only, so '\uffff' bounds every prefix range.
            var inWord = i < normalized.Length && char.IsLetterOrDigit(normalized[i]);
            if (inWord && start < 0)
            {
                start = i;
            }
            else if (!inWord && start >= 0)
            {
                yield return Cap(normalized[start..i]);
                start = -1;
            }
        }
    }

    /// <summary>Lower case (invariant) without diacritics.</summary>
    public static string Normalize(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }
            var lower = char.ToLowerInvariant(c);
            sb.Append(lower switch
            {
                'ß' => "ss",
                'æ' => "ae",
                'œ' => "oe",
                'ø' => "o",
                'ł' => "l",
                'đ' or 'ð' => "d",
                'þ' => "th",
                'ı' => "i",
                _ => lower.ToString(),
            });
        }
        return sb.ToString().Normalize(NormalizationForm.FormC);
    }

    private static string StripSurrogates(string text) =>
        text.Any(char.IsSurrogate) ? new string(text.Where(c => !char.IsSurrogate(c)).ToArray()) : text;

    private static string Cap(string term) => term.Length > CandidateSearchTerm.MaxLength ? term[..CandidateSearchTerm.MaxLength] : term;
}
