namespace Liaison.Exchange.Envelopes;

/// <summary>
/// An envelope was refused. Carries the reason and, when they could be read, the message id and
/// sender node id — never any part of the payload — so it can be journalled and answered as is.
/// </summary>
public sealed class EnvelopeRejectedException(EnvelopeRejection reason, string? messageId, string? sender, string detail)
    : ExchangeException($"envelope {Safe(messageId) ?? "(unreadable id)"} from {Safe(sender) ?? "(unknown)"} refused ({reason}): {detail}")
{
    public EnvelopeRejection Reason { get; } = reason;
    /// <summary>The message id if it could be read and is made of safe characters, else null.</summary>
    public string? MessageId { get; } = Safe(messageId);
    /// <summary>The sender node id if it could be read and is made of safe characters, else null.</summary>
    public string? Sender { get; } = Safe(sender);

    // Refusals can happen before the header is validated; never echo arbitrary text.
    private static string? Safe(string? id) => id is not null && EnvelopeHeader.IsSafeId(id) ? id : null;
}
