using System.Text.Json;
using Liaison.Exchange.Envelopes;

namespace Liaison.Exchange.Delivery;

/// <summary>What a receipt says about one outbox message.</summary>
public enum ReceiptVerdict
{
    /// <summary>Listed as received with the same hash: delivered.</summary>
    Delivered,
    /// <summary>Listed as refused: see the reason.</summary>
    Refused,
    /// <summary>Not mentioned (e.g. its effect failed at the receiver): try again.</summary>
    Missing,
}

/// <summary>The receipt's answer for one outbox message.</summary>
public sealed record ReceiptOutcome(string MessageId, ReceiptVerdict Verdict, DateTimeOffset? ReceivedAt, EnvelopeRejection? Reason);

/// <summary>
/// Checks a receipt returned for outbox messages: a valid signed message (compact JWS) from their
/// recipient to us (no replay check — recording a delivery twice is harmless), of type receipt;
/// then reads, for each message sent, whether it is listed as received with the hash of exactly
/// the signed message we sent, refused, or missing.
/// </summary>
public sealed class ReceiptVerifier(EnvelopeOpener opener)
{
    public async Task<IReadOnlyList<ReceiptOutcome>> VerifyAsync(IReadOnlyList<OutboxMessage> sent, string receiptMessage,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sent);
        ArgumentOutOfRangeException.ThrowIfZero(sent.Count);
        var recipient = sent[0].Recipient;
        var opened = await opener.VerifySignedAsync(receiptMessage, cancellationToken);
        if (opened.Header.Type != Receipt.MessageType || opened.Header.Sender != recipient)
        {
            throw new MessageTransportException($"the answer to {sent[0].Id} is not a receipt from {recipient}");
        }
        Receipt receipt;
        try
        {
            receipt = JsonSerializer.Deserialize<Receipt>(opened.Payload, ExchangeJson.Options) ?? throw new JsonException("empty");
        }
        catch (JsonException e)
        {
            throw new MessageTransportException($"the receipt for {sent[0].Id} is malformed", inner: e);
        }
        return sent.Select(m =>
        {
            var received = receipt.Received?.FirstOrDefault(r => r.MessageId == m.Id
                && string.Equals(r.MessageSha256, m.MessageHash, StringComparison.Ordinal));
            if (received is not null)
            {
                return new ReceiptOutcome(m.Id, ReceiptVerdict.Delivered, received.ReceivedAt, null);
            }
            var refused = receipt.Refused?.FirstOrDefault(r => r.MessageId == m.Id);
            return refused is not null
                ? new ReceiptOutcome(m.Id, ReceiptVerdict.Refused, null, refused.Reason)
                : new ReceiptOutcome(m.Id, ReceiptVerdict.Missing, null, null);
        }).ToList();
    }

    /// <summary>For one message: the receipt entry, or a <see cref="MessageTransportException"/> saying why it is not one.</summary>
    public async Task<ReceiptEntry> VerifyAsync(OutboxMessage sent, string receiptMessage, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sent);
        var outcome = (await VerifyAsync([sent], receiptMessage, cancellationToken))[0];
        return outcome.Verdict == ReceiptVerdict.Delivered
            ? new ReceiptEntry(sent.Id, sent.MessageHash, outcome.ReceivedAt!.Value)
            : throw new MessageTransportException($"the receipt does not list {sent.Id} as received ({outcome.Reason?.ToString() ?? "not mentioned"})");
    }
}
