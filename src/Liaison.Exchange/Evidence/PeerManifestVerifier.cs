using System.Security.Cryptography;
using Jose;
using Liaison.Core.Requests.Evidence;
using Liaison.Exchange.Identity;
using Liaison.Exchange.Peers;

namespace Liaison.Exchange.Evidence;

/// <summary>
/// Checks an evidence manifest's signature against the responder's descriptor in the peer directory:
/// the responder must be a known peer, the key id one of its signing keys usable now (not revoked, not
/// past its rotation overlap), and the ES256 signature must verify over the canonical manifest.
/// </summary>
public sealed class PeerManifestVerifier(IReadOnlyDictionary<string, Peer> peers, TimeProvider clock, TimeSpan skew) : IManifestSignatureVerifier
{
    public bool Verify(string responder, ReadOnlySpan<byte> canonicalManifest, ManifestSignature signature)
    {
        ArgumentNullException.ThrowIfNull(signature);
        if (!string.Equals(signature.Algorithm, NodeManifestSigner.Algorithm, StringComparison.Ordinal)
            || !peers.TryGetValue(responder, out var peer)
            || peer.Descriptor.VerifyingKey(signature.KeyId, clock.GetUtcNow(), skew) is not { } jwk)
        {
            return false;
        }
        byte[] raw;
        try
        {
            raw = Base64Url.Decode(signature.Value);
        }
        catch (FormatException)
        {
            return false;
        }
        if (raw.Length != 64)
        {
            return false;
        }
        using var key = PublicKeyPool.Verifier(jwk);
        return key.Key.VerifyData(canonicalManifest, raw, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
    }
}
