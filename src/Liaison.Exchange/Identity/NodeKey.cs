using System.Security.Cryptography;

namespace Liaison.Exchange.Identity;

/// <summary>
/// One of the node's own key pairs. The private half never leaves the process except encrypted
/// into the node's <c>keys/</c> folder.
/// </summary>
public sealed class NodeKey : IDisposable
{
    private readonly ECDsa? _signer;
    private readonly ECDiffieHellman? _agreement;

    private NodeKey(KeyUse use, ECDsa? signer, ECDiffieHellman? agreement, DateTimeOffset createdAt)
    {
        Use = use;
        _signer = signer;
        _agreement = agreement;
        CreatedAt = createdAt;
        var parameters = signer?.ExportParameters(false) ?? agreement!.ExportParameters(false);
        Public = PublicJwk.From(parameters, use);
    }

    public string Kid => Public.Kid;
    public KeyUse Use { get; }
    public PublicJwk Public { get; }
    public DateTimeOffset CreatedAt { get; }
    public KeyStatus Status { get; internal set; } = KeyStatus.Current;
    /// <summary>For a previous key: the end of the rotation overlap, after which peers no longer accept it.</summary>
    public DateTimeOffset? VerifiesUntil { get; internal set; }

    /// <summary>Current, or previous with its overlap still running at <paramref name="now"/>.</summary>
    public bool IsUsableAt(DateTimeOffset now) =>
        Status == KeyStatus.Current || (Status == KeyStatus.Previous && VerifiesUntil > now);

    internal ECDsa Signer => _signer ?? throw new InvalidOperationException("not a signing key");
    internal ECDiffieHellman Agreement => _agreement ?? throw new InvalidOperationException("not an encryption key");

    internal static NodeKey Generate(KeyUse use, DateTimeOffset now) => use == KeyUse.Signing
        ? new NodeKey(use, ECDsa.Create(ECCurve.NamedCurves.nistP256), null, now)
        : new NodeKey(use, null, ECDiffieHellman.Create(ECCurve.NamedCurves.nistP256), now);

    internal string ExportEncryptedPem(KeyPassphrase passphrase, KeyProtection protection) =>
        ((AsymmetricAlgorithm?)_signer ?? _agreement!).ExportEncryptedPkcs8PrivateKeyPem(passphrase.Value, protection.ToPbeParameters());

    internal static NodeKey ImportEncryptedPem(KeyUse use, string pem, KeyPassphrase passphrase, DateTimeOffset createdAt)
    {
        AsymmetricAlgorithm key = use == KeyUse.Signing ? ECDsa.Create() : ECDiffieHellman.Create();
        try
        {
            key.ImportFromEncryptedPem(pem, passphrase.Value);
        }
        catch (CryptographicException e)
        {
            key.Dispose();
            throw new KeyStoreException("a private key could not be decrypted: wrong passphrase or damaged key file", e);
        }
        return use == KeyUse.Signing
            ? new NodeKey(use, (ECDsa)key, null, createdAt)
            : new NodeKey(use, null, (ECDiffieHellman)key, createdAt);
    }

    public void Dispose()
    {
        _signer?.Dispose();
        _agreement?.Dispose();
    }
}
