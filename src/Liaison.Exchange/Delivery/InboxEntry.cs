namespace Liaison.Exchange.Delivery;

/// <summary>
/// The inbox row of a message whose effect was committed: keyed on (sender, message id), with the
/// SHA-256 of its signed form and the commit time (what a receipt for a duplicate repeats), kept
/// until the message's expiry plus the clock skew.
/// </summary>
public sealed record InboxEntry(string Sender, string MessageId, string Type, string MessageHash, DateTimeOffset ReceivedAt, DateTimeOffset Expires);
