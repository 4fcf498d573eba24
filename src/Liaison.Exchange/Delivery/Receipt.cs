namespace Liaison.Exchange.Delivery;

/// <summary>
/// The payload of a receipt: which message arrived (its id and the SHA-256 of the exact envelope
/// bytes) and when the receiver committed its effect. A receipt is itself a sealed message from
/// the receiver, so it is signed, encrypted to the sender and checked like any other.
/// </summary>
public sealed record Receipt(string MessageId, string EnvelopeSha256, DateTimeOffset ReceivedAt)
{
    public const string MessageType = "receipt";
}
