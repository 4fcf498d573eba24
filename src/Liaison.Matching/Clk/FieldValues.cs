using System.Text;
using Liaison.Core.Identifiers;

namespace Liaison.Matching.Clk;

/// <summary>Normalisation and n-gram tokenisation of one field value, the plaintext side of a CLK.</summary>
internal static class FieldValues
{
    /// <summary>The canonical form a field is tokenised from; null when nothing is left (missing value).</summary>
    public static string? Normalise(FieldSpec field, string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return null;
        }
        var value = field.Kind switch
        {
            FieldKind.Name or FieldKind.Text => field.OrderInsensitive ? PersonNames.OrderInsensitiveKey(raw) : PersonNames.SearchKey(raw),
            FieldKind.Date => PartialDate.TryParse(raw, out var date) ? date.ToString().Replace("-", "", StringComparison.Ordinal) : DigitsOf(raw),
            FieldKind.Digits => DigitsOf(raw),
            _ => throw new ArgumentOutOfRangeException(nameof(field), field.Kind, "unknown field kind"),
        };
        return value.Length == 0 ? null : value;
    }

    /// <summary>
    /// n-grams as clkhash cuts them: for n &gt; 1 the value is padded with one space each side (so first and
    /// last letters count), positional n-grams are prefixed with their 1-based position.
    /// </summary>
    public static List<string> Tokens(FieldSpec field, string normalised)
    {
        var n = field.Ngram;
        var word = n > 1 ? " " + normalised + " " : normalised;
        var tokens = new List<string>(Math.Max(1, word.Length - n + 1));
        if (word.Length < n)
        {
            tokens.Add(field.Positional ? "1 " + word : word);
            return tokens;
        }
        for (var i = 0; i + n <= word.Length; i++)
        {
            var gram = word.Substring(i, n);
            tokens.Add(field.Positional ? string.Concat((i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), " ", gram) : gram);
        }
        return tokens;
    }

    private static string DigitsOf(string raw)
    {
        var sb = new StringBuilder(raw.Length);
        foreach (var ch in raw)
        {
            if (char.IsAsciiDigit(ch))
            {
                sb.Append(ch);
            }
        }
        return sb.ToString();
    }
}
