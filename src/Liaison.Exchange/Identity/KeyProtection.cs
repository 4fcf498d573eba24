using System.Security.Cryptography;

namespace Liaison.Exchange.Identity;

/// <summary>
/// How private keys are encrypted at rest: PKCS#8 EncryptedPrivateKeyInfo (PBES2) with
/// PBKDF2-HMAC-SHA256 and AES-256-CBC, via .NET's ExportEncryptedPkcs8PrivateKey. The iteration
/// count is written into each file, so changing it here affects new keys only.
/// </summary>
public sealed record KeyProtection(int Iterations)
{
    /// <summary>OWASP's 2023 recommendation for PBKDF2-HMAC-SHA256: 600,000 iterations.</summary>
    public static readonly KeyProtection Default = new(600_000);

    internal PbeParameters ToPbeParameters() =>
        new(PbeEncryptionAlgorithm.Aes256Cbc, HashAlgorithmName.SHA256, Iterations);
}
