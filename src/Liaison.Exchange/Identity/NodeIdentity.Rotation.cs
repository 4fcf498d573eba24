namespace Liaison.Exchange.Identity;

public sealed partial class NodeIdentity
{
    /// <summary>How long a replaced key still verifies by default: long enough for every peer to fetch the new descriptor.</summary>
    public static readonly TimeSpan DefaultOverlap = TimeSpan.FromDays(7);

    /// <summary>
    /// Replaces both current keys with new ones. The replaced keys become <see cref="KeyStatus.Previous"/>
    /// until <c>now + overlap</c>: peers still accept signatures by the old signing key and the node
    /// still decrypts messages sent to the old encryption key, so nothing in flight is lost. The next
    /// descriptor is signed by the new key and endorsed by the old one, which is how peers accept the change.
    /// </summary>
    public KeyRotation Rotate(TimeSpan overlap)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(overlap, TimeSpan.Zero);
        var now = _time.GetUtcNow();
        var oldSigning = SigningKey;
        var oldEncryption = EncryptionKey;
        var newSigning = NodeKey.Generate(KeyUse.Signing, now);
        var newEncryption = NodeKey.Generate(KeyUse.Encryption, now);
        WriteKeyFile(newSigning);
        WriteKeyFile(newEncryption);
        foreach (var old in new[] { oldSigning, oldEncryption })
        {
            old.Status = KeyStatus.Previous;
            old.VerifiesUntil = now + overlap;
        }
        RetireExpired(now);
        _keys.Add(newSigning);
        _keys.Add(newEncryption);
        Save();
        return new KeyRotation(oldSigning.Kid, newSigning.Kid, oldEncryption.Kid, newEncryption.Kid, now + overlap);
    }

    /// <summary>
    /// Declares one of the node's own keys revoked: it leaves the descriptor's usable keys and is
    /// listed as revoked, so peers that take the next descriptor refuse it at once. The current keys
    /// cannot be revoked directly — rotate first, then revoke the old kid.
    /// </summary>
    public void Revoke(string kid)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(kid);
        var key = _keys.Find(k => string.Equals(k.Kid, kid, StringComparison.Ordinal))
                  ?? throw new KeyStoreException($"key {kid} is not one of this node's keys");
        if (key.Status == KeyStatus.Current)
        {
            throw new KeyStoreException($"key {kid} is the current {key.Use.ToString().ToLowerInvariant()} key: run 'liaison keys rotate' first, then revoke it");
        }
        if (IsRevoked(kid))
        {
            return;
        }
        _revoked.Add(new RevokedKey(kid, _time.GetUtcNow()));
        key.Status = KeyStatus.Retired;
        Save();
    }

    private void RetireExpired(DateTimeOffset now)
    {
        foreach (var key in _keys.Where(k => k.Status == KeyStatus.Previous && k.VerifiesUntil <= now))
        {
            key.Status = KeyStatus.Retired;
        }
    }
}

/// <summary>What a rotation did: the old and new key ids, and when the old ones stop being accepted.</summary>
public sealed record KeyRotation(string OldSigningKid, string NewSigningKid, string OldEncryptionKid, string NewEncryptionKid,
    DateTimeOffset OverlapEnds);
