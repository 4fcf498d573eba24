namespace Liaison.Exchange.Descriptors;

/// <summary>A node descriptor was refused; <see cref="Reason"/> says why, the message names only the node id.</summary>
public sealed class DescriptorRejectedException(DescriptorRejection reason, string? nodeId, string detail)
    : ExchangeException($"node descriptor{(nodeId is null ? "" : " of " + nodeId)} refused ({reason}): {detail}")
{
    public DescriptorRejection Reason { get; } = reason;
    public string? NodeId { get; } = nodeId;
}
