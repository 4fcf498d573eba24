using Liaison.Exchange.Envelopes;
using Liaison.Exchange.Peers;

namespace Liaison.Exchange.Delivery;

/// <summary>What the receiver did with an envelope, and the receipt to answer with.</summary>
/// <param name="Duplicate">True when the message had taken effect before: nothing was done again.</param>
/// <param name="Message">The opened message (null for a duplicate answered from the inbox).</param>
/// <param name="ReceiptEnvelope">The signed receipt to return to the sender.</param>
public sealed record ReceiveResult(bool Duplicate, OpenedMessage? Message, string ReceiptEnvelope);

/// <summary>
/// The receiving end of reliable delivery: opens the envelope (every security check), then runs
/// the message's effect and records it in the inbox in one transaction, and answers with a signed
/// receipt. A message already recorded — a retry after a lost receipt, a network duplicate or a
/// replay — has no effect again and is answered with the receipt stored the first time, so the
/// sender stops retrying and an attacker gains nothing. Refusals propagate as
/// <see cref="EnvelopeRejectedException"/> for the edge to journal and answer.
/// </summary>
public sealed class MessageReceiver(EnvelopeOpener opener, IInboxStore inbox, IPeerDirectory peers, ReceiptIssuer receipts, TimeProvider time)
{
    public async Task<ReceiveResult> ReceiveAsync(string envelope, Func<OpenedMessage, CancellationToken, Task> effect,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(effect);
        OpenedMessage message;
        try
        {
            message = await opener.OpenAsync(envelope, cancellationToken);
        }
        catch (EnvelopeRejectedException e) when (e.Reason == EnvelopeRejection.Replayed)
        {
            var seen = await inbox.FindAsync(e.Sender!, e.MessageId!, cancellationToken);
            // Same id but other bytes is not a duplicate of what we processed: keep the refusal.
            if (seen is null || !string.Equals(seen.EnvelopeHash, SealedEnvelope.HashOf(envelope), StringComparison.Ordinal))
            {
                throw;
            }
            return new ReceiveResult(true, null, seen.Receipt);
        }
        var h = message.Header;
        var sender = await peers.FindAsync(h.Sender, cancellationToken)
                     ?? throw new EnvelopeRejectedException(EnvelopeRejection.UnknownSender, h.MessageId, h.Sender, "the sender was removed");
        var receipt = receipts.Issue(message, sender);
        var entry = new InboxEntry(h.Sender, h.MessageId, h.Type, message.EnvelopeHash, time.GetUtcNow(), h.Expires, receipt.Compact);
        var outcome = await inbox.RecordOnceAsync(entry, ct => effect(message, ct), cancellationToken);
        return outcome.Duplicate
            ? new ReceiveResult(true, null, outcome.Entry.Receipt)
            : new ReceiveResult(false, message, receipt.Compact);
    }
}
