namespace Liaison.Analysis.Graphs;

/// <summary>Cuts a set of nodes and the edges among them out of a graph, keeping ids, types, weights and markings.</summary>
internal static class Subgraphs
{
    public static Graph Induced(Graph graph, IReadOnlyCollection<int> nodes)
    {
        var inside = new HashSet<int>(nodes);
        var builder = new GraphBuilder(graph.MarkingTable[0], ParallelEdges.Max);
        foreach (var v in nodes.Order())
        {
            builder.AddNode(graph.NodeIds[v], graph.NodeType(v), graph.NodeMarking(v));
        }
        foreach (var v in nodes.Order())
        {
            var row = graph.Neighbours(v);
            var start = graph.Offsets[v];
            for (var i = 0; i < row.Length; i++)
            {
                var w = row[i];
                if (w <= v || !inside.Contains(w))
                {
                    continue;
                }
                var e = graph.EdgeAt(start + i);
                foreach (var type in graph.EdgeTypes(e))
                {
                    builder.AddEdge(graph.NodeIds[v], graph.NodeIds[w], graph.EdgeWeights[e], type, graph.EdgeMarking(e));
                }
            }
        }
        return builder.Build();
    }

    /// <summary>The edges of <paramref name="graph"/> with both ends in <paramref name="nodes"/>.</summary>
    public static List<int> EdgesAmong(Graph graph, HashSet<int> nodes)
    {
        var edges = new List<int>();
        var offsets = graph.OffsetArray;
        var targets = graph.TargetArray;
        foreach (var v in nodes)
        {
            for (var i = offsets[v]; i < offsets[v + 1]; i++)
            {
                if (targets[i] > v && nodes.Contains(targets[i]))
                {
                    edges.Add(graph.EdgeAt(i));
                }
            }
        }
        return edges;
    }
}
