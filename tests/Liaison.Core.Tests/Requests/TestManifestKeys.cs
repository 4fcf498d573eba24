using System.Security.Cryptography;
using Liaison.Core.Requests.Evidence;

namespace Liaison.Core.Tests.Requests;

/// <summary>
/// A test double for the Exchange pillar's signer: HMAC-SHA256 from .NET with a fixed key. It is
/// deterministic, which lets tests show that the signed bytes are reproducible; product signing is the
/// Exchange pillar's (asymmetric) signer behind the same interfaces.
/// </summary>
internal sealed class TestManifestKeys(string keyId, byte[] key) : IManifestSigner, IManifestSignatureVerifier
{
    public static TestManifestKeys Provider { get; } = new("us-telco-key-1", "provider test key, not a secret"u8.ToArray());

    public ManifestSignature Sign(ReadOnlySpan<byte> canonicalManifest) =>
        new("HMAC-SHA256-test", keyId, Convert.ToBase64String(HMACSHA256.HashData(key, canonicalManifest)));

    public bool Verify(string responder, ReadOnlySpan<byte> canonicalManifest, ManifestSignature signature) =>
        signature.KeyId == keyId
        && CryptographicOperations.FixedTimeEquals(Convert.FromBase64String(signature.Value), HMACSHA256.HashData(key, canonicalManifest));
}
