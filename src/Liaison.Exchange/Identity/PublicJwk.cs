using System.Security.Cryptography;
using System.Text.Json.Serialization;

namespace Liaison.Exchange.Identity;

/// <summary>
/// The public half of a node key as a JSON Web Key (RFC 7517) on P-256. The key id is its
/// RFC 7638 thumbprint, so a kid cannot be claimed for a different key: anyone can recompute it.
/// </summary>
public sealed record PublicJwk
{
    [JsonPropertyName("kty")] public string Kty { get; init; } = "EC";
    [JsonPropertyName("crv")] public string Crv { get; init; } = "P-256";
    [JsonPropertyName("x")] public required string X { get; init; }
    [JsonPropertyName("y")] public required string Y { get; init; }
    [JsonPropertyName("kid")] public required string Kid { get; init; }
    /// <summary>"sig" or "enc".</summary>
    [JsonPropertyName("use")] public required string Use { get; init; }
    /// <summary>"ES256" for signing keys, "ECDH-ES+A256KW" for encryption keys.</summary>
    [JsonPropertyName("alg")] public required string Alg { get; init; }

    internal const string SigningAlg = "ES256";
    internal const string EncryptionAlg = "ECDH-ES+A256KW";

    internal static PublicJwk From(ECParameters p, KeyUse use)
    {
        var x = Base64Url(p.Q.X!);
        var y = Base64Url(p.Q.Y!);
        return new PublicJwk
        {
            X = x,
            Y = y,
            Kid = Thumbprint("EC", "P-256", x, y),
            Use = use == KeyUse.Signing ? "sig" : "enc",
            Alg = use == KeyUse.Signing ? SigningAlg : EncryptionAlg,
        };
    }

    /// <summary>RFC 7638 thumbprint of an EC key: over {"crv","kty","x","y"}.</summary>
    internal static string Thumbprint(string kty, string crv, string x, string y) => JwkThumbprint.Compute(RequiredMembers(kty, crv, x, y));

    internal byte[] ThumbprintBytes() => JwkThumbprint.Hash(RequiredMembers(Kty, Crv, X, Y));

    private static Dictionary<string, string> RequiredMembers(string kty, string crv, string x, string y) =>
        new() { ["crv"] = crv, ["kty"] = kty, ["x"] = x, ["y"] = y };

    /// <summary>True when the kid is the thumbprint of the key material and the parameters are ours (EC P-256).</summary>
    public bool IsSelfConsistent() =>
        Kty == "EC" && Crv == "P-256" && string.Equals(Kid, Thumbprint(Kty, Crv, X, Y), StringComparison.Ordinal)
        && (Use, Alg) is ("sig", SigningAlg) or ("enc", EncryptionAlg);

    internal ECParameters ToParameters() => new()
    {
        Curve = ECCurve.NamedCurves.nistP256,
        Q = new ECPoint { X = FromBase64Url(X), Y = FromBase64Url(Y) },
    };

    /// <summary>An ECDsa holding only this public key (for verifying).</summary>
    internal ECDsa ToECDsa() => ECDsa.Create(ToParameters());

    /// <summary>An ECDiffieHellman holding only this public key (to encrypt to).</summary>
    internal ECDiffieHellman ToECDiffieHellman() => ECDiffieHellman.Create(ToParameters());

    internal static string Base64Url(byte[] bytes) => Jose.Base64Url.Encode(bytes);

    internal static byte[] FromBase64Url(string text) => Jose.Base64Url.Decode(text);
}
