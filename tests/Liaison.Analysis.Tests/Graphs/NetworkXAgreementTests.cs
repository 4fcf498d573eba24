using System.Text.Json;
using Liaison.Analysis.Centrality;
using Liaison.Analysis.Communities;
using Liaison.Analysis.Graphs;
using Liaison.Analysis.Paths;
using Liaison.Analysis.Structure;

namespace Liaison.Analysis.Tests.Graphs;

/// <summary>Every measure agrees with NetworkX on every real criminal network (references in TestData/reference).</summary>
public class NetworkXAgreementTests
{
    private const double Tolerance = 1e-9;

    public static TheoryData<string> Networks => CriminalNetworks.Names();

    [Theory]
    [MemberData(nameof(Networks))]
    public void Network_has_the_nodes_and_edges_networkx_reads(string network)
    {
        var graph = CriminalNetworks.Load(network);
        var reference = CriminalNetworks.Reference(network);
        Assert.Equal(reference.GetProperty("nodes").GetInt32(), graph.NodeCount);
        Assert.Equal(reference.GetProperty("edges").GetInt32(), graph.EdgeCount);
    }

    [Theory]
    [MemberData(nameof(Networks))]
    public void Degree_and_weighted_degree_match_networkx(string network)
    {
        var graph = CriminalNetworks.Load(network);
        var reference = CriminalNetworks.Reference(network);
        AssertClose(reference.GetProperty("degree"), Degree.Count(graph).Values.ToArray().Select(d => (double)d).ToArray(), graph);
        AssertClose(reference.GetProperty("weighted_degree"), Degree.Weighted(graph).Values.ToArray(), graph);
    }

    [Theory]
    [MemberData(nameof(Networks))]
    public void Weighted_pagerank_matches_networkx(string network)
    {
        var graph = CriminalNetworks.Load(network);
        AssertClose(CriminalNetworks.Reference(network).GetProperty("pagerank"), PageRank.Compute(graph).Values.ToArray(), graph);
    }

    [Theory]
    [MemberData(nameof(Networks))]
    public void Unweighted_pagerank_matches_networkx(string network)
    {
        var graph = CriminalNetworks.Load(network);
        var scores = PageRank.Compute(graph, new PageRankOptions { UseWeights = false });
        AssertClose(CriminalNetworks.Reference(network).GetProperty("pagerank_unweighted"), scores.Values.ToArray(), graph);
    }

    [Theory]
    [MemberData(nameof(Networks))]
    public void Betweenness_matches_networkx(string network)
    {
        var graph = CriminalNetworks.Load(network);
        AssertClose(CriminalNetworks.Reference(network).GetProperty("betweenness"), Betweenness.Compute(graph).Values.ToArray(), graph);
    }

    [Theory]
    [MemberData(nameof(Networks))]
    public void Closeness_matches_networkx_with_and_without_wf_improved(string network)
    {
        var graph = CriminalNetworks.Load(network);
        var reference = CriminalNetworks.Reference(network);
        AssertClose(reference.GetProperty("closeness"), Closeness.Compute(graph).Values.ToArray(), graph);
        AssertClose(reference.GetProperty("closeness_plain"), Closeness.Compute(graph, wfImproved: false).Values.ToArray(), graph);
    }

    [Theory]
    [MemberData(nameof(Networks))]
    public void Components_match_networkx(string network)
    {
        var graph = CriminalNetworks.Load(network);
        var expected = CriminalNetworks.Reference(network).GetProperty("components").EnumerateArray()
            .Select(c => string.Join('|', c.EnumerateArray().Select(v => v.GetString()!).Order(StringComparer.Ordinal)))
            .Order(StringComparer.Ordinal).ToArray();
        var actual = Components.Compute(graph).Parts()
            .Select(c => string.Join('|', c.Select(v => graph.NodeIds[v]).Order(StringComparer.Ordinal)))
            .Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(expected, actual);
    }

    [Theory]
    [MemberData(nameof(Networks))]
    public void Core_numbers_match_networkx(string network)
    {
        var graph = CriminalNetworks.Load(network);
        var cores = CoreNumbers.Compute(graph);
        foreach (var node in CriminalNetworks.Reference(network).GetProperty("core_number").EnumerateObject())
        {
            Assert.Equal(node.Value.GetInt32(), cores[node.Name]);
        }
    }

    [Theory]
    [MemberData(nameof(Networks))]
    public void Louvain_modularity_is_at_least_the_best_of_ten_networkx_seeds(string network)
    {
        var graph = CriminalNetworks.Load(network);
        var networkx = CriminalNetworks.Reference(network).GetProperty("louvain_modularity_by_seed").EnumerateArray().Select(q => q.GetDouble()).ToArray();
        var found = Louvain.Detect(graph, new LouvainOptions { Seed = 7 });
        Assert.True(found.Modularity >= networkx.Max() - Tolerance, $"Liaison {found.Modularity:F6} < NetworkX best {networkx.Max():F6}");
        Assert.Equal(found.Modularity, Modularity.Compute(graph, found.Communities), Tolerance);
    }

    [Theory]
    [MemberData(nameof(Networks))]
    public void K_shortest_paths_have_the_lengths_networkx_finds(string network)
    {
        var graph = CriminalNetworks.Load(network);
        var reference = CriminalNetworks.Reference(network).GetProperty("k_shortest");
        var expected = reference.GetProperty("hops").EnumerateArray().Select(h => h.GetInt32()).ToArray();
        var paths = ShortestPaths.KShortest(graph, reference.GetProperty("source").GetString()!, reference.GetProperty("target").GetString()!, expected.Length);
        Assert.Equal(expected, paths.Select(p => p.Hops).ToArray());
        Assert.All(paths, p => Assert.Equal(p.Nodes.Count, p.Nodes.Distinct().Count()));
    }

    [Theory]
    [MemberData(nameof(Networks))]
    public void Weighted_shortest_path_costs_what_networkx_dijkstra_finds(string network)
    {
        var graph = CriminalNetworks.Load(network);
        var reference = CriminalNetworks.Reference(network).GetProperty("shortest_weighted");
        var path = ShortestPaths.Between(graph, reference.GetProperty("source").GetString()!, reference.GetProperty("target").GetString()!, PathCost.Weight);
        Assert.NotNull(path);
        Assert.Equal(reference.GetProperty("cost").GetDouble(), path.Cost, Tolerance);
    }

    private static void AssertClose(JsonElement expected, double[] actual, Graph graph)
    {
        var count = 0;
        foreach (var node in expected.EnumerateObject())
        {
            var value = actual[graph.IndexOf(node.Name)];
            Assert.True(Math.Abs(node.Value.GetDouble() - value) <= Tolerance,
                $"{node.Name}: NetworkX {node.Value.GetDouble():R}, Liaison {value:R}");
            count++;
        }
        Assert.Equal(graph.NodeCount, count);
    }
}
