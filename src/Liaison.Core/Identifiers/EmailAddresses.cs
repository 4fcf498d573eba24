using System.Globalization;

namespace Liaison.Core.Identifiers;

/// <summary>
/// Canonical e-mail addresses for matching: lower case, IDN domains in punycode, "+tag" sub-addresses
/// removed, and Gmail's ignored dots removed (googlemail.com is gmail.com). The original is kept on the record.
/// </summary>
public static class EmailAddresses
{
    private static readonly IdnMapping Idn = new();

    public static string? TryCanonicalize(string? raw, out string? reason)
    {
        reason = null;
        if (string.IsNullOrWhiteSpace(raw))
        {
            reason = "is empty";
            return null;
        }
        var text = raw.Trim();
        if (text.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase))
        {
            text = text[7..];
        }
        var at = text.LastIndexOf('@');
        if (at <= 0 || at == text.Length - 1 || text.Any(char.IsWhiteSpace) || text.IndexOf('@') != at)
        {
            reason = "is not an e-mail address (expected local@domain)";
            return null;
        }
        var local = text[..at].ToLowerInvariant();
        string domain;
        try
        {
            domain = Idn.GetAscii(text[(at + 1)..].TrimEnd('.')).ToLowerInvariant();
        }
        catch (ArgumentException)
        {
            reason = "has an invalid domain";
            return null;
        }
        if (!domain.Contains('.', StringComparison.Ordinal) || local.Length > 64)
        {
            reason = "has an invalid domain or local part";
            return null;
        }
        var plus = local.IndexOf('+', StringComparison.Ordinal);
        if (plus > 0)
        {
            local = local[..plus];
        }
        if (domain is "gmail.com" or "googlemail.com")
        {
            domain = "gmail.com";
            local = local.Replace(".", "", StringComparison.Ordinal);
        }
        return local + "@" + domain;
    }
}
