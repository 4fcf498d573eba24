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
        Span<byte> r = stackalloc byte[MerkleHash.Size];
        leafHash.CopyTo(r);
        for (var i = 0; i < proof.Count; i++)
        {
            var p = proof[i];
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
        for (var i = 0; i < proof.Count; i++)
        {
            if (proof[i].Length != MerkleHash.Size)
            {
                return ProofCheck.Invalid("a proof hash is not 32 bytes");
            }
        }

        // Allocation-free: the running hashes live on the stack, and when the old size is a power of two
        // its root (one complete node of the new tree) is the implicit first element of the chain
        // rather than a copy of the proof with the root prepended.
        var rootFirst = TreeMath.IsPowerOfTwo(size1);
        if (rootFirst && root1.Length != MerkleHash.Size)
        {
            return ProofCheck.Invalid("the old root is not 32 bytes");
        }
        var count = proof.Count + (rootFirst ? 1 : 0);
        var fn = size1 - 1;
        var sn = size2 - 1;
        while ((fn & 1) == 1)
        {
            fn >>= 1;
            sn >>= 1;
        }
        Span<byte> fr = stackalloc byte[MerkleHash.Size];
        Span<byte> sr = stackalloc byte[MerkleHash.Size];
        var first = rootFirst ? root1 : proof[0];
        first.CopyTo(fr);
        first.CopyTo(sr);
        for (var i = 1; i < count; i++)
        {
            var c = proof[rootFirst ? i - 1 : i];
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
