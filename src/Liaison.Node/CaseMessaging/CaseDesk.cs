using System.Text.Json;
using Liaison.Core.Markings;
using Liaison.Core.Model;
using Liaison.Core.Policy;
using Liaison.Core.Policy.Release;
using Liaison.Core.Policy.Retention;
using Liaison.Exchange.Cases;
using Liaison.Exchange.Delivery;
using Liaison.Exchange.Envelopes;
using Liaison.Node.Exchange;
using Liaison.Node.Federation;
using Liaison.Node.Audit;
using Liaison.Node.Policy;
using Liaison.Storage;
using Liaison.Storage.CaseMessaging;
using Liaison.Storage.Nodes;
using Liaison.Storage.Records;
using Liaison.Storage.Retention;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Node.CaseMessaging;

/// <summary>
/// Case messaging for the node's users: the threads of a case, posting a message with records to a
/// peer (each record through the share decision, sent as <see cref="RecordRelease"/> makes it for that
/// peer; a received copy is passed on only where the originator's handling codes allow it too,
/// <see cref="OnwardHandling"/>), sending a shared record's new version, and withdrawing it. Every act passes the
/// <see cref="RequestGate"/> and is journalled; what is sent is enqueued in the same transaction as
/// the thread and share rows, so both exist or neither.
/// </summary>
public sealed class CaseDesk(LiaisonDb db, RequestGate gate, NodeConfig node, NodeFederation federation, NodePseudonymKey pseudonyms,
    AuditJournal journal, IServiceProvider services, TimeProvider clock)
{
    /// <summary>The message markings a record is narrowed by on the way out (the library's default for a case message).</summary>
    private static readonly Tlp MessageTlp = Tlp.Amber;
    private static readonly Handling MessageHandling = Handling.LawEnforcementOnly;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private DbCaseStore Store => new(db);

    public async Task<(PolicyDecision Decision, IReadOnlyList<CaseThread> Threads)> ThreadsAsync(string caseId, string? purpose, CancellationToken ct)
    {
        var decision = await gate.DecideAsync(PolicyAction.ReadRecord, caseId, purpose, subject: "case messages", ct: ct);
        if (!decision.IsPermitted)
        {
            return (decision, []);
        }
        // An incoming case "{peer}:{ref}" holds the threads that peer filed under its reference "ref".
        var colon = caseId.IndexOf(':', StringComparison.Ordinal);
        var reference = colon > 0 ? caseId[(colon + 1)..] : caseId;
        var peer = colon > 0 ? caseId[..colon] : null;
        var rows = await db.Set<CaseThreadRow>().AsNoTracking()
            .Where(t => t.CaseReference == caseId || (peer != null && t.CaseReference == reference)).ToListAsync(ct);
        var threads = new List<CaseThread>();
        foreach (var row in rows.Where(r => r.CaseReference == caseId || r.Participants.Split(' ').Contains(peer)))
        {
            threads.Add((await Store.FindThreadAsync(row.ThreadId, ct))!);
        }
        return (decision, threads);
    }

    /// <summary>Posts <paramref name="text"/> with the records to <paramref name="peerId"/>; throws <see cref="ShareDeniedException"/> before anything is sent if the policy refuses one.</summary>
    public async Task<CaseMessage> PostAsync(string caseId, string? peerId, string? text, IReadOnlyList<string> recordIds, string? purpose, CancellationToken ct)
    {
        await EnsureMaySendAsync(caseId, purpose, "case.message", ct);
        if (string.IsNullOrWhiteSpace(peerId))
        {
            throw new CaseMessagingInputException("peer", "required: the node id of the agency to write to");
        }
        if (text is null || text.Length > 20_000)
        {
            throw new CaseMessagingInputException("text", "required, at most 20,000 characters");
        }
        var peer = await federation.Peers.FindAsync(peerId, ct) ?? throw new CaseMessagingInputException("peer", $"'{peerId}' is not an on-boarded peer");
        var recipient = new Recipient(peer.NodeId, peer.Descriptor.Agency, peer.Descriptor.Jurisdiction);
        var today = RetentionDay.Today(clock);
        var released = new List<EntityRecord>();
        if (recordIds.Count == 0)
        {
            var decision = await gate.DecideAsync(PolicyAction.Share, caseId, purpose, subject: $"message to {peer.NodeId}", ct: ct, recipient: recipient);
            if (!decision.IsPermitted)
            {
                throw new ShareDeniedException(null, decision);
            }
        }
        foreach (var id in recordIds.Distinct(StringComparer.Ordinal))
        {
            var row = await db.Records.AsNoTracking().InForce(today).FirstOrDefaultAsync(r => r.Id == id && r.CaseId == caseId, ct);
            // A record the caller may not see answers exactly as one that does not exist.
            var record = row is null ? null : RecordRowMapper.ToRecord(row);
            var decision = await gate.DecideAsync(PolicyAction.Share, caseId, purpose, record, subject: $"record {id} to {peer.NodeId}", ct: ct, recipient: recipient);
            if (row is null)
            {
                throw new CaseMessagingInputException("recordIds", $"no record '{id}' in case '{caseId}'", notFound: true);
            }
            if (!decision.IsPermitted)
            {
                throw new ShareDeniedException(id, decision);
            }
            var outgoing = record!;
            if (row.IsReceivedCopy)
            {
                outgoing = await OnwardAsync(caseId, purpose, row, record!, peer.NodeId, ct);
            }
            released.Add(RecordRelease.Apply(outgoing, decision.Obligations, recipient, pseudonyms.Key));
        }

        var mailbox = new CaseMailbox(node.NodeId, Store, services.GetRequiredService<Outbox>(), clock);
        var caller = await gate.CallerAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var thread = await ThreadWithAsync(mailbox, caseId, peer.NodeId, ct);
        var message = await mailbox.PostAsync(thread.ThreadId, text, released, MessageTlp, MessageHandling, ct);
        await OweAndCommitAsync(tx, caller.UserId, message.MessageId, "case.message", caseId,
            $"message {message.MessageId} in thread {thread.ThreadId} to {peer.NodeId}; records: {string.Join(",", released.Select(r => r.Id))}", ct);
        return message;
    }

    /// <summary>
    /// A received copy passed on to a third node: refused (and journalled) when the originator's handling
    /// codes forbid it (<see cref="OnwardHandling"/>); otherwise the record under the originator's id and
    /// case, with the markings it has here (already the narrower of the originator's and each hop's) and
    /// its provenance naming the node it came from, so the next node keeps the origin and the chain.
    /// </summary>
    private async Task<EntityRecord> OnwardAsync(string caseId, string? purpose, Storage.Rows.RecordRow row, EntityRecord record, string peerId,
        CancellationToken ct)
    {
        if (OnwardHandling.Refusal(record, purpose) is { } refusal)
        {
            var caller = await gate.CallerAsync(ct);
            await journal.RecordAsync(caller.UserId, PolicyNames.Of(PolicyAction.Share), "deny", caseId, purpose, refusal.Rule,
                $"record {row.Id} to {peerId} {refusal.ToJson()}", ct);
            throw new ShareDeniedException(row.Id, refusal);
        }
        var copy = await db.Set<ReceivedCopyRow>().AsNoTracking().FirstOrDefaultAsync(c => c.LocalId == row.Id, ct)
                   ?? throw new ReadOnlyCopyException(row.Id, row.OriginNode);
        var originCase = JsonSerializer.Deserialize<SharedRecord>(copy.SharedJson, Json)?.CaseId
                         ?? throw new InvalidDataException($"received copy {row.Id} has no record");
        return new EntityRecord(copy.RecordId, record.Schema, record.Properties.ToDictionary(p => p.Key, p => p.Value.ToList()),
            record.Envelope with { CaseId = originCase });
    }

    /// <summary>Sends the current version of one of this node's records to every peer it was shared with, each copy released for that peer again.</summary>
    public async Task<IReadOnlyList<string>> SendUpdateAsync(string caseId, string recordId, string? purpose, CancellationToken ct)
    {
        var (record, row) = await OwnRecordAsync(caseId, recordId, purpose, ct);
        await EnsureMaySendAsync(caseId, purpose, "case.record-update", ct);
        var shares = await Store.ListSharesAsync(node.NodeId, recordId, ct);
        var outgoing = new List<(string Recipient, string ThreadId, EntityRecord Copy)>();
        foreach (var (recipientId, threadId) in shares)
        {
            var peer = await federation.Peers.FindAsync(recipientId, ct);
            var recipient = peer is null ? null : new Recipient(peer.NodeId, peer.Descriptor.Agency, peer.Descriptor.Jurisdiction);
            var decision = await gate.DecideAsync(PolicyAction.Share, caseId, purpose, record, subject: $"update of record {recordId} to {recipientId}", ct: ct,
                recipient: recipient);
            if (!decision.IsPermitted)
            {
                throw new ShareDeniedException(recordId, decision);
            }
            var released = RecordRelease.Apply(record, decision.Obligations, recipient!, pseudonyms.Key);
            var narrowed = new EntityRecord(released.Id, released.Schema, released.Properties.ToDictionary(p => p.Key, p => p.Value.ToList()),
                MarkingsOnForward.Narrow(released.Envelope, MessageTlp, MessageHandling));
            outgoing.Add((recipientId, threadId, narrowed));
        }
        if (outgoing.Count == 0)
        {
            return [];
        }
        var outbox = services.GetRequiredService<Outbox>();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var version = await Store.OwnVersionAsync(recordId, ct) + 1;
        await Store.SetOwnVersionAsync(recordId, version, ct);
        foreach (var (recipientId, threadId, copy) in outgoing)
        {
            await outbox.EnqueueAsync(new OutgoingMessage(recipientId, CaseMessageTypes.RecordUpdate,
                JsonSerializer.SerializeToUtf8Bytes(new RecordUpdate(threadId, SharedRecord.From(copy, version)), Json), row.CaseId,
                copy.Envelope.Handling.Codes, copy.Envelope.Tlp), ct);
        }
        var caller = await gate.CallerAsync(ct);
        await OweAndCommitAsync(tx, caller.UserId, $"record {recordId} v{version}", "case.record-update", caseId,
            $"record {recordId} v{version} sent to {string.Join(",", outgoing.Select(o => o.Recipient))}", ct);
        return outgoing.Select(o => o.Recipient).ToList();
    }

    /// <summary>Withdraws one of this node's records from every peer it was shared with (their copies are deleted).</summary>
    public async Task<IReadOnlyList<string>> WithdrawAsync(string caseId, string recordId, string? purpose, CancellationToken ct)
    {
        _ = await OwnRecordAsync(caseId, recordId, purpose, ct);
        await EnsureMaySendAsync(caseId, purpose, "case.withdraw", ct);
        var caller = await gate.CallerAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var recipients = await WithdrawOwnAsync(recordId, ct);
        // Each withdrawal request is its own act (a second one of the same record is journalled too).
        await OweAndCommitAsync(tx, caller.UserId, $"withdraw {recordId} {Guid.NewGuid():N}", "case.withdraw", caseId,
            $"record {recordId} withdrawn from {string.Join(",", recipients)}", ct);
        return recipients;
    }

    /// <summary>
    /// Owes the act's ledger entry inside <paramref name="tx"/>, commits, then journals it: a crash between
    /// the commit and the ledger leaves the entry owed (journalled at the next start), never lost.
    /// </summary>
    private async Task OweAndCommitAsync(Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction tx, string actor, string key, string action,
        string caseId, string detail, CancellationToken ct)
    {
        services.GetRequiredService<InboundJournal>().OweOwnAct(node.NodeId, actor, key, action, "permit", caseId, detail);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        await services.GetRequiredService<InboundJournalWriter>().JournalOwedAsync(ct);
    }

    /// <summary>Queues the withdrawal of an own record to every recipient in one transaction with its tombstone; a record already withdrawn queues nothing again.</summary>
    internal async Task<IReadOnlyList<string>> WithdrawOwnAsync(string recordId, CancellationToken ct)
    {
        var store = Store;
        var recipients = (await store.ListSharesAsync(node.NodeId, recordId, ct)).Select(s => s.Recipient).Distinct(StringComparer.Ordinal).ToList();
        // Never shared: nobody to tell. Already withdrawn: the withdrawals were queued with the tombstone.
        if (recipients.Count == 0 || await store.WithdrawnAtAsync(node.NodeId, recordId, ct) is not null)
        {
            return recipients;
        }
        var ownTx = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        var mailbox = new CaseMailbox(node.NodeId, store, services.GetRequiredService<Outbox>(), clock);
        await mailbox.WithdrawRecordAsync(recordId, node.NodeId, ct);
        if (ownTx is not null)
        {
            await ownTx.CommitAsync(ct);
            await ownTx.DisposeAsync();
        }
        return recipients;
    }

    /// <summary>Need-to-know of the case (else answered as not found) and a role that may share (else 403).</summary>
    private async Task EnsureMaySendAsync(string caseId, string? purpose, string what, CancellationToken ct)
    {
        var seen = await gate.DecideAsync(PolicyAction.ReadRecord, caseId, purpose, subject: what, ct: ct);
        if (!seen.IsPermitted)
        {
            throw new CaseMessagingInputException("caseId", $"no case '{caseId}'", notFound: true);
        }
        if (!await gate.PermissionAsync(PolicyAction.Share, what, caseId, ct))
        {
            throw new ShareDeniedException(null, PolicyDecision.Deny("permission-matrix", "no role of the caller may share"));
        }
    }

    private async Task<(EntityRecord Record, Storage.Rows.RecordRow Row)> OwnRecordAsync(string caseId, string recordId, string? purpose, CancellationToken ct)
    {
        var row = await db.Records.AsNoTracking().InForce(RetentionDay.Today(clock)).FirstOrDefaultAsync(r => r.Id == recordId && r.CaseId == caseId, ct);
        var record = row is null ? null : RecordRowMapper.ToRecord(row);
        var decision = await gate.DecideAsync(PolicyAction.ReadRecord, caseId, purpose, record, subject: $"record {recordId}", ct: ct);
        if (row is null || !decision.IsPermitted)
        {
            throw new CaseMessagingInputException("recordId", $"no record '{recordId}' in case '{caseId}'", notFound: true);
        }
        if (row.IsReceivedCopy)
        {
            throw new ReadOnlyCopyException(recordId, row.OriginNode);
        }
        return (record!, row);
    }

    private async Task<CaseThread> ThreadWithAsync(CaseMailbox mailbox, string caseId, string peer, CancellationToken ct)
    {
        var participants = string.Join(' ', new[] { node.NodeId, peer }.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));
        var id = await db.Set<CaseThreadRow>().Where(t => t.CaseReference == caseId && t.Participants == participants).Select(t => t.ThreadId).FirstOrDefaultAsync(ct);
        return id is not null ? (await Store.FindThreadAsync(id, ct))! : await mailbox.OpenThreadAsync(caseId, $"Case {caseId}", [peer], ct);
    }
}
