using Liaison.Exchange.Descriptors;

namespace Liaison.Exchange.Identity;

public sealed partial class NodeIdentity
{
    /// <summary>How long an exported descriptor stays valid unless told otherwise.</summary>
    public static readonly TimeSpan DefaultDescriptorValidity = TimeSpan.FromDays(365);

    /// <summary>
    /// The node's self-signed descriptor as of now: current keys, previous keys still in their
    /// overlap (which also endorse it), revoked kids, valid from now for <paramref name="validity"/>.
    /// </summary>
    public SignedNodeDescriptor ExportDescriptor(TimeSpan? validity = null)
    {
        var now = _time.GetUtcNow();
        var usable = _keys.Where(k => k.IsUsableAt(now) && !IsRevoked(k.Kid)).ToList();
        var descriptor = new NodeDescriptor
        {
            NodeId = Profile.NodeId,
            Agency = Profile.Agency,
            Jurisdiction = Profile.Jurisdiction,
            Endpoint = Profile.Endpoint,
            IssuedAt = now,
            NotBefore = now,
            NotAfter = now + (validity ?? DefaultDescriptorValidity),
            Keys = usable.Select(k => new DescribedKey(k.Public, k.Status, k.Status == KeyStatus.Previous ? k.VerifiesUntil : null)).ToList(),
            Revoked = _revoked.Select(r => r.Kid).ToList(),
        };
        var endorsers = usable.Where(k => k.Use == KeyUse.Signing && k.Status == KeyStatus.Previous);
        return SignedNodeDescriptor.Sign(descriptor, SigningKey, endorsers);
    }
}
