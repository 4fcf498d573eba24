using Liaison.Exchange.Peers;

namespace Liaison.Exchange.Delivery;

/// <summary>
/// Carries one envelope to a peer and brings back its answer, the receipt envelope. The Node
/// implements it over HTTP (POST the compact JWE to the peer's endpoint; the body of a 200 is the
/// receipt); tests use an in-memory transport that can lose, duplicate and reorder.
/// Any exception is a failed attempt; throw <see cref="MessageTransportException"/> with
/// <c>permanent: true</c> when retrying cannot help (the peer refused the envelope itself).
/// </summary>
public interface IMessageTransport
{
    Task<string> SendAsync(Peer recipient, string envelope, CancellationToken cancellationToken = default);
}
