namespace Liaison.Ledger.Merkle;

/// <summary>
/// The hashes of one level of the tree, appended in order and stored in fixed 1 MiB chunks so a log of
/// millions of entries never reallocates one huge array (or lands it on the large-object heap repeatedly).
/// </summary>
internal sealed class HashLevel
{
    private const int ChunkShift = 15;
    private const int ChunkHashes = 1 << ChunkShift;
    private readonly List<byte[]> _chunks = [];

    public ulong Count { get; private set; }

    public void Add(ReadOnlySpan<byte> hash)
    {
        var offset = (int)(Count & (ChunkHashes - 1));
        if (offset == 0)
        {
            _chunks.Add(new byte[ChunkHashes * MerkleHash.Size]);
        }
        hash.CopyTo(_chunks[^1].AsSpan(offset * MerkleHash.Size, MerkleHash.Size));
        Count++;
    }

    public ReadOnlySpan<byte> this[ulong index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
            var chunk = _chunks[(int)(index >> ChunkShift)];
            return chunk.AsSpan((int)(index & (ChunkHashes - 1)) * MerkleHash.Size, MerkleHash.Size);
        }
    }

    /// <summary>Drops the hashes from <paramref name="count"/> on (used when an append is abandoned).</summary>
    public void Truncate(ulong count)
    {
        if (count >= Count)
        {
            return;
        }
        Count = count;
        var chunksNeeded = (int)((count + ChunkHashes - 1) >> ChunkShift);
        _chunks.RemoveRange(chunksNeeded, _chunks.Count - chunksNeeded);
    }
}
