using System.Security.Cryptography;

namespace Liaison.Ledger.Merkle;

/// <summary>
/// Verification of RFC 9162 inclusion (§2.1.3.2) and consistency (§2.1.4.2) proofs. Pure functions:
/// anyone holding a signed checkpoint can run them without the log.
/// </summary>
public static class ProofVerifier
{
    /// <summary>Checks that the leaf with <paramref name="leafHash"/> is at <paramref name="index"/> of the tree of <paramref name="size"/> with <paramref name="root"/>.</summary>
    public static ProofCheck VerifyInclusion(ulong index, ulong size, ReadOnlySpan<byte> leafHash, IReadOnlyList<byte[]> proof, ReadOnlySpan<byte> root)
    {
        ArgumentNullException.ThrowIfNull(proof);
        if (index >= size)
        {
            return ProofCheck.Invalid($"index {index} is not below tree size {size}");
        }
        if (leafHash.Length != MerkleHash.Size)
        {
            return ProofCheck.Invalid("the leaf hash is not 32 bytes");
        }
        var fn = index;
        var sn = size - 1;
        var r = leafHash.ToArray();
        foreach (var p in proof)
        {
            if (p.Length != MerkleHash.Size)
            {
                return ProofCheck.Invalid("a proof hash is not 32 bytes");
            }
            if (sn == 0)
            {
                return ProofCheck.Invalid("the proof is too long");
            }
            if ((fn & 1) == 1 || fn == sn)
            {
                MerkleHash.Node(p, r, r);
                while ((fn & 1) == 0 && fn != 0)
                {
                    fn >>= 1;
                    sn >>= 1;
                }
            }
            else
            {
                MerkleHash.Node(r, p, r);
            }
            fn >>= 1;
            sn >>= 1;
        }
        if (sn != 0)
        {
            return ProofCheck.Invalid("the proof is too short");
        }
        return Same(r, root) ? ProofCheck.Valid : ProofCheck.Invalid("the proof leads to a different root");
    }

    /// <summary>Checks that the tree of <paramref name="size1"/> with <paramref name="root1"/> is a prefix of the tree of <paramref name="size2"/> with <paramref name="root2"/>.</summary>
    public static ProofCheck VerifyConsistency(ulong size1, ulong size2, IReadOnlyList<byte[]> proof, ReadOnlySpan<byte> root1, ReadOnlySpan<byte> root2)
    {
        ArgumentNullException.ThrowIfNull(proof);
        if (size1 > size2)
        {
            return ProofCheck.Invalid($"size {size1} is larger than size {size2}: a log cannot shrink");
        }
        if (size1 == 0)
        {
            // Every tree extends the empty one; a "proof" from it proves nothing and is refused so a
            // caller cannot mistake it for a check.
            return ProofCheck.Invalid("a consistency proof from the empty tree is meaningless");
        }
        if (size1 == size2)
        {
            if (proof.Count != 0)
            {
                return ProofCheck.Invalid("equal sizes need an empty proof");
            }
            return Same(root1, root2) ? ProofCheck.Valid : ProofCheck.Invalid("equal sizes but different roots");
        }
        if (proof.Count == 0)
        {
            return ProofCheck.Invalid("the proof is empty");
        }
        foreach (var p in proof)
        {
            if (p.Length != MerkleHash.Size)
            {
                return ProofCheck.Invalid("a proof hash is not 32 bytes");
            }
        }

        var hashes = proof;
        if (TreeMath.IsPowerOfTwo(size1))
        {
            // The old tree is one complete node of the new one; its root starts the chain.
            if (root1.Length != MerkleHash.Size)
            {
                return ProofCheck.Invalid("the old root is not 32 bytes");
            }
            var withRoot = new List<byte[]>(proof.Count + 1) { root1.ToArray() };
            withRoot.AddRange(proof);
            hashes = withRoot;
        }
        var fn = size1 - 1;
        var sn = size2 - 1;
        while ((fn & 1) == 1)
        {
            fn >>= 1;
            sn >>= 1;
        }
        var fr = (byte[])hashes[0].Clone();
        var sr = (byte[])hashes[0].Clone();
        for (var i = 1; i < hashes.Count; i++)
        {
            var c = hashes[i];
            if (sn == 0)
            {
                return ProofCheck.Invalid("the proof is too long");
            }
            if ((fn & 1) == 1 || fn == sn)
            {
                MerkleHash.Node(c, fr, fr);
                MerkleHash.Node(c, sr, sr);
                while ((fn & 1) == 0 && fn != 0)
                {
                    fn >>= 1;
                    sn >>= 1;
                }
            }
            else
            {
                MerkleHash.Node(sr, c, sr);
            }
            fn >>= 1;
            sn >>= 1;
        }
        if (sn != 0)
        {
            return ProofCheck.Invalid("the proof is too short");
        }
        if (!Same(fr, root1))
        {
            return ProofCheck.Invalid("the proof does not lead to the old root");
        }
        return Same(sr, root2) ? ProofCheck.Valid : ProofCheck.Invalid("the proof does not lead to the new root");
    }

    internal static bool Same(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b) => CryptographicOperations.FixedTimeEquals(a, b);
}
