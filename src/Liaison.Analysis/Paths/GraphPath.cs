using Liaison.Analysis.Graphs;

namespace Liaison.Analysis.Paths;

/// <summary>A path between two subjects: the nodes in order, the edges taken, its cost and the narrowest marking of all of them.</summary>
public sealed record GraphPath(IReadOnlyList<string> Nodes, IReadOnlyList<int> Edges, double Cost, Marking Marking)
{
    /// <summary>The number of edges on the path.</summary>
    public int Hops => Edges.Count;

    internal static GraphPath From(Graph graph, IReadOnlyList<int> nodes, IReadOnlyList<int> edges, double cost) =>
        new(nodes.Select(v => graph.NodeIds[v]).ToArray(), edges, cost, graph.MarkingOf(nodes, edges));
}
