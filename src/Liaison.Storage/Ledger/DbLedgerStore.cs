using System.Runtime.CompilerServices;
using Liaison.Ledger.Entries;
using Liaison.Ledger.Storage;
using Liaison.Storage.Nodes;
using Liaison.Storage.Rows;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Storage.Ledger;

/// <summary>
/// The node's ledger in its own database (SQLite or PostgreSQL), next to the business data. Appends
/// are plain inserts keyed on the entry index: a gap or a second writer fails on the primary key and is
/// reported as <see cref="LedgerSequenceException"/>; sequencing and hashing stay in the sequencer.
/// Several replicas (and CLI commands) share it: the sequencers append and checkpoint under
/// <see cref="LockAsync"/> (see <see cref="DbLedgerLock"/>).
/// </summary>
public sealed class DbLedgerStore(NodeConfig node) : ISharedLedgerStore
{
    public async Task<ILedgerLock> LockAsync(CancellationToken cancellationToken) => await DbLedgerLock.AcquireAsync(node, cancellationToken);

    private const int ReadBatch = 4_096;

    public async Task AppendAsync(IReadOnlyList<LedgerEntry> entries, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entries);
        if (entries.Count == 0)
        {
            return;
        }
        await using var db = LiaisonDbFactory.Create(node);
        var size = await SizeAsync(db, cancellationToken);
        if (entries[0].Index != size)
        {
            throw new LedgerSequenceException($"append at index {entries[0].Index} but the log holds {size} entries");
        }
        db.LedgerEntries.AddRange(entries.Select(e => new LedgerEntryRow { Index = e.Index, Payload = e.Payload, LeafHash = e.LeafHash }));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e)
        {
            throw new LedgerSequenceException($"another writer appended at index {entries[0].Index}: {e.InnerException?.Message ?? e.Message}");
        }
    }

    public async Task<long> GetSizeAsync(CancellationToken cancellationToken)
    {
        await using var db = LiaisonDbFactory.Create(node);
        return await SizeAsync(db, cancellationToken);
    }

    private static async Task<long> SizeAsync(LiaisonDb db, CancellationToken ct) =>
        await db.LedgerEntries.AnyAsync(ct) ? await db.LedgerEntries.MaxAsync(e => e.Index, ct) + 1 : 0;

    public async Task<LedgerEntry> GetEntryAsync(long index, CancellationToken cancellationToken)
    {
        await using var db = LiaisonDbFactory.Create(node);
        var row = await db.LedgerEntries.AsNoTracking().FirstOrDefaultAsync(e => e.Index == index, cancellationToken)
            ?? throw new ArgumentOutOfRangeException(nameof(index), $"the ledger has no entry {index}");
        return new LedgerEntry(row.Index, row.Payload, row.LeafHash);
    }

    public async IAsyncEnumerable<LedgerEntry> ReadRangeAsync(long start, long count, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var db = LiaisonDbFactory.Create(node);
        var end = count >= long.MaxValue - start ? long.MaxValue : start + count;
        var next = start;
        while (next < end)
        {
            var from = next;
            var batch = await db.LedgerEntries.AsNoTracking().Where(e => e.Index >= from && e.Index < end)
                .OrderBy(e => e.Index).Take(ReadBatch).ToListAsync(cancellationToken);
            foreach (var row in batch)
            {
                yield return new LedgerEntry(row.Index, row.Payload, row.LeafHash);
            }
            if (batch.Count < ReadBatch)
            {
                yield break;
            }
            next = batch[^1].Index + 1;
        }
    }

    public async Task AddCheckpointAsync(StoredCheckpoint checkpoint, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        await using var db = LiaisonDbFactory.Create(node);
        db.LedgerCheckpoints.Add(new LedgerCheckpointRow { TreeSize = checkpoint.TreeSize, SignedNote = checkpoint.SignedNote });
        await db.SaveChangesAsync(cancellationToken);
    }

    public async IAsyncEnumerable<StoredCheckpoint> ReadCheckpointsAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var db = LiaisonDbFactory.Create(node);
        await foreach (var row in db.LedgerCheckpoints.AsNoTracking().OrderBy(c => c.Id).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            yield return new StoredCheckpoint(row.TreeSize, row.SignedNote);
        }
    }

    public async Task<StoredCheckpoint?> GetLatestCheckpointAsync(CancellationToken cancellationToken)
    {
        await using var db = LiaisonDbFactory.Create(node);
        var row = await db.LedgerCheckpoints.AsNoTracking().OrderByDescending(c => c.Id).FirstOrDefaultAsync(cancellationToken);
        return row is null ? null : new StoredCheckpoint(row.TreeSize, row.SignedNote);
    }

    public async Task AddCosignatureAsync(StoredCosignature cosignature, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cosignature);
        await using var db = LiaisonDbFactory.Create(node);
        db.LedgerCosignatures.Add(new LedgerCosignatureRow
        {
            TreeSize = cosignature.TreeSize, CheckpointText = cosignature.CheckpointText, WitnessName = cosignature.WitnessName, SignatureLine = cosignature.SignatureLine,
        });
        await db.SaveChangesAsync(cancellationToken);
    }

    public async IAsyncEnumerable<StoredCosignature> ReadCosignaturesAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var db = LiaisonDbFactory.Create(node);
        await foreach (var row in db.LedgerCosignatures.AsNoTracking().OrderBy(c => c.Id).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            yield return new StoredCosignature(row.TreeSize, row.CheckpointText, row.WitnessName, row.SignatureLine);
        }
    }
}
