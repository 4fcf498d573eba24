namespace Liaison.Exchange.Envelopes;

/// <summary>
/// An envelope was refused. Carries the reason and, when they could be read, the message id and
/// sender node id — never any part of the payload — so it can be journalled and answered as is.
/// </summary>
public sealed class EnvelopeRejectedException(EnvelopeRejection reason, string? messageId, string? sender, string detail)
    : ExchangeException($"envelope {messageId ?? "(unreadable id)"} from {sender ?? "(unknown)"} refused ({reason}): {detail}")
{
    public EnvelopeRejection Reason { get; } = reason;
    public string? MessageId { get; } = messageId;
    public string? Sender { get; } = sender;
}
