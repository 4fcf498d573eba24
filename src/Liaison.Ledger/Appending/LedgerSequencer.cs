using Liaison.Ledger.Checkpoints;
using Liaison.Ledger.Entries;
using Liaison.Ledger.Merkle;
using Liaison.Ledger.Notes;
using Liaison.Ledger.Storage;

namespace Liaison.Ledger.Appending;

/// <summary>
/// The single writer of a node's log. It assigns consecutive indexes, writes entries through the
/// <see cref="ILedgerStore"/> (inside the caller's transaction when there is one), and only after the
/// write — and the caller's commit — folds their leaf hashes into the in-memory tree. So the tree head it
/// reports, signs and proves from is always a prefix of what is durable. One sequencer per log in a process: with
/// several node replicas on one database, each has a sequencer and the store's log lock
/// (<see cref="ISharedLedgerStore"/>) makes them take turns, each catching up on the others' entries first (see docs/ledger.md).
/// </summary>
public sealed class LedgerSequencer : IDisposable
{
    private readonly ILedgerStore _store;
    private readonly MerkleTree _tree;
    private readonly SemaphoreSlim _writer = new(1, 1);
    private readonly Lock _treeLock = new();

    private LedgerSequencer(ILedgerStore store, MerkleTree tree)
    {
        _store = store;
        _tree = tree;
    }

    /// <summary>Raised after entries became durable, with the new size (on the appending thread).</summary>
    public event Action<long>? Appended;

    /// <summary>
    /// Loads the stored log, rehashing every entry. Refuses (with <see cref="LedgerIntegrityException"/>)
    /// a log whose entries do not match their leaf hashes or indexes, or — when <paramref name="logKey"/>
    /// is given — whose latest checkpoint does not verify or does not match the entries.
    /// </summary>
    public static async Task<LedgerSequencer> OpenAsync(ILedgerStore store, NoteVerifierKey? logKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        // The checkpoint is read before the entries: another writer on a shared store may append and sign
        // while this one loads, and a checkpoint only ever covers entries committed before it was stored.
        var latest = logKey is null ? null : await store.GetLatestCheckpointAsync(cancellationToken);
        var tree = new MerkleTree();
        await foreach (var entry in store.ReadRangeAsync(0, long.MaxValue, cancellationToken))
        {
            FoldVerified(tree, entry);
        }
        if (logKey is not null && latest is not null)
        {
            SignedCheckpoint signed;
            try
            {
                signed = SignedCheckpoint.Open(latest.SignedNote, logKey);
            }
            catch (Exception e) when (e is NoteFormatException or NoteVerificationException)
            {
                throw new LedgerIntegrityException("the latest checkpoint does not verify: " + e.Message, e);
            }
            var size = (ulong)signed.Checkpoint.Size;
            if (size > tree.Size || !tree.Root(size).AsSpan().SequenceEqual(signed.Checkpoint.RootHash))
            {
                throw new LedgerIntegrityException($"the entries do not match the latest checkpoint (size {size})");
            }
        }
        return new LedgerSequencer(store, tree);
    }

    /// <summary>Adds a stored entry to the tree after checking that it is the next one and that its bytes match its leaf hash.</summary>
    private static void FoldVerified(MerkleTree tree, LedgerEntry entry)
    {
        var expected = (long)tree.Size;
        if (entry.Index != expected)
        {
            throw new LedgerIntegrityException(expected, $"found index {entry.Index} in its place");
        }
        Span<byte> hash = stackalloc byte[MerkleHash.Size];
        MerkleHash.Leaf(entry.Payload, hash);
        if (!hash.SequenceEqual(entry.LeafHash))
        {
            throw new LedgerIntegrityException(expected, "its bytes do not match its leaf hash");
        }
        tree.Append(entry.LeafHash);
    }

    /// <summary>Number of durable entries.</summary>
    public long Size
    {
        get
        {
            lock (_treeLock)
            {
                return (long)_tree.Size;
            }
        }
    }

    /// <summary>The current tree head.</summary>
    public TreeHead Head
    {
        get
        {
            lock (_treeLock)
            {
                return new TreeHead((long)_tree.Size, _tree.Root());
            }
        }
    }

    /// <summary>Appends events on their own (the store's own transaction, if any).</summary>
    public Task<IReadOnlyList<LedgerEntry>> AppendAsync(IReadOnlyList<LedgerEvent> events, CancellationToken cancellationToken) =>
        AppendAsync([.. events.Select(PreparedEntry.From)], commit: null, cancellationToken);

