using System.Security.Cryptography;
using Liaison.Ledger.Merkle;

namespace Liaison.Bench.Ledger;

/// <summary>
/// FROZEN COPY, for the benchmark's paired comparison only (<c>--compare-verifiers</c>): the proof
/// verifier and node hashing as they were before the allocation-free rewrite (commit e38f0e7), so the
/// previous and the current code are timed in the same process on the same proofs.
/// Verification of RFC 9162 inclusion (§2.1.3.2) and consistency (§2.1.4.2) proofs. Pure functions:
/// anyone holding a signed checkpoint can run them without the log.
/// </summary>
internal static class PreviousProofVerifier
{
    /// <summary>Checks that the leaf with <paramref name="leafHash"/> is at <paramref name="index"/> of the tree of <paramref name="size"/> with <paramref name="root"/>.</summary>
    public static bool VerifyInclusion(ulong index, ulong size, ReadOnlySpan<byte> leafHash, IReadOnlyList<byte[]> proof, ReadOnlySpan<byte> root)
    {
        ArgumentNullException.ThrowIfNull(proof);
        if (index >= size)
        {
            return false;
        }
        if (leafHash.Length != MerkleHash.Size)
        {
            return false;
        }
        var fn = index;
        var sn = size - 1;
        var r = leafHash.ToArray();
        foreach (var p in proof)
        {
            if (p.Length != MerkleHash.Size)
            {
                return false;
            }
            if (sn == 0)
            {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn)
            {
                OldHash.Node(p, r, r);
                while ((fn & 1) == 0 && fn != 0)
                {
                    fn >>= 1;
                    sn >>= 1;
                }
            }
            else
            {
                OldHash.Node(r, p, r);
            }
            fn >>= 1;
            sn >>= 1;
        }
        if (sn != 0)
        {
            return false;
        }
        return Same(r, root);
    }

    /// <summary>Checks that the tree of <paramref name="size1"/> with <paramref name="root1"/> is a prefix of the tree of <paramref name="size2"/> with <paramref name="root2"/>.</summary>
    public static bool VerifyConsistency(ulong size1, ulong size2, IReadOnlyList<byte[]> proof, ReadOnlySpan<byte> root1, ReadOnlySpan<byte> root2)
    {
        ArgumentNullException.ThrowIfNull(proof);
        if (size1 > size2)
        {
            return false;
        }
        if (size1 == 0)
        {
            // Every tree extends the empty one; a "proof" from it proves nothing and is refused so a
            // caller cannot mistake it for a check.
            return false;
        }
        if (size1 == size2)
        {
            if (proof.Count != 0)
            {
                return false;
            }
            return Same(root1, root2) ? true : false;
        }
        if (proof.Count == 0)
        {
            return false;
        }
        foreach (var p in proof)
        {
            if (p.Length != MerkleHash.Size)
            {
                return false;
            }
        }

        var hashes = proof;
        if (System.Numerics.BitOperations.IsPow2(size1))
        {
            // The old tree is one complete node of the new one; its root starts the chain.
            if (root1.Length != MerkleHash.Size)
            {
                return false;
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
                return false;
            }
            if ((fn & 1) == 1 || fn == sn)
            {
                OldHash.Node(c, fr, fr);
                OldHash.Node(c, sr, sr);
                while ((fn & 1) == 0 && fn != 0)
                {
                    fn >>= 1;
                    sn >>= 1;
                }
            }
            else
            {
                OldHash.Node(sr, c, sr);
            }
            fn >>= 1;
            sn >>= 1;
        }
        if (sn != 0)
        {
            return false;
        }
        if (!Same(fr, root1))
        {
            return false;
        }
        return Same(sr, root2) ? true : false;
    }

    public static bool Same(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b) => CryptographicOperations.FixedTimeEquals(a, b);
}

internal static class OldHash
{
    // The previous MerkleHash.Node: one-shot SHA256.HashData per node.
    public static void Node(ReadOnlySpan<byte> left, ReadOnlySpan<byte> right, Span<byte> destination)
    {
        Span<byte> buffer = stackalloc byte[65];
        buffer[0] = 1;
        left.CopyTo(buffer[1..]);
        right.CopyTo(buffer[33..]);
        SHA256.HashData(buffer, destination);
    }
}
