using System.Text.Json;
using Liaison.Ledger.Merkle;

namespace Liaison.Ledger.Tests.Merkle;

/// <summary>
/// Every published RFC 6962 / 9162 vector of transparency-dev/merkle: reference tree hashes, inclusion
/// and consistency cases, and the subtree variants; the negative ones (wantErr) must be rejected.
/// </summary>
public sealed class Rfc6962VectorTests
{
    public static TheoryData<string> InclusionCases => TestDataFiles.JsonFilesUnder("rfc6962-merkle/inclusion");
    public static TheoryData<string> ConsistencyCases => TestDataFiles.JsonFilesUnder("rfc6962-merkle/consistency");
    public static TheoryData<string> SubtreeInclusionCases => TestDataFiles.JsonFilesUnder("rfc6962-merkle/subtreeinclusion");
    public static TheoryData<string> SubtreeConsistencyCases => TestDataFiles.JsonFilesUnder("rfc6962-merkle/subtreeconsistency");

    [Theory]
    [MemberData(nameof(InclusionCases))]
    public void Inclusion_vector_is_accepted_exactly_when_published_as_valid(string file)
    {
        var v = TestDataFiles.Load(file);
        var check = ProofVerifier.VerifyInclusion(
            v.GetProperty("leafIdx").GetUInt64(), v.GetProperty("treeSize").GetUInt64(),
            TestDataFiles.Bytes(v.GetProperty("leafHash")), TestDataFiles.Hashes(v.GetProperty("proof")),
            TestDataFiles.Bytes(v.GetProperty("root")));

        Assert.Equal(!v.GetProperty("wantErr").GetBoolean(), check.IsValid);
    }

    [Theory]
    [MemberData(nameof(ConsistencyCases))]
    public void Consistency_vector_is_accepted_exactly_when_published_as_valid(string file)
    {
        var v = TestDataFiles.Load(file);
        var check = ProofVerifier.VerifyConsistency(
            v.GetProperty("size1").GetUInt64(), v.GetProperty("size2").GetUInt64(),
            TestDataFiles.Hashes(v.GetProperty("proof")),
            TestDataFiles.Bytes(v.GetProperty("root1")), TestDataFiles.Bytes(v.GetProperty("root2")));

        Assert.Equal(!v.GetProperty("wantErr").GetBoolean(), check.IsValid);
    }

    [Theory]
    [MemberData(nameof(SubtreeInclusionCases))]
    public void Subtree_inclusion_vector_is_accepted_exactly_when_published_as_valid(string file)
    {
        var v = TestDataFiles.Load(file);
        var check = SubtreeProofVerifier.VerifyInclusion(
            v.GetProperty("leafIdx").GetUInt64(),
            new Subtree(v.GetProperty("start").GetUInt64(), v.GetProperty("end").GetUInt64()),
            TestDataFiles.Bytes(v.GetProperty("leafHash")), TestDataFiles.Hashes(v.GetProperty("proof")),
            TestDataFiles.Bytes(v.GetProperty("root")));

        Assert.Equal(!v.GetProperty("wantErr").GetBoolean(), check.IsValid);
    }

    [Theory]
    [MemberData(nameof(SubtreeConsistencyCases))]
    public void Subtree_consistency_vector_is_accepted_exactly_when_published_as_valid(string file)
    {
        var v = TestDataFiles.Load(file);
        var check = SubtreeProofVerifier.VerifyConsistency(
            v.GetProperty("size").GetUInt64(),
            new Subtree(v.GetProperty("start").GetUInt64(), v.GetProperty("end").GetUInt64()),
            TestDataFiles.Hashes(v.GetProperty("proof")),
            TestDataFiles.Bytes(v.GetProperty("root1")), TestDataFiles.Bytes(v.GetProperty("root2")));

        Assert.Equal(!v.GetProperty("wantErr").GetBoolean(), check.IsValid);
    }

    [Fact]
    public void Reference_tree_roots_match_for_every_size_both_incrementally_and_from_stored_nodes()
    {
        var v = TestDataFiles.Load("rfc6962-merkle/reference-tree.json");
        var leaves = v.GetProperty("leafInputsHex").EnumerateArray().Select(e => Convert.FromHexString(e.GetString()!)).ToList();
        var roots = v.GetProperty("rootHashesHexBySize_from1").EnumerateArray().Select(e => e.GetString()!).ToList();
        var compact = new CompactRange();
        var tree = new MerkleTree();

        Assert.Equal(v.GetProperty("emptyRootHex").GetString(), Convert.ToHexStringLower(compact.Root()));
        for (var i = 0; i < leaves.Count; i++)
        {
            var leaf = MerkleHash.Leaf(leaves[i]);
            compact.Append(leaf);
            tree.Append(leaf);
            Assert.Equal(roots[i], Convert.ToHexStringLower(compact.Root()));
        }
        for (var size = 1; size <= leaves.Count; size++)
        {
            Assert.Equal(roots[size - 1], Convert.ToHexStringLower(tree.Root((ulong)size)));
        }
    }

    [Fact]
    public void Reference_tree_node_hashes_match_every_level()
    {
        var v = TestDataFiles.Load("rfc6962-merkle/reference-tree.json");
        var tree = new MerkleTree();
        foreach (var leaf in v.GetProperty("leafInputsHex").EnumerateArray())
        {
            tree.Append(MerkleHash.Leaf(Convert.FromHexString(leaf.GetString()!)));
        }
        var level = 0;
        foreach (var nodes in v.GetProperty("nodeHashesHexByLevel").EnumerateArray())
        {
            var index = 0UL;
            foreach (var node in nodes.EnumerateArray())
            {
                var subtree = new Subtree(index << level, (index + 1) << level);
                Assert.Equal(node.GetString(), Convert.ToHexStringLower(tree.SubtreeHash(subtree)));
                index++;
            }
            level++;
        }
    }

    [Fact]
    public void Generated_proofs_equal_the_published_happy_path_proofs()
    {
        var v = TestDataFiles.Load("rfc6962-merkle/reference-tree.json");
        var tree = new MerkleTree();
        foreach (var leaf in v.GetProperty("leafInputsHex").EnumerateArray())
        {
            tree.Append(MerkleHash.Leaf(Convert.FromHexString(leaf.GetString()!)));
        }
        foreach (var file in Directory.EnumerateFiles(TestDataFiles.PathOf("rfc6962-merkle", "inclusion"), "happy-path.json", SearchOption.AllDirectories))
        {
            var c = TestDataFiles.Load(file);
            var proof = tree.InclusionProof(c.GetProperty("leafIdx").GetUInt64(), c.GetProperty("treeSize").GetUInt64());
            Assert.Equal(Hex(TestDataFiles.Hashes(c.GetProperty("proof"))), Hex(proof));
        }
        foreach (var file in Directory.EnumerateFiles(TestDataFiles.PathOf("rfc6962-merkle", "consistency"), "happy-path.json", SearchOption.AllDirectories))
        {
            var c = TestDataFiles.Load(file);
            var proof = tree.ConsistencyProof(c.GetProperty("size1").GetUInt64(), c.GetProperty("size2").GetUInt64());
            Assert.Equal(Hex(TestDataFiles.Hashes(c.GetProperty("proof"))), Hex(proof));
        }
    }

    private static List<string> Hex(IEnumerable<byte[]> hashes) => [.. hashes.Select(Convert.ToHexStringLower)];
}
