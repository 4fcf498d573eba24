using System.Text.Json;
using Liaison.Exchange.Envelopes;

namespace Liaison.Exchange.Cases;

public sealed partial class CaseMailbox
{
    /// <summary>Raised when an incoming change is ignored (not from the originator, stale, or withdrawn), with ids only.</summary>
    public event Action<string>? Ignored;

    /// <summary>Raised for each change an incoming message made (copies stored, updated, withdrawn; withdrawals passed on).</summary>
    public event Action<AppliedChange>? Applied;

    /// <summary>
    /// The effect of an incoming case message, for <see cref="Delivery.MessageReceiver.ReceiveAsync"/>
    /// (so it runs once, inside the inbox transaction). Messages of other types are not handled here.
    /// </summary>
    public async Task ApplyAsync(OpenedMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        var sender = message.Header.Sender;
        switch (message.Header.Type)
        {
            case CaseMessageTypes.Post:
                await ReceivePost(sender, message, Read<CasePost>(message), cancellationToken);
                break;
            case CaseMessageTypes.RecordUpdate:
                await ReceiveUpdate(sender, Read<RecordUpdate>(message), cancellationToken);
                break;
            case CaseMessageTypes.RecordWithdrawal:
                await ReceiveWithdrawal(sender, Read<RecordWithdrawal>(message), cancellationToken);
                break;
            default:
                throw new ArgumentException($"message {message.Header.MessageId} is of type {message.Header.Type}, not case messaging", nameof(message));
        }
    }

    private async Task ReceivePost(string sender, OpenedMessage message, CasePost post, CancellationToken cancellationToken)
    {
        if (!post.Participants.Contains(sender) || !post.Participants.Contains(nodeId))
        {
            Ignored?.Invoke($"post {message.Header.MessageId} from {sender}: sender or this node is not a participant of thread {post.ThreadId}");
            return;
        }
        var thread = await store.FindThreadAsync(post.ThreadId, cancellationToken)
                     ?? new CaseThread(post.ThreadId, post.CaseReference, post.Subject, post.Participants);
        var now = time.GetUtcNow();
        foreach (var record in post.Records.Where(r => r.OriginNode != nodeId))
        {
            if (await IsWithdrawnOrStale(record, cancellationToken))
            {
                Ignored?.Invoke($"record {record.Id} v{record.Version} from {sender}: withdrawn or older than the copy held");
                continue;
            }
            await store.SaveCopyAsync(new ReceivedCopy(record, sender, post.ThreadId, now), cancellationToken);
            Applied?.Invoke(new AppliedChange("stored", record.OriginNode, record.Id, record.CaseId, record.Version));
        }
        thread.Add(new CaseMessage(message.Header.MessageId, post.ThreadId, sender, message.Header.Created, post.Text, post.Records));
        await store.SaveThreadAsync(thread, cancellationToken);
    }

    private async Task ReceiveUpdate(string sender, RecordUpdate update, CancellationToken cancellationToken)
    {
        var record = update.Record;
        // Only the originator may change its record; a hop that forwarded it may not.
        if (record.OriginNode != sender)
        {
            Ignored?.Invoke($"update of record {record.Id} from {sender}: not its originator {record.OriginNode}");
            return;
        }
        if (await IsWithdrawnOrStale(record, cancellationToken))
        {
            Ignored?.Invoke($"update of record {record.Id} to v{record.Version}: withdrawn or not newer");
            return;
        }
        // An update can overtake the share it follows; storing it then is what the share would have led to.
        await store.SaveCopyAsync(new ReceivedCopy(record, sender, update.ThreadId, time.GetUtcNow()), cancellationToken);
        Applied?.Invoke(new AppliedChange("updated", record.OriginNode, record.Id, record.CaseId, record.Version));
    }

    private async Task ReceiveWithdrawal(string sender, RecordWithdrawal withdrawal, CancellationToken cancellationToken)
    {
        var copy = await store.FindCopyAsync(withdrawal.OriginNode, withdrawal.RecordId, cancellationToken);
        if (sender != withdrawal.OriginNode && copy?.SharedBy != sender)
        {
            Ignored?.Invoke($"withdrawal of record {withdrawal.RecordId} from {sender}: neither its originator nor the node that shared it");
            return;
        }
        // The tombstone also stops a share of this record that is still in flight.
        await store.AddWithdrawalAsync(withdrawal.OriginNode, withdrawal.RecordId, Math.Max(withdrawal.Version, copy?.Version ?? 0), cancellationToken);
        await store.RemoveCopyAsync(withdrawal.OriginNode, withdrawal.RecordId, cancellationToken);
        Applied?.Invoke(new AppliedChange("withdrawn", withdrawal.OriginNode, withdrawal.RecordId, copy?.Shared.CaseId, withdrawal.Version));
        await SendWithdrawals(withdrawal.OriginNode, withdrawal.RecordId, withdrawal.Version, cancellationToken);
    }

    private async Task<bool> IsWithdrawnOrStale(SharedRecord record, CancellationToken cancellationToken)
    {
        var withdrawnAt = await store.WithdrawnAtAsync(record.OriginNode, record.Id, cancellationToken);
        if (withdrawnAt >= record.Version)
        {
            return true;
        }
        var held = await store.FindCopyAsync(record.OriginNode, record.Id, cancellationToken);
        return held is not null && held.Version >= record.Version;
    }

    private static T Read<T>(OpenedMessage message) =>
        JsonSerializer.Deserialize<T>(message.Payload, ExchangeJson.Options)
        ?? throw new JsonException($"message {message.Header.MessageId} has an empty payload");
}
