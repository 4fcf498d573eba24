using Liaison.Exchange.Envelopes;

namespace Liaison.Exchange.Delivery;

/// <summary>
/// The payload of a receipt, answering one envelope: for each message whose effect is committed at
/// the receiver (now or before), its id, the SHA-256 of its signed form and when it was committed;
/// for each message refused, its id and the reason. A receipt is a signed message from the
/// receiver (compact JWS), checked like any other.
/// </summary>
public sealed record Receipt(IReadOnlyList<ReceiptEntry> Received, IReadOnlyList<ReceiptRefusal> Refused)
{
    public const string MessageType = "receipt";
}

/// <summary>One message the receiver holds: id, SHA-256 (hex) of its JWS, and when its effect was committed.</summary>
public sealed record ReceiptEntry(string MessageId, string MessageSha256, DateTimeOffset ReceivedAt);

/// <summary>One message the receiver refused, and why.</summary>
public sealed record ReceiptRefusal(string MessageId, EnvelopeRejection Reason);
