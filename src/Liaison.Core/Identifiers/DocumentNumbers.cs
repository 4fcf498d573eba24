namespace Liaison.Core.Identifiers;

/// <summary>Passport, ID-card and licence numbers: upper case, separators removed (as printed in the MRZ).</summary>
public static class DocumentNumbers
{
    public static string? TryNormalize(string? raw, out string? reason)
    {
        reason = null;
        if (string.IsNullOrWhiteSpace(raw))
        {
            reason = "is empty";
            return null;
        }
        var n = new string(raw.Where(c => !char.IsWhiteSpace(c) && c is not ('-' or '.' or '/' or '<')).ToArray()).ToUpperInvariant();
        if (n.Length is < 3 or > 30 || !n.All(char.IsAsciiLetterOrDigit))
        {
            reason = "is not a document number (3 to 30 letters and digits)";
            return null;
        }
        return n;
    }
}
