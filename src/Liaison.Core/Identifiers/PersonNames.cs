using System.Globalization;
using System.Text;

namespace Liaison.Core.Identifiers;

/// <summary>
/// Person names for search and matching. The record keeps the name as written; these keys are derived:
/// <see cref="Folded"/> (NFKC + case fold), <see cref="SearchKey"/> (also without diacritics and
/// transliterated to Latin: Cyrillic, Greek, Arabic; Turkish, Romanian, Vietnamese letters), and
/// <see cref="OrderInsensitiveKey"/> (tokens sorted, for "SURNAME Given" vs "Given Surname").
/// </summary>
public static class PersonNames
{
    public static string Folded(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return CollapseSpaces(name.Normalize(NormalizationForm.FormKC).ToLowerInvariant());
    }

    public static string SearchKey(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var decomposed = name.Normalize(NormalizationForm.FormKC).ToLowerInvariant().Normalize(NormalizationForm.FormD);
        var bare = new StringBuilder(decomposed.Length);
        foreach (var ch in decomposed)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(ch);
            if (category is not (UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark))
            {
                bare.Append(ch);
            }
        }
        // Greek digraphs romanised as units (ELOT 743).
        bare.Replace("ου", "ou").Replace("αυ", "av").Replace("ευ", "ev");
        var sb = new StringBuilder(bare.Length);
        foreach (var ch in bare.ToString())
        {
            if (Transliteration.TryGetValue(ch, out var latin))
            {
                sb.Append(latin);
            }
            else if (char.IsLetterOrDigit(ch))
            {
                sb.Append(ch);
            }
            else
            {
                // Hyphens, apostrophes, dots and other punctuation separate name parts.
                sb.Append(' ');
            }
        }
        return CollapseSpaces(sb.ToString());
    }

    public static string OrderInsensitiveKey(string name)
    {
        var tokens = SearchKey(name).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Array.Sort(tokens, StringComparer.Ordinal);
        return string.Join(' ', tokens);
    }

    private static string CollapseSpaces(string s) =>
        string.Join(' ', s.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    // Lower-case letters only: input is case-folded first. Cyrillic follows a simplified
    // passport-style (ICAO 9303) romanisation; Greek ELOT 743; Arabic a simple consonant skeleton.
    private static readonly Dictionary<char, string> Transliteration = BuildTable();

    private static Dictionary<char, string> BuildTable()
    {
        var t = new Dictionary<char, string>();
        void Add(string letters, params string[] latin)
        {
            for (var i = 0; i < letters.Length; i++)
            {
                t[letters[i]] = latin[i];
            }
        }
        // Cyrillic (Russian, Ukrainian, Belarusian, Bulgarian, Serbian, Macedonian)
        Add("абвгдежзийклмнопрстуфхцчшщъыьэюя",
            "a", "b", "v", "g", "d", "e", "zh", "z", "i", "i", "k", "l", "m", "n", "o", "p", "r", "s", "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "ie", "y", "", "e", "iu", "ia");
        Add("ёєіїґўђјљњћџѓќѕ", "e", "ie", "i", "i", "g", "u", "dj", "j", "lj", "nj", "c", "dz", "gj", "kj", "dz");
        // Greek (accents are already stripped by the decomposition)
        Add("αβγδεζηθικλμνξοπρσςτυφχψω",
            "a", "v", "g", "d", "e", "z", "i", "th", "i", "k", "l", "m", "n", "x", "o", "p", "r", "s", "s", "t", "y", "f", "ch", "ps", "o");
        // Arabic letters (no vowels are written, so the key is a consonant skeleton)
        Add("ابتثجحخدذرزسشصضطظعغفقكلمنهويءآأإةى",
            "a", "b", "t", "th", "j", "h", "kh", "d", "dh", "r", "z", "s", "sh", "s", "d", "t", "z", "", "gh", "f", "q", "k", "l", "m", "n", "h", "w", "y", "", "a", "a", "i", "a", "a");
        // Latin letters that do not decompose into base + mark
        Add("ßøłđðþæœıŀħŧ", "ss", "o", "l", "d", "d", "th", "ae", "oe", "i", "l", "h", "t");
        return t;
    }
}
