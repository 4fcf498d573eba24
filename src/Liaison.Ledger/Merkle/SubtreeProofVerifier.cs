namespace Liaison.Ledger.Merkle;

/// <summary>
/// Verification of subtree inclusion and subtree consistency proofs (Merkle Tree Certificates draft,
/// draft-ietf-plants-merkle-tree-certs §4.3–4.4, as in BoringSSL and transparency-dev/merkle). They
/// generalise RFC 9162 proofs to a range [start, end) of the log, which lets a peer prove that a
/// slice of our log it holds is part of a checkpointed tree. Checked against the published vectors.
/// </summary>
public static class SubtreeProofVerifier
{
    /// <summary>Checks that the leaf at <paramref name="index"/> is in <paramref name="subtree"/> whose hash is <paramref name="subtreeHash"/>.</summary>
    public static ProofCheck VerifyInclusion(ulong index, Subtree subtree, ReadOnlySpan<byte> leafHash, IReadOnlyList<byte[]> proof, ReadOnlySpan<byte> subtreeHash)
    {
        if (!subtree.IsValid)
        {
            return ProofCheck.Invalid($"[{subtree.Start}, {subtree.End}) is not a valid subtree");
        }
        if (!subtree.Contains(index))
        {
            return ProofCheck.Invalid($"index {index} is outside [{subtree.Start}, {subtree.End})");
        }
        if (leafHash.Length != MerkleHash.Size)
        {
            return ProofCheck.Invalid("the leaf hash is not 32 bytes");
        }
        // An inclusion proof is a consistency proof of the one-leaf subtree, re-rooted at the subtree's start.
        var relative = index - subtree.Start;
        var computed = RootFromConsistency(subtree.Size, new Subtree(relative, relative + 1), proof, leafHash, out var failure);
        if (computed is null)
        {
            return ProofCheck.Invalid(failure!);
        }
        return ProofVerifier.Same(computed, subtreeHash) ? ProofCheck.Valid : ProofCheck.Invalid("the proof leads to a different subtree hash");
    }

    /// <summary>Checks that <paramref name="subtree"/> with <paramref name="subtreeHash"/> is part of the tree of <paramref name="size"/> with <paramref name="root"/>.</summary>
    public static ProofCheck VerifyConsistency(ulong size, Subtree subtree, IReadOnlyList<byte[]> proof, ReadOnlySpan<byte> subtreeHash, ReadOnlySpan<byte> root)
    {
        ArgumentNullException.ThrowIfNull(proof);
        if (subtree.Start == subtree.End)
        {
            // The empty range is part of every tree; it is only accepted with the empty hash and no proof.
            if (subtree.End > size)
            {
                return ProofCheck.Invalid("the empty subtree lies beyond the tree");
            }
            if (proof.Count != 0)
            {
                return ProofCheck.Invalid("an empty subtree needs an empty proof");
            }
            return ProofVerifier.Same(subtreeHash, MerkleHash.EmptyRoot()) ? ProofCheck.Valid : ProofCheck.Invalid("an empty subtree must have the empty hash");
        }
        var computed = RootFromConsistency(size, subtree, proof, subtreeHash, out var failure);
        if (computed is null)
        {
            return ProofCheck.Invalid(failure!);
        }
        return ProofVerifier.Same(computed, root) ? ProofCheck.Valid : ProofCheck.Invalid("the proof leads to a different root");
    }

    // fn, sn and tn are the paths from the root to the subtree's first leaf, its last leaf and the
    // tree's last leaf; each level up consumes one bit of each.
    private static byte[]? RootFromConsistency(ulong n, Subtree subtree, IReadOnlyList<byte[]> proof, ReadOnlySpan<byte> nodeHash, out string? failure)
    {
        failure = null;
        if (!subtree.IsValid)
        {
            failure = $"[{subtree.Start}, {subtree.End}) is not a valid subtree";
            return null;
        }
        if (n < subtree.End)
        {
            failure = $"the subtree ends beyond tree size {n}";
            return null;
        }
        foreach (var p in proof)
        {
            if (p.Length != MerkleHash.Size)
            {
                failure = "a proof hash is not 32 bytes";
                return null;
            }
        }
        var fn = subtree.Start;
        var sn = subtree.End - 1;
        var tn = n - 1;
        if (sn == tn)
        {
            // The subtree is a node of the tree itself: start at its top.
            while (fn != sn)
            {
                fn >>= 1;
                sn >>= 1;
                tn >>= 1;
            }
        }
        else
        {
            // Skip to the highest complete node on the subtree's right edge.
            while (fn != sn && (sn & 1) == 1)
            {
                fn >>= 1;
                sn >>= 1;
                tn >>= 1;
            }
        }
        var next = 0;
        byte[] fr;
        byte[] sr;
        if (fn == sn)
        {
            if (nodeHash.Length != MerkleHash.Size && proof.Count > 0)
            {
                failure = "the subtree hash is not 32 bytes";
                return null;
            }
            fr = nodeHash.ToArray();
            sr = nodeHash.ToArray();
        }
        else
        {
            if (proof.Count == 0)
            {
                failure = "the proof is empty";
                return null;
            }
            fr = (byte[])proof[0].Clone();
            sr = (byte[])proof[0].Clone();
            next = 1;
        }
        for (; next < proof.Count; next++)
        {
            var p = proof[next];
            if (tn == 0)
            {
                failure = "the proof is too long";
                return null;
            }
            if ((sn & 1) == 1 || sn == tn)
            {
                if (fn < sn)
                {
                    MerkleHash.Node(p, fr, fr);
                }
                MerkleHash.Node(p, sr, sr);
                while ((sn & 1) == 0)
                {
                    fn >>= 1;
                    sn >>= 1;
                    tn >>= 1;
                }
            }
            else
            {
                MerkleHash.Node(sr, p, sr);
            }
            fn >>= 1;
            sn >>= 1;
            tn >>= 1;
        }
        if (tn != 0)
        {
            failure = "the proof is too short";
            return null;
        }
        if (!ProofVerifier.Same(fr, nodeHash))
        {
            failure = "the proof does not lead to the subtree hash";
            return null;
        }
        return sr;
    }
}
