using FsCheck;
using FsCheck.Fluent;
using Liaison.Ledger.Merkle;

namespace Liaison.Ledger.Tests.Merkle;

/// <summary>Generated proofs verify for random tree sizes, and the stored-node tree agrees with the textbook recursive definition.</summary>
public sealed class ProofPropertyTests
{
    private static MerkleTree TreeOf(int size)
    {
        var tree = new MerkleTree();
        for (var i = 0; i < size; i++)
        {
            tree.Append(MerkleHash.Leaf(BitConverter.GetBytes(i)));
        }
        return tree;
    }

    // RFC 9162 §2.1.1 MTH, straight from the definition.
    private static byte[] ReferenceRoot(int start, int end)
    {
        var n = end - start;
        if (n == 1)
        {
            return MerkleHash.Leaf(BitConverter.GetBytes(start));
        }
        var k = 1;
        while (k * 2 < n)
        {
            k *= 2;
        }
        return MerkleHash.Node(ReferenceRoot(start, start + k), ReferenceRoot(start + k, end));
    }

    private static Arbitrary<(int Size, int A, int B)> SizeAndTwoPoints() =>
        (from size in Gen.Choose(1, 2048)
         from a in Gen.Choose(0, size - 1)
         from b in Gen.Choose(0, size - 1)
         select (size, a, b)).ToArbitrary();

    [FsCheck.Xunit.Property(MaxTest = 200)]
    public Property Root_matches_the_recursive_definition_at_every_size()
    {
        return Prop.ForAll(Gen.Choose(1, 600).ToArbitrary(), size =>
        {
            var tree = TreeOf(size);
            var compact = new CompactRange();
            for (var i = 0; i < size; i++)
            {
                compact.Append(tree.LeafHash((ulong)i));
            }
            var expected = ReferenceRoot(0, size);
            return tree.Root().AsSpan().SequenceEqual(expected) && compact.Root().AsSpan().SequenceEqual(expected);
        });
    }

    [FsCheck.Xunit.Property(MaxTest = 120)]
    public Property Inclusion_proofs_verify_for_random_sizes_and_indexes()
    {
        return Prop.ForAll(SizeAndTwoPoints(), t =>
        {
            var tree = TreeOf(t.Size);
            var size = (ulong)Math.Max(t.A, t.B) + 1;
            var index = (ulong)Math.Min(t.A, t.B);
            var proof = tree.InclusionProof(index, size);
            var ok = ProofVerifier.VerifyInclusion(index, size, tree.LeafHash(index), proof, tree.Root(size)).IsValid;
            var wrongLeaf = ProofVerifier.VerifyInclusion(index, size, MerkleHash.Leaf("other"u8), proof, tree.Root(size)).IsValid;
            return ok && !wrongLeaf;
        });
    }

    [FsCheck.Xunit.Property(MaxTest = 120)]
    public Property Consistency_proofs_verify_for_random_size_pairs()
    {
        return Prop.ForAll(SizeAndTwoPoints(), t =>
        {
            var tree = TreeOf(t.Size);
            var size1 = (ulong)Math.Min(t.A, t.B) + 1;
            var size2 = (ulong)Math.Max(t.A, t.B) + 1;
            var proof = tree.ConsistencyProof(size1, size2);
            var ok = ProofVerifier.VerifyConsistency(size1, size2, proof, tree.Root(size1), tree.Root(size2)).IsValid;
            var forkedOld = MerkleHash.Node(tree.Root(size1), tree.Root(size1));
            var rejectsFork = !ProofVerifier.VerifyConsistency(size1, size2, proof, forkedOld, tree.Root(size2)).IsValid;
            return ok && rejectsFork;
        });
    }

    [Fact]
    public void Truncating_the_tree_restores_the_earlier_root_and_proofs()
    {
        var tree = TreeOf(1000);
        var root = tree.Root(777);

        tree.Truncate(777);

        Assert.Equal(777UL, tree.Size);
        Assert.Equal(root, tree.Root());
        tree.Append(MerkleHash.Leaf(BitConverter.GetBytes(777)));
        Assert.Equal(ReferenceRoot(0, 778), tree.Root());
    }
}
