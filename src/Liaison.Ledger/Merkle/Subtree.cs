namespace Liaison.Ledger.Merkle;

/// <summary>
/// A half-open range [Start, End) of leaves that forms one node of some Merkle tree, as defined for
/// subtree proofs by the Merkle Tree Certificates draft (draft-ietf-plants-merkle-tree-certs §4):
/// non-empty, and with no ragged left edge (the size is at most the largest power of two dividing Start).
/// </summary>
public readonly record struct Subtree(ulong Start, ulong End)
{
    public ulong Size => End - Start;

    public bool IsValid
    {
        get
        {
            if (Start >= End)
            {
                return false;
            }
            var alignment = Start & (~Start + 1);
            return Start == 0 || Size <= alignment;
        }
    }

    public bool Contains(ulong index) => Start <= index && index < End;
}
