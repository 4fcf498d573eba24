using Liaison.Exchange.Envelopes;

namespace Liaison.Exchange.Delivery;

/// <summary>What happened to one message of a received envelope.</summary>
public enum ReceivedStatus
{
    /// <summary>Its effect ran and was recorded now.</summary>
    Accepted,
    /// <summary>Its effect had been recorded before (retry, network duplicate, replay of the same bytes): nothing done again.</summary>
    Duplicate,
    /// <summary>Refused by a check; the receipt says why.</summary>
    Refused,
    /// <summary>Its effect failed (in a batch): nothing recorded, not in the receipt, so the sender retries it.</summary>
    Failed,
}

/// <summary>One message of a received envelope: its id when readable, what happened, the opened message, the refusal reason.</summary>
public sealed record ReceivedItem(string? MessageId, ReceivedStatus Status, OpenedMessage? Message, EnvelopeRejection? Reason);

/// <summary>What the receiver did with an envelope, and the signed receipt to answer with.</summary>
public sealed record ReceiveResult(IReadOnlyList<ReceivedItem> Items, string ReceiptEnvelope)
{
    /// <summary>The authenticated sender of the envelope.</summary>
    public string Sender { get; init; } = "";

    /// <summary>The outer header of the envelope (a batch has its own id and the narrowest marking of its messages).</summary>
    public EnvelopeHeader? Outer { get; init; }

    /// <summary>True when every message had taken effect before: nothing was done again.</summary>
    public bool Duplicate => Items.Count > 0 && Items.All(i => i.Status == ReceivedStatus.Duplicate);

    /// <summary>The opened message of a single-message envelope that was accepted now.</summary>
    public OpenedMessage? Message => Items is [{ Status: ReceivedStatus.Accepted } only] ? only.Message : null;
}

/// <summary>
/// The receiving end of reliable delivery: opens the envelope (every security check), then for each
/// message runs its effect and records it in the inbox atomically, commits the envelope's messages
/// together (<see cref="IInboxEnvelope"/>), and answers with a signed receipt. A message already recorded — a retry after a lost receipt, a network duplicate or a
/// replay of the same bytes — has no effect again and is listed as received with its first commit
/// time, so the sender stops retrying and an attacker gains nothing. A single-message envelope that
/// is refused throws <see cref="EnvelopeRejectedException"/> (for the edge to journal and answer); in
/// a batch, each refusal is listed in the receipt and the others proceed.
/// </summary>
public sealed class MessageReceiver(EnvelopeOpener opener, IInboxStore inbox, ReceiptIssuer receipts, TimeProvider time)
{
    public async Task<ReceiveResult> ReceiveAsync(string envelope, Func<OpenedMessage, CancellationToken, Task> effect,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(effect);
        var opened = await opener.OpenAllAsync(envelope, cancellationToken);
        // One commit for the whole envelope, before the receipt says anything was received.
        await using var unit = await inbox.BeginEnvelopeAsync(cancellationToken);
        var received = new List<ReceiptEntry>();
        var refused = new List<ReceiptRefusal>();
        var items = new List<ReceivedItem>();
        EnvelopeRejectedException? unprocessable = null;
        foreach (var item in opened.Items)
        {
            ReceivedStatus status;
            InboxEntry? entry;
            EnvelopeRejection? reason;
            try
            {
                (status, entry, reason) = item.Message is { } message
                    ? await Apply(message, effect, opened.IsBatch, cancellationToken)
                    : await Refusal(item, cancellationToken);
            }
            catch (MessageRefusedException e)
            {
                (status, entry, reason) = (ReceivedStatus.Refused, null, EnvelopeRejection.Unprocessable);
                unprocessable = new EnvelopeRejectedException(EnvelopeRejection.Unprocessable, item.MessageId, opened.Outer.Sender, e.Message);
            }
            if (entry is not null)
            {
                received.Add(new ReceiptEntry(entry.MessageId, entry.MessageHash, entry.ReceivedAt));
            }
            if (reason is { } r && item.MessageId is { } id)
            {
                refused.Add(new ReceiptRefusal(id, r));
            }
            items.Add(new ReceivedItem(item.MessageId, status, status == ReceivedStatus.Accepted ? item.Message : null, reason));
        }
        if (!opened.IsBatch && items[0].Status == ReceivedStatus.Refused)
        {
            throw opened.Items[0].Refusal ?? unprocessable ?? new EnvelopeRejectedException(EnvelopeRejection.Replayed, items[0].MessageId, opened.Outer.Sender,
                "this message id has been received before with other content");
        }
        await unit.CompleteAsync(cancellationToken);
        var receipt = receipts.Issue(opened, new Receipt(received, refused));
        return new ReceiveResult(items, receipt.Jws) { Sender = opened.Sender.NodeId, Outer = opened.Outer };
    }

    private async Task<(ReceivedStatus, InboxEntry?, EnvelopeRejection?)> Apply(OpenedMessage message,
        Func<OpenedMessage, CancellationToken, Task> effect, bool inBatch, CancellationToken cancellationToken)
    {
        var h = message.Header;
        var entry = new InboxEntry(h.Sender, h.MessageId, h.Type, message.MessageHash, time.GetUtcNow(), h.Expires);
        InboxOutcome outcome;
        try
        {
            outcome = await inbox.RecordOnceAsync(entry, ct => effect(message, ct), cancellationToken);
        }
        catch (Exception e) when (inBatch && e is not MessageRefusedException && !cancellationToken.IsCancellationRequested)
        {
            // One message's failed effect must not fail the others; it is left out of the receipt and retried.
            return (ReceivedStatus.Failed, null, null);
        }
        if (!outcome.Duplicate)
        {
            return (ReceivedStatus.Accepted, outcome.Entry, null);
        }
        // Same id recorded meanwhile (a concurrent delivery): a duplicate only if it is the same bytes.
        return string.Equals(outcome.Entry.MessageHash, message.MessageHash, StringComparison.Ordinal)
            ? (ReceivedStatus.Duplicate, outcome.Entry, null)
            : (ReceivedStatus.Refused, null, EnvelopeRejection.Replayed);
    }

    private async Task<(ReceivedStatus, InboxEntry?, EnvelopeRejection?)> Refusal(OpenedItem item, CancellationToken cancellationToken)
    {
        var refusal = item.Refusal!;
        if (refusal is { Reason: EnvelopeRejection.Replayed, Sender: { } sender, MessageId: { } id })
        {
            var seen = await inbox.FindAsync(sender, id, cancellationToken);
            // Same id but other bytes is not a duplicate of what we processed: keep the refusal.
            if (seen is not null && string.Equals(seen.MessageHash, item.MessageHash, StringComparison.Ordinal))
            {
                return (ReceivedStatus.Duplicate, seen, null);
            }
        }
        return (ReceivedStatus.Refused, null, refusal.Reason);
    }
}
