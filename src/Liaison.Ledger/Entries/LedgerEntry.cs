namespace Liaison.Ledger.Entries;

/// <summary>
/// An event as stored in the log: its position, its canonical bytes (<see cref="CanonicalEntryEncoding"/>)
/// and the leaf hash SHA-256(0x00 || payload) recorded when it was appended. The stored leaf hash lets a
/// verifier name the exact entry whose bytes were changed; it is never trusted for the root.
/// </summary>
public sealed record LedgerEntry(long Index, byte[] Payload, byte[] LeafHash)
{
    /// <summary>Builds the entry for <paramref name="e"/> at <paramref name="index"/>.</summary>
    public static LedgerEntry Create(long index, LedgerEvent e)
    {
        var payload = CanonicalEntryEncoding.Encode(e);
        return new LedgerEntry(index, payload, Merkle.MerkleHash.Leaf(payload));
    }

    /// <summary>The event this entry records (throws <see cref="MalformedEntryException"/> when the bytes are not canonical).</summary>
    public LedgerEvent Decode() => CanonicalEntryEncoding.Decode(Payload);
}
