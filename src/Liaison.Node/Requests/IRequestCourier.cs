namespace Liaison.Node.Requests;

/// <summary>
/// Carries request messages to the node at the other end. Delivery is synchronous: a step is stored and
/// journalled only once the peer has accepted it, so a failed delivery leaves both nodes as they were.
/// </summary>
public interface IRequestCourier
{
    /// <summary>Delivers one message; throws <see cref="RequestDeliveryException"/> when the peer cannot be reached or refuses it.</summary>
    Task DeliverAsync(string peerNodeId, string type, ReadOnlyMemory<byte> payload, string caseReference, CancellationToken ct);
}

/// <summary>The peer did not take the message: unknown, unreachable, or it refused it (the detail says which).</summary>
public sealed class RequestDeliveryException(string peer, string detail, int? peerStatus = null) : Exception($"{peer}: {detail}")
{
    public string Peer { get; } = peer;
    public int? PeerStatus { get; } = peerStatus;
}
