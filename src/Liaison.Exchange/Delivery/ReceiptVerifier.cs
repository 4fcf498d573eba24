using System.Text.Json;
using Liaison.Exchange.Envelopes;

namespace Liaison.Exchange.Delivery;

/// <summary>
/// Checks a receipt returned for an outbox message: a valid signed message (compact JWS) from the
/// message's recipient to us (no replay check — recording a delivery twice is harmless, and a duplicate delivery is
/// answered with the same stored receipt), of type receipt, naming this message id and the hash of
/// exactly the envelope we sent.
/// </summary>
public sealed class ReceiptVerifier(EnvelopeOpener opener)
{
    public async Task<Receipt> VerifyAsync(OutboxMessage sent, string receiptEnvelope, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sent);
        var opened = await opener.VerifySignedAsync(receiptEnvelope, cancellationToken);
        if (opened.Header.Type != Receipt.MessageType || opened.Header.Sender != sent.Recipient)
        {
            throw new MessageTransportException($"the answer to {sent.Id} is not a receipt from {sent.Recipient}");
        }
        Receipt? receipt;
        try
        {
            receipt = JsonSerializer.Deserialize<Receipt>(opened.Payload, ExchangeJson.Options);
        }
        catch (JsonException e)
        {
            throw new MessageTransportException($"the receipt for {sent.Id} is malformed", inner: e);
        }
        if (receipt is null || receipt.MessageId != sent.Id || !string.Equals(receipt.EnvelopeSha256, sent.EnvelopeHash, StringComparison.Ordinal))
        {
            throw new MessageTransportException($"the receipt for {sent.Id} names another message or other bytes");
        }
        return receipt;
    }
}
