using Liaison.Exchange.Cases;
using Liaison.Exchange.Delivery;
using Liaison.Node.Retention;
using Liaison.Storage;
using Liaison.Storage.CaseMessaging;
using Liaison.Storage.Nodes;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Node.CaseMessaging;

/// <summary>
/// Retention's purge announced through case messaging: an own record purged is withdrawn from every
/// peer it was shared with (tombstone and outbox rows in one transaction; a record already withdrawn
/// queues nothing again, so a repeated call after a crash is harmless); a received copy purged loses
/// its copy row too, and is tombstoned so that a later update of the originator does not bring it back; the
/// withdrawal goes on to every node this one passed the copy on to (their copies came from this one).
/// </summary>
public sealed class OutboxRecordWithdrawals(LiaisonDb db, NodeConfig node, IServiceProvider services, TimeProvider clock) : IRecordWithdrawals
{
    public async Task<IReadOnlyList<QueuedWithdrawal>> WithdrawAsync(IReadOnlyList<PurgedRecord> records, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(records);
        var queued = new List<QueuedWithdrawal>();
        var store = new DbCaseStore(db);
        foreach (var purged in records)
        {
            if (purged.OriginNode == node.NodeId)
            {
                if (!await db.Set<CaseShareRow>().AnyAsync(s => s.OriginNode == node.NodeId && s.RecordId == purged.RecordId, ct))
                {
                    continue;
                }
                var desk = services.GetRequiredService<CaseDesk>();
                foreach (var recipient in await desk.WithdrawOwnAsync(purged.RecordId, ct))
                {
                    queued.Add(new QueuedWithdrawal(purged.RecordId, recipient));
                }
                continue;
            }
            var copy = await db.Set<ReceivedCopyRow>().AsNoTracking().FirstOrDefaultAsync(c => c.LocalId == purged.RecordId, ct);
            if (copy is null)
            {
                // Already purged (this is the retry after a crash): answer the same recipients, queue nothing again.
                var prefix = ReceivedCopies.LocalId(purged.OriginNode, "");
                if (purged.RecordId.StartsWith(prefix, StringComparison.Ordinal)
                    && await store.WithdrawnAtAsync(purged.OriginNode, purged.RecordId[prefix.Length..], ct) is not null)
                {
                    queued.AddRange(await PassedOnToAsync(store, purged, purged.OriginNode, purged.RecordId[prefix.Length..], ct));
                }
                continue;
            }
            // Tombstone, copy gone, and the withdrawal queued to every node this one passed the copy on to — one
            // transaction, so a retry after a crash finds no copy and queues nothing twice.
            await using var ownTx = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
            await store.AddWithdrawalAsync(copy.OriginNode, copy.RecordId, copy.Version, ct);
            await store.RemoveCopyAsync(copy.OriginNode, copy.RecordId, ct);
            await new CaseMailbox(node.NodeId, store, services.GetRequiredService<Outbox>(), clock).PassOnWithdrawalAsync(copy.OriginNode, copy.RecordId, copy.Version, ct);
            if (ownTx is not null)
            {
                await ownTx.CommitAsync(ct);
            }
            queued.AddRange(await PassedOnToAsync(store, purged, copy.OriginNode, copy.RecordId, ct));
        }
        return queued;
    }

    private static async Task<IEnumerable<QueuedWithdrawal>> PassedOnToAsync(DbCaseStore store, PurgedRecord purged, string originNode, string recordId,
        CancellationToken ct) =>
        (await store.ListSharesAsync(originNode, recordId, ct)).Select(s => s.Recipient).Distinct(StringComparer.Ordinal)
            .Select(recipient => new QueuedWithdrawal(purged.RecordId, recipient));
}
