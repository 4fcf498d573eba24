using System.Security.Cryptography;
using Jose;
using Liaison.Core.Requests.Evidence;
using Liaison.Exchange.Identity;

namespace Liaison.Exchange.Evidence;

/// <summary>
/// Signs evidence manifests with the node's current signing key (the same P-256 key that signs its
/// envelopes and is published in its descriptor), as ES256 (RFC 7518 §3.4: ECDSA over SHA-256, the
/// signature as R‖S), base64url. The key id is the key's JWK thumbprint, so any peer holding the
/// node's descriptor can check a manifest without database access.
/// </summary>
public sealed class NodeManifestSigner(NodeIdentity identity) : IManifestSigner
{
    public const string Algorithm = "ES256";

    public ManifestSignature Sign(ReadOnlySpan<byte> canonicalManifest)
    {
        var key = identity.SigningKey;
        var signature = key.Signer.SignData(canonicalManifest, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        return new ManifestSignature(Algorithm, key.Kid, Base64Url.Encode(signature));
    }
}
