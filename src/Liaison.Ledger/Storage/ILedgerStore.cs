using Liaison.Ledger.Entries;

namespace Liaison.Ledger.Storage;

/// <summary>
/// Where the log lives: entries in index order, the checkpoints the node signed, and the cosignatures
/// peers returned for them. The node's database implements it (SQLite, PostgreSQL) so that
/// <see cref="AppendAsync"/> writes inside whatever transaction is ambient — the one carrying the
/// business change the entries journal; the export folder implements it with files
/// (<see cref="FileLedgerStore"/>). Implementations only store: sequencing, hashing and signing happen in
/// <see cref="Appending.LedgerSequencer"/>, the single writer.
/// </summary>
public interface ILedgerStore
{
    /// <summary>
    /// Appends entries whose indexes continue the log without a gap (the first equals the current size).
    /// Must reject, with <see cref="LedgerSequenceException"/>, a batch that does not start at the current
    /// size — a database does so with a primary key on the index.
    /// </summary>
    Task AppendAsync(IReadOnlyList<LedgerEntry> entries, CancellationToken cancellationToken);

    /// <summary>Number of entries (the next index).</summary>
    Task<long> GetSizeAsync(CancellationToken cancellationToken);

    /// <summary>The entry at <paramref name="index"/>.</summary>
    Task<LedgerEntry> GetEntryAsync(long index, CancellationToken cancellationToken);

    /// <summary>Entries from <paramref name="start"/>, at most <paramref name="count"/>, in index order, as stored (a verifier checks the indexes).</summary>
    IAsyncEnumerable<LedgerEntry> ReadRangeAsync(long start, long count, CancellationToken cancellationToken);

    /// <summary>Keeps a checkpoint the node signed.</summary>
    Task AddCheckpointAsync(StoredCheckpoint checkpoint, CancellationToken cancellationToken);

    /// <summary>Every stored checkpoint, in the order they were issued.</summary>
    IAsyncEnumerable<StoredCheckpoint> ReadCheckpointsAsync(CancellationToken cancellationToken);

    /// <summary>The last checkpoint issued, or null before the first.</summary>
    Task<StoredCheckpoint?> GetLatestCheckpointAsync(CancellationToken cancellationToken);

    /// <summary>Keeps a witness cosignature of one of our checkpoints.</summary>
    Task AddCosignatureAsync(StoredCosignature cosignature, CancellationToken cancellationToken);

    /// <summary>Every stored cosignature, in the order received.</summary>
    IAsyncEnumerable<StoredCosignature> ReadCosignaturesAsync(CancellationToken cancellationToken);
}
