using Liaison.Analysis.Graphs;

namespace Liaison.Analysis.Centrality;

/// <summary>How many contacts a subject has (<see cref="Count"/>) and how strong they are in total (<see cref="Weighted"/>).</summary>
public static class Degree
{
    /// <summary>The number of distinct neighbours (NetworkX <c>G.degree</c> on a graph without self-loops).</summary>
    public static NodeValues<int> Count(Graph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var values = new int[graph.NodeCount];
        for (var v = 0; v < values.Length; v++)
        {
            values[v] = graph.Degree(v);
        }
        return new NodeValues<int>(graph, values, graph.Marking);
    }

    /// <summary>The sum of the weights of a node's edges (NetworkX <c>G.degree(weight="weight")</c>).</summary>
    public static NodeValues<double> Weighted(Graph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var values = new double[graph.NodeCount];
        for (var v = 0; v < values.Length; v++)
        {
            var sum = 0.0;
            foreach (var w in graph.NeighbourWeights(v))
            {
                sum += w;
            }
            values[v] = sum;
        }
        return new NodeValues<double>(graph, values, graph.Marking);
    }
}
