namespace Liaison.Exchange.Delivery;

/// <summary>
/// Thrown by a message's effect at the receiver when the message passed every security check but can
/// never be acted on — an unknown type, a payload that does not parse, a case reference the receiver
/// does not know. Unlike any other exception (which rolls back and lets the sender retry), it refuses
/// the message: the receipt lists it as <see cref="Envelopes.EnvelopeRejection.Unprocessable"/> and the
/// sender dead-letters it for its operator. <see cref="Exception.Message"/> goes back to the sender:
/// ids and field names only, never payload values.
/// </summary>
public sealed class MessageRefusedException(string reason) : ExchangeException(reason);
