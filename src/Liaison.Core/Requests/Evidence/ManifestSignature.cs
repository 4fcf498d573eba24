namespace Liaison.Core.Requests.Evidence;

/// <summary>The responder's signature over a manifest's canonical bytes.</summary>
/// <param name="Algorithm">Signature algorithm as the signer names it (e.g. "Ed25519", "ES256").</param>
/// <param name="KeyId">Which of the responder's keys signed (as in the peer directory).</param>
/// <param name="Value">The signature, base64.</param>
public sealed record ManifestSignature(string Algorithm, string KeyId, string Value);

/// <summary>Signs manifests with the responder node's key. Implemented by the Exchange pillar; Core does no cryptography of its own.</summary>
public interface IManifestSigner
{
    /// <summary>Signs <paramref name="canonicalManifest"/> (the output of <see cref="EvidenceManifest.CanonicalBytes"/>).</summary>
    ManifestSignature Sign(ReadOnlySpan<byte> canonicalManifest);
}

/// <summary>Checks a manifest signature against the responder's public key from the peer directory. Implemented by the Exchange pillar.</summary>
public interface IManifestSignatureVerifier
{
    /// <summary>True when <paramref name="signature"/> is a valid signature by a key of <paramref name="responder"/> over <paramref name="canonicalManifest"/>.</summary>
    bool Verify(string responder, ReadOnlySpan<byte> canonicalManifest, ManifestSignature signature);
}
