using Liaison.Ledger.Entries;

namespace Liaison.Ledger.Appending;

/// <summary>
/// An event already encoded and hashed, waiting for its index. Preparing happens on the caller's thread
/// so the single sequencer only assigns positions and folds hashes into the tree.
/// </summary>
public sealed record PreparedEntry(byte[] Payload, byte[] LeafHash)
{
    public static PreparedEntry From(LedgerEvent e)
    {
        var payload = CanonicalEntryEncoding.Encode(e);
        return new PreparedEntry(payload, Merkle.MerkleHash.Leaf(payload));
    }

    internal LedgerEntry At(long index) => new(index, Payload, LeafHash);
}
