namespace Liaison.Ledger.Merkle;

/// <summary>
/// An append-only Merkle tree that keeps every complete node (the leaf hashes and each perfect subtree
/// above them), so appends cost O(1) amortised hashing and any inclusion or consistency proof, for the
/// current size or an earlier one, is read off in O(log n) lookups plus the few right-edge nodes that
/// are not complete yet. Memory: 64 bytes per leaf. Not thread-safe: the sequencer owns it.
/// </summary>
public sealed class MerkleTree
{
    private readonly List<HashLevel> _levels = [new HashLevel()];

    /// <summary>Number of leaves.</summary>
    public ulong Size => _levels[0].Count;

    /// <summary>Appends one leaf hash, completing every perfect subtree it closes.</summary>
    public void Append(ReadOnlySpan<byte> leafHash)
    {
        if (leafHash.Length != MerkleHash.Size)
        {
            throw new ArgumentException("A leaf hash is 32 bytes.", nameof(leafHash));
        }
        var index = Size;
        _levels[0].Add(leafHash);
        Span<byte> node = stackalloc byte[MerkleHash.Size];
        var level = 0;
        while ((index & 1) == 1)
        {
            MerkleHash.Node(_levels[level][index - 1], _levels[level][index], node);
            if (_levels.Count == level + 1)
            {
                _levels.Add(new HashLevel());
            }
            _levels[level + 1].Add(node);
            index >>= 1;
            level++;
        }
    }

    /// <summary>Forgets leaves from <paramref name="size"/> on, undoing appends the store did not commit.</summary>
    public void Truncate(ulong size)
    {
        for (var level = 0; level < _levels.Count; level++)
        {
            _levels[level].Truncate(size >> level);
        }
    }

    /// <summary>The hash of leaf <paramref name="index"/>.</summary>
    public byte[] LeafHash(ulong index) => _levels[0][index].ToArray();

    /// <summary>Root hash of the tree at <paramref name="size"/> (≤ <see cref="Size"/>).</summary>
    public byte[] Root(ulong size)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(size, Size);
        return size == 0 ? MerkleHash.EmptyRoot() : SubtreeHash(new Subtree(0, size));
    }

    /// <summary>Root hash at the current size.</summary>
    public byte[] Root() => Root(Size);

    /// <summary>
    /// MTH of a valid subtree within the tree: starts from the largest complete node on its right edge
    /// and folds in the complete left neighbours going up.
    /// </summary>
    public byte[] SubtreeHash(Subtree subtree)
    {
        if (!subtree.IsValid || subtree.End > Size)
        {
            throw new ArgumentOutOfRangeException(nameof(subtree), subtree, "Not a subtree of this tree.");
        }
        var start = subtree.Start;
        var last = subtree.End - 1;
        var level = TreeMath.TrailingOnes(last - start);
        start >>= level;
        last >>= level;
        var hash = _levels[level][last].ToArray();
        while (start < last)
        {
            if ((last & 1) == 1)
            {
                MerkleHash.Node(_levels[level][last - 1], hash, hash);
            }
            level++;
            start >>= 1;
            last >>= 1;
        }
        return hash;
    }

    /// <summary>RFC 9162 §2.1.3.1 inclusion proof (PATH) for leaf <paramref name="index"/> in the tree of <paramref name="size"/>.</summary>
    public IReadOnlyList<byte[]> InclusionProof(ulong index, ulong size)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(size, Size);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, size);
        var proof = new List<byte[]>(64);
        var last = size - 1;
        var level = 0;
        while (last > 0)
        {
            var neighbour = index ^ 1;
            if (neighbour < last)
            {
                proof.Add(_levels[level][neighbour].ToArray());
            }
            else if (neighbour == last)
            {
                // The right neighbour on the edge of the tree may be incomplete at this size.
                proof.Add(SubtreeHash(new Subtree(last << level, size)));
            }
            level++;
            index >>= 1;
            last >>= 1;
        }
        return proof;
    }

    /// <summary>RFC 9162 §2.1.4.1 consistency proof (SUBPROOF) from <paramref name="size1"/> to <paramref name="size2"/>.</summary>
    public IReadOnlyList<byte[]> ConsistencyProof(ulong size1, ulong size2)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(size2, Size);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(size1, size2);
        var proof = new List<byte[]>(64);
        if (size1 == 0 || size1 == size2)
        {
            return proof;
        }
        SubProof(size1, 0, size2, true, proof);
        return proof;
    }

    private void SubProof(ulong m, ulong start, ulong end, bool wholeOldTreeKnown, List<byte[]> proof)
    {
        var n = end - start;
        if (m == n)
        {
            if (!wholeOldTreeKnown)
            {
                proof.Add(SubtreeHash(new Subtree(start, end)));
            }
            return;
        }
        var k = TreeMath.SplitPoint(n);
        if (m <= k)
        {
            SubProof(m, start, start + k, wholeOldTreeKnown, proof);
            proof.Add(SubtreeHash(new Subtree(start + k, end)));
        }
        else
        {
            SubProof(m - k, start + k, end, false, proof);
            proof.Add(SubtreeHash(new Subtree(start, start + k)));
        }
    }
}