    /// <summary>
    /// Appends prepared entries. When the entries belong to a business change, pass its transaction's
    /// commit as <paramref name="commit"/>: the store writes inside that transaction, the commit runs
    /// while this sequencer still holds the log, and the tree advances only if the commit succeeded. If
    /// the store or the commit throws, nothing is advanced and the indexes are reused by the next append.
    /// </summary>
    public async Task<IReadOnlyList<LedgerEntry>> AppendAsync(IReadOnlyList<PreparedEntry> entries, Func<CancellationToken, Task>? commit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entries);
        if (entries.Count == 0)
        {
            return [];
        }
        await _writer.WaitAsync(cancellationToken);
        try
        {
            if (_store is ISharedLedgerStore shared)
            {
                if (commit is not null)
                {
                    throw new InvalidOperationException(
                        "a ledger shared by several writers appends in its own transaction under the log lock: journal after the business commit");
                }
                return await AppendSharedAsync(shared, entries, cancellationToken);
            }
            var first = Size;
            var stored = Place(entries, first);
            await _store.AppendAsync(stored, cancellationToken);
            if (commit is not null)
            {
                await commit(cancellationToken);
            }
            Fold(stored);
            Appended?.Invoke(first + stored.Length);
            return stored;
        }
        finally
        {
            _writer.Release();
        }
    }

    /// <summary>
    /// Under the store's log lock: first the entries other writers committed since this sequencer last
    /// looked (verified and folded — they are durable), then ours at the indexes that follow, committed
    /// before the lock is released. Indexes thus come from the database, not from this process.
    /// </summary>
    private async Task<IReadOnlyList<LedgerEntry>> AppendSharedAsync(ISharedLedgerStore shared, IReadOnlyList<PreparedEntry> entries, CancellationToken cancellationToken)
    {
        await using var log = await shared.LockAsync(cancellationToken);
        await CatchUpAsync(log.ReadFromAsync(Size, cancellationToken));
        var first = Size;
        var stored = Place(entries, first);
        await log.AppendAsync(stored, cancellationToken);
        await log.CommitAsync(cancellationToken);
        Fold(stored);
        Appended?.Invoke(first + stored.Length);
        return stored;
    }

    /// <summary>
    /// Brings the tree up to what other writers of a shared store have committed (nothing to do on a store
    /// this sequencer writes alone). Readers call it before serving a proof for a size another replica signed.
    /// </summary>
    public async Task<TreeHead> CatchUpAsync(CancellationToken cancellationToken)
    {
        if (_store is not ISharedLedgerStore)
        {
            return Head;
        }
        await _writer.WaitAsync(cancellationToken);
        try
        {
            // Without the lock: writers commit one after another in index order, so what is visible is
            // always a prefix of the log.
            await CatchUpAsync(_store.ReadRangeAsync(Size, long.MaxValue, cancellationToken));
            return Head;
        }
        finally
        {
            _writer.Release();
        }
    }

    private async Task CatchUpAsync(IAsyncEnumerable<LedgerEntry> newer)
    {
        // No Appended notification: these entries are the other writers' to checkpoint.
        await foreach (var entry in newer)
        {
            lock (_treeLock)
            {
                FoldVerified(_tree, entry);
            }
        }
    }

    /// <summary>
    /// Signs the tree head with <paramref name="sign"/> and stores the checkpoint. On a shared store this
    /// happens under the log lock after catching up, so the stored checkpoints never shrink whichever
    /// writer signs them, and each covers everything committed before it.
    /// </summary>
    public async Task<SignedCheckpoint> CheckpointAsync(Func<TreeHead, SignedCheckpoint> sign, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sign);
        if (_store is not ISharedLedgerStore shared)
        {
            var alone = sign(Head);
            await _store.AddCheckpointAsync(new StoredCheckpoint(alone.Checkpoint.Size, alone.Format()), cancellationToken);
            return alone;
        }
        await _writer.WaitAsync(cancellationToken);
        try
        {
            await using var log = await shared.LockAsync(cancellationToken);
            await CatchUpAsync(log.ReadFromAsync(Size, cancellationToken));
            var signed = sign(Head);
            await log.AddCheckpointAsync(new StoredCheckpoint(signed.Checkpoint.Size, signed.Format()), cancellationToken);
            await log.CommitAsync(cancellationToken);
            return signed;
        }
        finally
        {
            _writer.Release();
        }
    }

    private static LedgerEntry[] Place(IReadOnlyList<PreparedEntry> entries, long first)
    {
        var stored = new LedgerEntry[entries.Count];
        for (var i = 0; i < stored.Length; i++)
        {
            stored[i] = entries[i].At(first + i);
        }
        return stored;
    }

    private void Fold(LedgerEntry[] stored)
    {
        lock (_treeLock)
        {
            foreach (var entry in stored)
            {
                _tree.Append(entry.LeafHash);
            }
        }
    }

    /// <summary>Root hash of the log at <paramref name="size"/>.</summary>
    public byte[] RootAt(long size)
    {
        lock (_treeLock)
        {
            return _tree.Root(checked((ulong)size));
        }
    }

    /// <summary>Leaf hash of entry <paramref name="index"/>.</summary>
    public byte[] LeafHash(long index)
    {
        lock (_treeLock)
        {
            return _tree.LeafHash(checked((ulong)index));
        }
    }

    /// <summary>Inclusion proof of entry <paramref name="index"/> in the log at <paramref name="treeSize"/>.</summary>
    public IReadOnlyList<byte[]> InclusionProof(long index, long treeSize)
    {
        lock (_treeLock)
        {
            return _tree.InclusionProof(checked((ulong)index), checked((ulong)treeSize));
        }
    }

    /// <summary>Consistency proof from <paramref name="size1"/> to <paramref name="size2"/>.</summary>
    public IReadOnlyList<byte[]> ConsistencyProof(long size1, long size2)
    {
        lock (_treeLock)
        {
            return _tree.ConsistencyProof(checked((ulong)size1), checked((ulong)size2));
        }
    }

    public void Dispose() => _writer.Dispose();
}
