using Liaison.Exchange.Descriptors;

namespace Liaison.Exchange.Peers;

/// <summary>What adding a descriptor did.</summary>
public enum PeerChange
{
    /// <summary>A node we did not know.</summary>
    Added,
    /// <summary>A newer descriptor of a known node (new endpoint, rotated keys, new revocations).</summary>
    Updated,
}

/// <summary>
/// The rules for admitting a descriptor into the peer directory. A descriptor must verify (its own
/// signature by its current key, P-256 keys with thumbprint kids, inside its validity period, no
/// revoked current key). For a node already known it must also be newer, keep every revocation the
/// old one had, and — if the signing key changed — be signed or endorsed by a signing key we
/// already trusted for that node. Anything else is refused with a <see cref="DescriptorRejectedException"/>.
/// </summary>
public sealed class PeerOnboarding(IPeerDirectory directory, string ownNodeId, TimeProvider time, TimeSpan clockSkew)
{
    public PeerOnboarding(IPeerDirectory directory, string ownNodeId, TimeProvider time)
        : this(directory, ownNodeId, time, ExchangeOptions.DefaultClockSkew)
    {
    }

    public async Task<PeerChange> AddAsync(SignedNodeDescriptor signed, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(signed);
        var now = time.GetUtcNow();
        signed.Verify(now, clockSkew);
        var incoming = signed.Descriptor;
        if (string.Equals(incoming.NodeId, ownNodeId, StringComparison.Ordinal))
        {
            throw new DescriptorRejectedException(DescriptorRejection.OwnNode, incoming.NodeId, "this is this node's own descriptor");
        }
        var known = await directory.FindAsync(incoming.NodeId, cancellationToken);
        if (known is null)
        {
            await directory.SaveAsync(new Peer(signed, now, now), cancellationToken);
            return PeerChange.Added;
        }
        CheckSuccession(known.Descriptor, signed, now);
        await directory.SaveAsync(known with { Signed = signed, UpdatedAt = now }, cancellationToken);
        return PeerChange.Updated;
    }

    private void CheckSuccession(NodeDescriptor old, SignedNodeDescriptor signed, DateTimeOffset now)
    {
        var incoming = signed.Descriptor;
        if (incoming.IssuedAt < old.IssuedAt)
        {
            throw new DescriptorRejectedException(DescriptorRejection.Stale, incoming.NodeId, "older than the descriptor already held");
        }
        if (old.Revoked.Except(incoming.Revoked, StringComparer.Ordinal).Any())
        {
            throw new DescriptorRejectedException(DescriptorRejection.RevokedKey, incoming.NodeId, "it drops a revocation the previous descriptor had");
        }
        var newKey = incoming.CurrentSigningKey;
        if (old.IsRevoked(newKey.Kid))
        {
            throw new DescriptorRejectedException(DescriptorRejection.RevokedKey, incoming.NodeId, $"its signing key {newKey.Kid} was revoked");
        }
        if (string.Equals(newKey.Kid, old.CurrentSigningKey.Kid, StringComparison.Ordinal))
        {
            return;
        }
        // A key change is believed only on the word of a key we already trusted for this node (and
        // that neither descriptor revokes); otherwise the operator must remove the peer and add it
        // again after confirming the new fingerprint out of band.
        var trusted = old.Keys.Where(k => k.Jwk.Use == "sig" && k.IsUsableAt(now, clockSkew)
                                          && !old.IsRevoked(k.Jwk.Kid) && !incoming.IsRevoked(k.Jwk.Kid));
        if (!trusted.Any(k => signed.IsSignedOrEndorsedBy(k.Jwk)))
        {
            throw new DescriptorRejectedException(DescriptorRejection.UnendorsedKeyChange, incoming.NodeId,
                "the signing key changed without an endorsement by the key we know; remove the peer and add it again after confirming the fingerprint");
        }
    }
}
