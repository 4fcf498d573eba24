using Liaison.Ledger.Entries;

namespace Liaison.Ledger.Storage;

/// <summary>
/// The log's lock held in one store transaction (<see cref="ISharedLedgerStore.LockAsync"/>). Writes
/// become durable, and visible to the other writers, only at <see cref="CommitAsync"/>; disposing without
/// committing rolls them back and releases the lock.
/// </summary>
public interface ILedgerLock : IAsyncDisposable
{
    /// <summary>The entries from <paramref name="start"/> to the end of the log, in index order, as stored.</summary>
    IAsyncEnumerable<LedgerEntry> ReadFromAsync(long start, CancellationToken cancellationToken);

    /// <summary>Writes entries continuing the log (the first index equals its size), in this transaction.</summary>
    Task AppendAsync(IReadOnlyList<LedgerEntry> entries, CancellationToken cancellationToken);

    /// <summary>Keeps a signed checkpoint, in this transaction.</summary>
    Task AddCheckpointAsync(StoredCheckpoint checkpoint, CancellationToken cancellationToken);

    /// <summary>Makes the writes durable and releases the lock.</summary>
    Task CommitAsync(CancellationToken cancellationToken);
}
