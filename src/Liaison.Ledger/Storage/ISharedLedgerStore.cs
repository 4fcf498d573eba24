namespace Liaison.Ledger.Storage;

/// <summary>
/// A store that several sequencers append to at once — the replicas of one node on one database, or a
/// CLI command journalling while the server runs. Each append and each checkpoint happens under the
/// log's lock (<see cref="LockAsync"/>), after the sequencer has read what the others appended since it
/// last looked, so the log stays one linear hash chain and its signed checkpoints never go backwards,
/// whichever writer signs them.
/// </summary>
public interface ISharedLedgerStore : ILedgerStore
{
    /// <summary>
    /// Opens a transaction holding the log's lock: until it is committed or disposed, no other writer
    /// appends or stores a checkpoint. Entries committed by others before the lock was taken are visible
    /// through <see cref="ILedgerLock.ReadFromAsync"/>.
    /// </summary>
    Task<ILedgerLock> LockAsync(CancellationToken cancellationToken);
}
