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
/// reports, signs and proves from is always a prefix of what is durable. One sequencer per log: with
/// several node replicas, the one holding the database's sequencer lock runs it (see docs/ledger.md).
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
        var tree = new MerkleTree();
        var expected = 0L;
        var hash = new byte[MerkleHash.Size];
        await foreach (var entry in store.ReadRangeAsync(0, long.MaxValue, cancellationToken))
        {
            if (entry.Index != expected)
            {
                throw new LedgerIntegrityException(expected, $"found index {entry.Index} in its place");
            }
            MerkleHash.Leaf(entry.Payload, hash);
            if (!hash.AsSpan().SequenceEqual(entry.LeafHash))
            {
                throw new LedgerIntegrityException(expected, "its bytes do not match its leaf hash");
            }
            tree.Append(hash);
            expected++;
        }
        if (logKey is not null && await store.GetLatestCheckpointAsync(cancellationToken) is { } latest)
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
            var first = Size;
            var stored = new LedgerEntry[entries.Count];
            for (var i = 0; i < stored.Length; i++)
            {
                stored[i] = entries[i].At(first + i);
            }
            await _store.AppendAsync(stored, cancellationToken);
            if (commit is not null)
            {
                await commit(cancellationToken);
            }
            lock (_treeLock)
            {
                foreach (var entry in stored)
                {
                    _tree.Append(entry.LeafHash);
                }
            }
            Appended?.Invoke(first + stored.Length);
            return stored;
        }
        finally
        {
            _writer.Release();
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
