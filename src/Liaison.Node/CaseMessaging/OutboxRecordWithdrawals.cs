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
/// its copy row too, and is tombstoned so that a later update of the originator does not bring it back.
/// </summary>
public sealed class OutboxRecordWithdrawals(LiaisonDb db, NodeConfig node, IServiceProvider services) : IRecordWithdrawals
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
            if (copy is not null)
            {
                await store.AddWithdrawalAsync(copy.OriginNode, copy.RecordId, copy.Version, ct);
                await store.RemoveCopyAsync(copy.OriginNode, copy.RecordId, ct);
            }
        }
        return queued;
    }
}
