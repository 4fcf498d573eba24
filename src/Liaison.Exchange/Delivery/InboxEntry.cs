namespace Liaison.Exchange.Delivery;

/// <summary>
/// The inbox row of a message whose effect was committed: keyed on (sender, message id), kept
/// until the message's expiry plus the clock skew, holding the receipt that answers duplicates.
/// </summary>
public sealed record InboxEntry(
    string Sender, string MessageId, string Type, string EnvelopeHash, DateTimeOffset ReceivedAt, DateTimeOffset Expires, string Receipt);
