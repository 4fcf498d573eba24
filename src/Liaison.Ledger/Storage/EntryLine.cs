using System.Globalization;
using System.Text;
using Liaison.Ledger.Entries;

namespace Liaison.Ledger.Storage;

/// <summary>
/// One line of an <c>entries.log</c> file: <c>index TAB leaf-hash-hex TAB canonical-json LF</c>. Canonical
/// JSON never contains a raw tab or newline (they are escaped), so the line splits unambiguously, and any
/// text tool can read it. A line that does not parse still yields an entry (index −1, empty hash) so a
/// verifier can name its position instead of stopping at an exception.
/// </summary>
internal static class EntryLine
{
    public static byte[] Format(LedgerEntry entry)
    {
        var prefix = Encoding.ASCII.GetBytes(
            entry.Index.ToString(CultureInfo.InvariantCulture) + "\t" + Convert.ToHexStringLower(entry.LeafHash) + "\t");
        var line = new byte[prefix.Length + entry.Payload.Length + 1];
        prefix.CopyTo(line, 0);
        entry.Payload.CopyTo(line, prefix.Length);
        line[^1] = (byte)'\n';
        return line;
    }

    /// <summary>Parses a line without its trailing newline.</summary>
    public static LedgerEntry Parse(ReadOnlySpan<byte> line)
    {
        var firstTab = line.IndexOf((byte)'\t');
        if (firstTab < 0)
        {
            return new LedgerEntry(-1, line.ToArray(), []);
        }
        var rest = line[(firstTab + 1)..];
        var secondTab = rest.IndexOf((byte)'\t');
        if (secondTab < 0)
        {
            return new LedgerEntry(-1, line.ToArray(), []);
        }
        var indexText = Encoding.ASCII.GetString(line[..firstTab]);
        var index = IsCanonicalNumber(indexText) && long.TryParse(indexText, NumberStyles.None, CultureInfo.InvariantCulture, out var i) ? i : -1;
        var hashText = Encoding.ASCII.GetString(rest[..secondTab]);
        var hash = hashText.Length == 64 && hashText.All(IsLowerHex) ? Convert.FromHexString(hashText) : [];
        return new LedgerEntry(index, rest[(secondTab + 1)..].ToArray(), hash);
    }

    private static bool IsCanonicalNumber(string s) => s.Length > 0 && s.All(char.IsAsciiDigit) && (s == "0" || s[0] != '0');

    private static bool IsLowerHex(char c) => char.IsAsciiDigit(c) || c is >= 'a' and <= 'f';
}
