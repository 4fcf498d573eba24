namespace Liaison.Exchange.Identity;

/// <summary>
/// A node's identity: its profile and its key pairs (one current signing key, one current
/// encryption key, previous ones still inside their rotation overlap) and its revocation list.
/// File-backed identities live in <c>&lt;data&gt;/keys/</c> and save every change at once;
/// ephemeral ones (tests, the demo) live in memory only.
/// </summary>
public sealed partial class NodeIdentity : IDisposable
{
    private readonly List<NodeKey> _keys;
    private readonly List<RevokedKey> _revoked;
    private readonly KeyFolder? _folder;
    private readonly KeyPassphrase? _passphrase;
    private readonly KeyProtection _protection;
    private readonly TimeProvider _time;

    private NodeIdentity(NodeProfile profile, List<NodeKey> keys, List<RevokedKey> revoked, KeyFolder? folder,
        KeyPassphrase? passphrase, KeyProtection protection, TimeProvider time)
    {
        Profile = profile;
        _keys = keys;
        _revoked = revoked;
        _folder = folder;
        _passphrase = passphrase;
        _protection = protection;
        _time = time;
    }

    public NodeProfile Profile { get; }
    public string NodeId => Profile.NodeId;
    public IReadOnlyList<NodeKey> Keys => _keys;
    public IReadOnlyList<RevokedKey> Revoked => _revoked;
    public NodeKey SigningKey => Current(KeyUse.Signing);
    public NodeKey EncryptionKey => Current(KeyUse.Encryption);
    internal TimeProvider Time => _time;

    /// <summary>The fingerprint of the current signing key, for out-of-band confirmation.</summary>
    public string Fingerprint => KeyFingerprint.Of(SigningKey.Public);

    /// <summary>The node's profile from <c>keys/identity.json</c>, without the passphrase (no private key is read).</summary>
    public static NodeProfile ReadProfile(string dataDirectory)
    {
        var manifest = new KeyFolder(dataDirectory).ReadManifest();
        return new NodeProfile(manifest.NodeId, manifest.Agency, manifest.Jurisdiction, manifest.Endpoint);
    }

    /// <summary>True when <paramref name="dataDirectory"/> already holds node keys.</summary>
    public static bool Exists(string dataDirectory) => new KeyFolder(dataDirectory).HasManifest;

    /// <summary>
    /// Makes the node's first signing and encryption key pairs and writes them, encrypted with
    /// <paramref name="passphrase"/>, into <c>&lt;dataDirectory&gt;/keys/</c>. Refuses to overwrite existing keys.
    /// </summary>
    public static NodeIdentity Create(string dataDirectory, NodeProfile profile, KeyPassphrase passphrase, TimeProvider time,
        KeyProtection? protection = null)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(passphrase);
        ArgumentNullException.ThrowIfNull(time);
        profile.Validate();
        var folder = new KeyFolder(dataDirectory);
        if (folder.HasManifest)
        {
            throw new KeyStoreException($"{folder.Path} already holds node keys; use 'liaison keys rotate' to replace them");
        }
        if (!passphrase.IsLongEnough)
        {
            throw new KeyStoreException($"the key passphrase must be at least {KeyPassphrase.MinimumLength} characters");
        }
        var now = time.GetUtcNow();
        var identity = new NodeIdentity(profile, [NodeKey.Generate(KeyUse.Signing, now), NodeKey.Generate(KeyUse.Encryption, now)],
            [], folder, passphrase, protection ?? KeyProtection.Default, time);
        foreach (var key in identity._keys)
        {
            identity.WriteKeyFile(key);
        }
        identity.Save();
        return identity;
    }

    /// <summary>An identity held in memory only: for tests and for <c>liaison demo</c>'s throwaway nodes.</summary>
    public static NodeIdentity CreateEphemeral(NodeProfile profile, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(profile);
        profile.Validate();
        var now = time.GetUtcNow();
        return new NodeIdentity(profile, [NodeKey.Generate(KeyUse.Signing, now), NodeKey.Generate(KeyUse.Encryption, now)],
            [], null, null, KeyProtection.Default, time);
    }

    /// <summary>Reads the identity from <c>&lt;dataDirectory&gt;/keys/</c>, decrypting the private keys that are still usable.</summary>
    public static NodeIdentity Load(string dataDirectory, KeyPassphrase passphrase, TimeProvider time, KeyProtection? protection = null)
    {
        ArgumentNullException.ThrowIfNull(passphrase);
        ArgumentNullException.ThrowIfNull(time);
        var folder = new KeyFolder(dataDirectory);
        var manifest = folder.ReadManifest();
        var keys = new List<NodeKey>();
        foreach (var entry in manifest.Keys.Where(k => k.Status != KeyStatus.Retired))
        {
            var key = NodeKey.ImportEncryptedPem(entry.Use, folder.ReadKey(entry.File), passphrase, entry.CreatedAt);
            if (!string.Equals(key.Kid, entry.Kid, StringComparison.Ordinal))
            {
                key.Dispose();
                throw new KeyStoreException($"the key file {entry.File} does not hold key {entry.Kid}");
            }
            key.Status = entry.Status;
            key.VerifiesUntil = entry.VerifiesUntil;
            keys.Add(key);
        }
        var profile = new NodeProfile(manifest.NodeId, manifest.Agency, manifest.Jurisdiction, manifest.Endpoint);
        var identity = new NodeIdentity(profile, keys, manifest.Revoked, folder, passphrase, protection ?? KeyProtection.Default, time);
        _ = identity.SigningKey;
        _ = identity.EncryptionKey;
        return identity;
    }

    /// <summary>Own keys that may decrypt or sign at <paramref name="now"/>: current ones and previous ones inside their overlap.</summary>
    internal IEnumerable<NodeKey> UsableKeys(KeyUse use, DateTimeOffset now) =>
        _keys.Where(k => k.Use == use && k.IsUsableAt(now) && !IsRevoked(k.Kid));

    internal bool IsRevoked(string kid) => _revoked.Exists(r => string.Equals(r.Kid, kid, StringComparison.Ordinal));

    private NodeKey Current(KeyUse use) =>
        _keys.SingleOrDefault(k => k.Use == use && k.Status == KeyStatus.Current)
        ?? throw new KeyStoreException($"the node has no current {use.ToString().ToLowerInvariant()} key");

    private void WriteKeyFile(NodeKey key) =>
        _folder?.WriteKey(KeyFolder.KeyFileName(key.Kid), key.ExportEncryptedPem(_passphrase!, _protection));

    private void Save()
    {
        if (_folder is null)
        {
            return;
        }
        // Retired keys stay listed (their files stay too), so the record of what the node once used is complete.
        var previous = _folder.HasManifest ? _folder.ReadManifest().Keys : [];
        var entries = previous.Where(e => !_keys.Exists(k => k.Kid == e.Kid)).Select(e => e with { Status = KeyStatus.Retired })
            .Concat(_keys.Select(k => new KeyEntry(k.Kid, k.Use, k.Status, k.CreatedAt, k.VerifiesUntil, KeyFolder.KeyFileName(k.Kid))))
            .ToList();
        _folder.WriteManifest(new KeyManifest
        {
            NodeId = Profile.NodeId,
            Agency = Profile.Agency,
            Jurisdiction = Profile.Jurisdiction,
            Endpoint = Profile.Endpoint,
            Keys = entries,
            Revoked = _revoked,
        });
    }

    public void Dispose()
    {
        foreach (var key in _keys)
        {
            key.Dispose();
        }
    }
}
