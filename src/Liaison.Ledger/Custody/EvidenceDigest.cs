namespace Liaison.Ledger.Custody;

/// <summary>The name of an evidence item: <c>sha256:</c> and the lower-case hex SHA-256 of its bytes.</summary>
public static class EvidenceDigest
{
    public const string Prefix = "sha256:";

    public static string FromHash(ReadOnlySpan<byte> sha256) => Prefix + Convert.ToHexStringLower(sha256);

    /// <summary>Accepts <c>sha256:hex</c> or bare hex; returns the canonical form or throws <see cref="FormatException"/>.</summary>
    public static string Normalise(string item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var hex = item.StartsWith(Prefix, StringComparison.Ordinal) ? item[Prefix.Length..] : item;
        if (hex.Length != 64 || !hex.All(char.IsAsciiHexDigit))
        {
            throw new FormatException($"'{item}' is not a SHA-256 evidence id (sha256: and 64 hex digits)");
        }
        return Prefix + hex.ToLowerInvariant();
    }

    public static string Hex(string digest) => Normalise(digest)[Prefix.Length..];
}
