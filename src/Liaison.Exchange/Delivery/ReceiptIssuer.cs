using System.Text.Json;
using Liaison.Core.Markings;
using Liaison.Exchange.Envelopes;
using Liaison.Exchange.Peers;

namespace Liaison.Exchange.Delivery;

/// <summary>
/// Signs the receipt answering an envelope. Receipts are signed, not encrypted: they hold only ids,
/// hashes, times and refusal reasons, and a signed-only receipt can be verified by anyone with the
/// receiver's public key (proof of delivery for an auditor).
/// </summary>
public sealed class ReceiptIssuer(EnvelopeSealer sealer, TimeProvider time, ExchangeOptions options)
{
    public SignedMessage Issue(OpenedEnvelope envelope, Receipt receipt)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        ArgumentNullException.ThrowIfNull(receipt);
        var now = time.GetUtcNow();
        // A duplicate can arrive (and be answered again) until the message expires, plus skew: the
        // receipt must still be valid for the sender then.
        var wanted = envelope.Outer.Expires + options.ClockSkew + TimeSpan.FromMinutes(1) - now;
        var lifetime = wanted < TimeSpan.FromMinutes(5) ? TimeSpan.FromMinutes(5)
            : wanted > options.MaxMessageLifetime ? options.MaxMessageLifetime : wanted;
        return sealer.Sign(new OutgoingMessage(envelope.Sender.NodeId, Receipt.MessageType, JsonSerializer.SerializeToUtf8Bytes(receipt, ExchangeJson.Options),
            envelope.Outer.CaseReference, HandlingCodes.H0, envelope.Outer.Tlp, lifetime), envelope.Sender);
    }
}
