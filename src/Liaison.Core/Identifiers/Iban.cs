using System.Numerics;

namespace Liaison.Core.Identifiers;

/// <summary>ISO 13616 IBANs: electronic form (no spaces, upper case), country length and mod-97 checksum.</summary>
public static class Iban
{
    // IBAN lengths per country (SWIFT IBAN registry), for the countries our agencies exchange most with.
    private static readonly Dictionary<string, int> Lengths = new(StringComparer.Ordinal)
    {
        ["AD"] = 24, ["AE"] = 23, ["AL"] = 28, ["AT"] = 20, ["AZ"] = 28, ["BA"] = 20, ["BE"] = 16, ["BG"] = 22,
        ["BH"] = 22, ["BR"] = 29, ["CH"] = 21, ["CY"] = 28, ["CZ"] = 24, ["DE"] = 22, ["DK"] = 18, ["DO"] = 28,
        ["EE"] = 20, ["EG"] = 29, ["ES"] = 24, ["FI"] = 18, ["FO"] = 18, ["FR"] = 27, ["GB"] = 22, ["GE"] = 22,
        ["GI"] = 23, ["GL"] = 18, ["GR"] = 27, ["HR"] = 21, ["HU"] = 28, ["IE"] = 22, ["IL"] = 23, ["IS"] = 26,
        ["IT"] = 27, ["JO"] = 30, ["KW"] = 30, ["KZ"] = 20, ["LB"] = 28, ["LI"] = 21, ["LT"] = 20, ["LU"] = 20,
        ["LV"] = 21, ["MC"] = 27, ["MD"] = 24, ["ME"] = 22, ["MK"] = 19, ["MT"] = 31, ["MU"] = 30, ["NL"] = 18,
        ["NO"] = 15, ["PK"] = 24, ["PL"] = 28, ["PS"] = 29, ["PT"] = 25, ["QA"] = 29, ["RO"] = 24, ["RS"] = 22,
        ["SA"] = 24, ["SE"] = 24, ["SI"] = 19, ["SK"] = 24, ["SM"] = 27, ["TN"] = 24, ["TR"] = 26, ["UA"] = 29,
        ["VG"] = 24, ["XK"] = 20,
    };

    public static string? TryNormalize(string? raw, out string? reason)
    {
        reason = null;
        if (string.IsNullOrWhiteSpace(raw))
        {
            reason = "is empty";
            return null;
        }
        var iban = new string(raw.Where(c => !char.IsWhiteSpace(c) && c != '-').ToArray()).ToUpperInvariant();
        if (iban.StartsWith("IBAN", StringComparison.Ordinal))
        {
            iban = iban[4..];
        }
        if (iban.Length < 15 || iban.Length > 34 || !iban.All(char.IsAsciiLetterOrDigit)
            || !char.IsAsciiLetter(iban[0]) || !char.IsAsciiLetter(iban[1]) || !char.IsAsciiDigit(iban[2]) || !char.IsAsciiDigit(iban[3]))
        {
            reason = "is not an IBAN (expected country code, check digits and account number)";
            return null;
        }
        if (Lengths.TryGetValue(iban[..2], out var length) && iban.Length != length)
        {
            reason = $"has {iban.Length} characters; an IBAN from {iban[..2]} has {length}";
            return null;
        }
        if (Mod97(iban[4..] + iban[..4]) != 1)
        {
            reason = "fails the IBAN check digits (mod 97)";
            return null;
        }
        return iban;
    }

    private static int Mod97(string rearranged)
    {
        var digits = new System.Text.StringBuilder(rearranged.Length * 2);
        foreach (var c in rearranged)
        {
            digits.Append(char.IsAsciiDigit(c) ? (c - '0').ToString(System.Globalization.CultureInfo.InvariantCulture) : (c - 'A' + 10).ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        return (int)(BigInteger.Parse(digits.ToString(), System.Globalization.CultureInfo.InvariantCulture) % 97);
    }
}
