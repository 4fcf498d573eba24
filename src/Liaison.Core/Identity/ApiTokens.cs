using System.Security.Cryptography;
using System.Text;

namespace Liaison.Core.Identity;

/// <summary>
/// API tokens: 32 random bytes, shown to the user once as "lsn_" + base64url, stored only as the hex
/// SHA-256 of that text. A fast hash is enough because the token has 256 bits of entropy (no
/// dictionary to try); the database never holds anything that would let someone call the API.
/// </summary>
public static class ApiTokens
{
    public const string Prefix = "lsn_";
    public const int SecretBytes = 32;

    public static IssuedApiToken Issue()
    {
        var token = Prefix + Base64Url(RandomNumberGenerator.GetBytes(SecretBytes));
        return new IssuedApiToken(token, HashOf(token));
    }

    /// <summary>The value stored and indexed for a token; the node looks a presented token up by it.</summary>
    public static string HashOf(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
    }

    /// <summary>Whether a presented token is the one whose hash is stored, compared in fixed time.</summary>
    public static bool Matches(string presented, string storedHash)
    {
        ArgumentNullException.ThrowIfNull(presented);
        ArgumentNullException.ThrowIfNull(storedHash);
        return FixedTime.Equals(Encoding.ASCII.GetBytes(HashOf(presented)), Encoding.ASCII.GetBytes(storedHash.ToLowerInvariant()));
    }

    /// <summary>Cheap shape check before any lookup, so garbage never reaches the database.</summary>
    public static bool LooksLikeToken(string? text) =>
        text is { Length: 47 } && text.StartsWith(Prefix, StringComparison.Ordinal) && text.AsSpan(4).IndexOfAnyExcept(UrlAlphabet) < 0;

    private static readonly System.Buffers.SearchValues<char> UrlAlphabet =
        System.Buffers.SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_");

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

/// <summary>A newly issued token: <see cref="Token"/> is shown once and never stored; <see cref="Hash"/> is stored.</summary>
public sealed record IssuedApiToken(string Token, string Hash)
{
    public override string ToString() => $"api token {Hash[..8]}…";
}
