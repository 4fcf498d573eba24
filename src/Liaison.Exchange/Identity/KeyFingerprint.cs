namespace Liaison.Exchange.Identity;

/// <summary>
/// The form of a signing key that two operators read to each other over the phone before adding a
/// peer: the SHA-256 of the key's canonical JWK (its RFC 7638 thumbprint), as upper-case hex in
/// groups of four ("3F2A 91C0 …", 16 groups).
/// </summary>
public static class KeyFingerprint
{
    public static string Of(PublicJwk key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return Format(key.ThumbprintBytes());
    }

    internal static string Format(byte[] digest)
    {
        var hex = Convert.ToHexString(digest);
        return string.Join(' ', Enumerable.Range(0, hex.Length / 4).Select(i => hex.Substring(i * 4, 4)));
    }
}
