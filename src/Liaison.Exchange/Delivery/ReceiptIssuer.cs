using System.Text.Json;
using Liaison.Core.Markings;
using Liaison.Exchange.Envelopes;
using Liaison.Exchange.Peers;

namespace Liaison.Exchange.Delivery;

/// <summary>
/// Signs the receipt for a message that was opened and is about to take effect. Receipts are
/// signed, not encrypted: they hold only ids, a hash and a time, and a signed-only receipt can be
/// verified by anyone with the receiver's public key (proof of delivery for an auditor).
/// </summary>
public sealed class ReceiptIssuer(EnvelopeSealer sealer, TimeProvider time, ExchangeOptions options)
{
    public SealedEnvelope Issue(OpenedMessage message, Peer sender)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(sender);
        var now = time.GetUtcNow();
        var receipt = new Receipt(message.Header.MessageId, message.EnvelopeHash, now);
        // A duplicate can arrive (and be answered with this stored receipt) until the original
        // expires, plus skew: the receipt must still be valid for the sender then.
        var wanted = message.Header.Expires + options.ClockSkew + TimeSpan.FromMinutes(1) - now;
        var lifetime = wanted < TimeSpan.FromMinutes(5) ? TimeSpan.FromMinutes(5)
            : wanted > options.MaxMessageLifetime ? options.MaxMessageLifetime : wanted;
        return sealer.Sign(new OutgoingMessage(sender.NodeId, Receipt.MessageType, JsonSerializer.SerializeToUtf8Bytes(receipt, ExchangeJson.Options),
            message.Header.CaseReference, HandlingCodes.H0, message.Header.Tlp, lifetime), sender);
    }
}
