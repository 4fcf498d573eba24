using System.Text.Json;
using Liaison.Core.Markings;
using Liaison.Core.Model;
using Liaison.Exchange.Delivery;
using Liaison.Exchange.Envelopes;

namespace Liaison.Exchange.Cases;

/// <summary>
/// Case messaging for one node: opens threads, posts messages with attached records, and follows
/// up its own shared records with updates and withdrawals; on the receiving side
/// (<see cref="ApplyAsync"/>) keeps read-only copies that follow the originator. Everything sent
/// goes through the outbox, so it is delivered exactly once in effect.
/// </summary>
public sealed partial class CaseMailbox(string nodeId, ICaseStore store, Outbox outbox, TimeProvider time)
{
    public ICaseStore Store => store;

    public async Task<CaseThread> OpenThreadAsync(string caseReference, string subject, IEnumerable<string> participants,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(caseReference);
        ArgumentNullException.ThrowIfNull(participants);
        var thread = new CaseThread(Guid.CreateVersion7(time.GetUtcNow()).ToString("n"), caseReference, subject, participants.Append(nodeId));
        await store.SaveThreadAsync(thread, cancellationToken);
        return thread;
    }

    /// <summary>
    /// Posts <paramref name="text"/> with <paramref name="records"/> to every other participant.
    /// Own records go out at their next version; received copies may be passed on (their version
    /// kept). Either way each record's markings are narrowed by the message's, never widened.
    /// </summary>
    public async Task<CaseMessage> PostAsync(string threadId, string text, IReadOnlyList<EntityRecord> records, Tlp tlp = Tlp.Amber,
        Handling? handling = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(records);
        var thread = await store.FindThreadAsync(threadId, cancellationToken) ?? throw new ArgumentException($"no thread {threadId}", nameof(threadId));
        handling ??= Handling.LawEnforcementOnly;
        var shared = new List<SharedRecord>();
        foreach (var record in records)
        {
            var narrowed = MarkingsOnForward.Narrow(record.Envelope, tlp, handling);
            var version = await VersionToSend(record, cancellationToken);
            var copy = new EntityRecord(record.Id, record.Schema, record.Properties, narrowed);
            shared.Add(SharedRecord.From(copy, version));
        }
        var (overallTlp, overallHandling) = MarkingsOnForward.Overall(tlp, handling, shared.Select(s => s.ToEnvelope()));
        var messageId = Guid.CreateVersion7(time.GetUtcNow()).ToString("n");
        var post = new CasePost(thread.ThreadId, thread.CaseReference, thread.Subject, [.. thread.Participants], text, shared);
        foreach (var recipient in thread.Participants.Where(p => p != nodeId))
        {
            await Send(recipient, CaseMessageTypes.Post, post, thread.CaseReference, overallTlp, overallHandling.Codes, cancellationToken);
            foreach (var s in shared)
            {
                await store.AddShareAsync(s.OriginNode, s.Id, recipient, thread.ThreadId, cancellationToken);
            }
        }
        var message = new CaseMessage(messageId, thread.ThreadId, nodeId, time.GetUtcNow(), text, shared);
        thread.Add(message);
        await store.SaveThreadAsync(thread, cancellationToken);
        return message;
    }

    /// <summary>Sends the new version of one of this node's records to every node it was shared with.</summary>
    public async Task UpdateRecordAsync(EntityRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        EnsureOwn(record.Id, record.Envelope.OriginNode);
        var version = await store.OwnVersionAsync(record.Id, cancellationToken) + 1;
        await store.SetOwnVersionAsync(record.Id, version, cancellationToken);
        foreach (var (recipient, threadId) in await store.ListSharesAsync(nodeId, record.Id, cancellationToken))
        {
            var thread = await store.FindThreadAsync(threadId, cancellationToken);
            // Each recipient got the record narrowed by the message it came in; the update is
            // narrowed by the same thread-level floor it had then (the record's own markings).
            var update = new RecordUpdate(threadId, SharedRecord.From(record, version));
            await Send(recipient, CaseMessageTypes.RecordUpdate, update, thread?.CaseReference, record.Envelope.Tlp, record.Envelope.Handling.Codes,
                cancellationToken);
        }
    }

    /// <summary>
    /// Withdraws one of this node's records: every node it was shared with deletes its copy and
    /// passes the withdrawal on to whomever it forwarded the record.
    /// </summary>
    public async Task WithdrawRecordAsync(string recordId, string originNode, CancellationToken cancellationToken = default)
    {
        EnsureOwn(recordId, originNode);
        var version = await store.OwnVersionAsync(recordId, cancellationToken);
        await store.AddWithdrawalAsync(nodeId, recordId, version, cancellationToken);
        await SendWithdrawals(nodeId, recordId, version, cancellationToken);
    }

    /// <summary>
    /// Passes the withdrawal of a record this node received on to every node it forwarded the record to
    /// (this node's own purge of its copy: the copies it gave out go with it). The receivers accept it
    /// because this node is the one that shared their copy.
    /// </summary>
    public Task PassOnWithdrawalAsync(string originNode, string recordId, int version, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(originNode);
        ArgumentException.ThrowIfNullOrWhiteSpace(recordId);
        return SendWithdrawals(originNode, recordId, version, cancellationToken);
    }

    private async Task SendWithdrawals(string originNode, string recordId, int version, CancellationToken cancellationToken)
    {
        foreach (var (recipient, threadId) in await store.ListSharesAsync(originNode, recordId, cancellationToken))
        {
            var thread = await store.FindThreadAsync(threadId, cancellationToken);
            await Send(recipient, CaseMessageTypes.RecordWithdrawal, new RecordWithdrawal(threadId, originNode, recordId, version),
                thread?.CaseReference, Tlp.Amber, HandlingCodes.H0, cancellationToken);
            if (originNode != nodeId)
            {
                Applied?.Invoke(new AppliedChange("passed-on", originNode, recordId, null, version, recipient));
            }
        }
    }

    private async Task<int> VersionToSend(EntityRecord record, CancellationToken cancellationToken)
    {
        if (record.Envelope.OriginNode == nodeId)
        {
            var current = await store.OwnVersionAsync(record.Id, cancellationToken);
            if (current == 0)
            {
                await store.SetOwnVersionAsync(record.Id, 1, cancellationToken);
                return 1;
            }
            return current;
        }
        var copy = await store.FindCopyAsync(record.Envelope.OriginNode, record.Id, cancellationToken)
                   ?? throw new ReadOnlyCopyException(record.Id, record.Envelope.OriginNode);
        return copy.Version;
    }

    private void EnsureOwn(string recordId, string originNode)
    {
        if (originNode != nodeId)
        {
            throw new ReadOnlyCopyException(recordId, originNode);
        }
    }

    private Task Send<T>(string recipient, string type, T payload, string? caseReference, Tlp tlp, HandlingCodes handling,
        CancellationToken cancellationToken) =>
        outbox.EnqueueAsync(new OutgoingMessage(recipient, type, JsonSerializer.SerializeToUtf8Bytes(payload, ExchangeJson.Options),
            caseReference, handling, tlp), cancellationToken);
}
