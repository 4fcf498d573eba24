using FsCheck.Xunit;
using Liaison.Analysis.Centrality;
using Liaison.Analysis.Communities;
using Liaison.Analysis.Graphs;
using Liaison.Analysis.Paths;
using Liaison.Analysis.Structure;
using Liaison.Core.Markings;

namespace Liaison.Analysis.Tests.Graphs;

/// <summary>Invariants that hold for any network: checked on random edge lists.</summary>
public class GraphProperties
{
    private static Graph Build((byte A, byte B, byte Tlp)[] edges)
    {
        var builder = new GraphBuilder();
        foreach (var (a, b, tlp) in edges)
        {
            builder.AddEdge("n" + (a % 40), "n" + (b % 40), 1 + (a % 3), null, new Marking((Tlp)(tlp % 5), Handling.LawEnforcementOnly));
        }
        builder.AddNode("lonely");
        return builder.Build();
    }

    [Property(MaxTest = 60)]
    public bool Pagerank_is_a_probability_distribution((byte, byte, byte)[] edges)
    {
        var rank = PageRank.Compute(Build(edges)).Values.ToArray();
        return Math.Abs(rank.Sum() - 1) < 1e-9 && rank.All(r => r > 0);
    }

    [Property(MaxTest = 60)]
    public bool Normalised_betweenness_and_closeness_lie_between_zero_and_one((byte, byte, byte)[] edges)
    {
        var graph = Build(edges);
        return Betweenness.Compute(graph).Values.ToArray().All(b => b >= -1e-12 && b <= 1 + 1e-12)
            && Closeness.Compute(graph).Values.ToArray().All(c => c is >= 0 and <= 1);
    }

    [Property(MaxTest = 60)]
    public bool Every_edge_joins_nodes_of_one_component_and_core_numbers_never_exceed_degree((byte, byte, byte)[] edges)
    {
        var graph = Build(edges);
        var components = Components.Compute(graph).Membership;
        var cores = CoreNumbers.Compute(graph);
        return Enumerable.Range(0, graph.EdgeCount).All(e => components[graph.EdgeEnds(e).Source] == components[graph.EdgeEnds(e).Target])
            && Enumerable.Range(0, graph.NodeCount).All(v => cores[v] <= graph.Degree(v));
    }

    [Property(MaxTest = 40)]
    public bool Louvain_never_does_worse_than_leaving_every_node_alone((byte, byte, byte)[] edges)
    {
        var graph = Build(edges);
        var found = Louvain.Detect(graph, new LouvainOptions { Restarts = 2 });
        return found.Modularity >= Modularity.Compute(graph, Enumerable.Range(0, graph.NodeCount).ToArray()) - 1e-12;
    }

    [Property(MaxTest = 60)]
    public bool A_marking_never_widens_from_the_data_to_a_result((byte, byte, byte)[] edges)
    {
        var graph = Build(edges);
        var widest = Enumerable.Range(0, graph.EdgeCount).Select(e => graph.EdgeMarking(e).Tlp)
            .Concat(Enumerable.Range(0, graph.NodeCount).Select(v => graph.NodeMarking(v).Tlp)).DefaultIfEmpty(Tlp.Clear).Max();
        var path = graph.EdgeCount > 0
            ? ShortestPaths.Between(graph, graph.NodeIds[graph.EdgeEnds(0).Source], graph.NodeIds[graph.EdgeEnds(0).Target])
            : null;
        return PageRank.Compute(graph).Marking.Tlp == widest
            && (path is null || path.Marking.Tlp >= graph.EdgeMarking(path.Edges[0]).Tlp);
    }
}
