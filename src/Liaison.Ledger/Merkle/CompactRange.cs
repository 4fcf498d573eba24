namespace Liaison.Ledger.Merkle;

/// <summary>
/// The right edge of a growing Merkle tree: one hash per set bit of the size (the roots of the perfect
/// subtrees that tile [0, size)). Appending merges the equal-height subtrees on the right, so an append
/// costs O(log n) hashes at worst and O(1) on average, and the root is folded from at most 64 hashes.
/// Used wherever a tree must be recomputed from a stream of entries without holding its nodes.
/// </summary>
public sealed class CompactRange
{
    // Stack from the tallest (leftmost) subtree to the smallest; its heights are the set bits of Size.
    private readonly List<byte[]> _stack = new(64);

    /// <summary>Number of leaves appended so far.</summary>
    public ulong Size { get; private set; }

    /// <summary>Adds the next leaf hash (SHA-256(0x00 || entry)).</summary>
    public void Append(ReadOnlySpan<byte> leafHash)
    {
        var merges = TreeMath.TrailingOnes(Size);
        if (merges == 0)
        {
            _stack.Add(leafHash.ToArray());
        }
        else
        {
            // Reuse the buffer of the smallest subtree we absorb: no allocation on the merge path.
            var top = _stack[^1];
            MerkleHash.Node(top, leafHash, top);
            for (var i = 1; i < merges; i++)
            {
                var left = _stack[^2];
                MerkleHash.Node(left, top, left);
                _stack.RemoveAt(_stack.Count - 1);
                top = left;
            }
        }
        Size++;
    }

    /// <summary>MTH of the leaves appended so far (SHA-256("") when empty).</summary>
    public byte[] Root()
    {
        if (_stack.Count == 0)
        {
            return MerkleHash.EmptyRoot();
        }
        var root = (byte[])_stack[^1].Clone();
        for (var i = _stack.Count - 2; i >= 0; i--)
        {
            MerkleHash.Node(_stack[i], root, root);
        }
        return root;
    }
}
