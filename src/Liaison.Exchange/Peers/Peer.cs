using Liaison.Exchange.Descriptors;

namespace Liaison.Exchange.Peers;

/// <summary>A node this node exchanges with: its verified descriptor and when it was added and last updated.</summary>
public sealed record Peer(SignedNodeDescriptor Signed, DateTimeOffset AddedAt, DateTimeOffset UpdatedAt)
{
    public string NodeId => Signed.NodeId;
    public NodeDescriptor Descriptor => Signed.Descriptor;
}
