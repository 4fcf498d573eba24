using System.Runtime.CompilerServices;
using Liaison.Ledger.Entries;
using Liaison.Ledger.Storage;
using Liaison.Storage.Nodes;
using Liaison.Storage.Rows;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Liaison.Storage.Ledger;

/// <summary>
/// The log lock of a node database: one transaction that holds, on PostgreSQL, a transaction-scoped
/// advisory lock (released by the commit or rollback, also when a replica dies mid-append); on SQLite,
/// the database's write lock, which Microsoft.Data.Sqlite's <c>BEGIN IMMEDIATE</c> takes before any read.
/// Either way the reads made under it see every entry other writers committed before it was granted.
/// </summary>
internal sealed class DbLedgerLock : ILedgerLock
{
    /// <summary>The advisory lock's key: one log per database, so one constant ("LiaisonL" in ASCII).</summary>
    internal const long AdvisoryKey = 0x4C69_6169_736F_6E4C;

    private readonly LiaisonDb _db;
    private readonly IDbContextTransaction _tx;

    private DbLedgerLock(LiaisonDb db, IDbContextTransaction tx)
    {
        _db = db;
        _tx = tx;
    }

    public static async Task<DbLedgerLock> AcquireAsync(NodeConfig node, CancellationToken cancellationToken)
    {
        var db = LiaisonDbFactory.Create(node);
        try
        {
            var tx = await db.Database.BeginTransactionAsync(cancellationToken);
            if (db.Provider == StorageProvider.Postgres)
            {
                await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock({0})", [AdvisoryKey], cancellationToken);
            }
            return new DbLedgerLock(db, tx);
        }
        catch
        {
            await db.DisposeAsync();
            throw;
        }
    }

    public async IAsyncEnumerable<LedgerEntry> ReadFromAsync(long start, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // Usually empty (no other writer appended since) and always short: one indexed range query.
        var rows = await _db.LedgerEntries.AsNoTracking().Where(e => e.Index >= start).OrderBy(e => e.Index).ToListAsync(cancellationToken);
        foreach (var row in rows)
        {
            yield return new LedgerEntry(row.Index, row.Payload, row.LeafHash);
        }
    }

    public async Task AppendAsync(IReadOnlyList<LedgerEntry> entries, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entries);
        _db.LedgerEntries.AddRange(entries.Select(e => new LedgerEntryRow { Index = e.Index, Payload = e.Payload, LeafHash = e.LeafHash }));
        try
        {
            await _db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e)
        {
            // Under the lock this means a writer that does not take it (an old binary, or SQL by hand).
            throw new LedgerSequenceException($"another writer appended at index {entries[0].Index}: {e.InnerException?.Message ?? e.Message}", e);
        }
    }

    public async Task AddCheckpointAsync(StoredCheckpoint checkpoint, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        _db.LedgerCheckpoints.Add(new LedgerCheckpointRow { TreeSize = checkpoint.TreeSize, SignedNote = checkpoint.SignedNote });
        await _db.SaveChangesAsync(cancellationToken);
    }

    public Task CommitAsync(CancellationToken cancellationToken) => _tx.CommitAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await _tx.DisposeAsync();
        await _db.DisposeAsync();
    }
}
