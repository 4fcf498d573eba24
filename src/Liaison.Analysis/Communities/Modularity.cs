using Liaison.Analysis.Graphs;

namespace Liaison.Analysis.Communities;

/// <summary>
/// Newman–Girvan modularity of a partition, as NetworkX's <c>modularity</c>:
/// Σ_c [ L_c/m − γ (K_c/2m)² ] with L_c the weight inside community c and K_c its total strength.
/// </summary>
public static class Modularity
{
    public static double Compute(Graph graph, Partition partition, double resolution = 1.0, bool useWeights = true)
    {
        ArgumentNullException.ThrowIfNull(partition);
        return Compute(graph, partition.Labels, resolution, useWeights);
    }

    public static double Compute(Graph graph, ReadOnlySpan<int> labels, double resolution = 1.0, bool useWeights = true)
    {
        ArgumentNullException.ThrowIfNull(graph);
        if (labels.Length != graph.NodeCount)
        {
            throw new ArgumentException("There must be one community label per node.", nameof(labels));
        }
        var count = 0;
        foreach (var l in labels)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(l, nameof(labels));
            count = Math.Max(count, l + 1);
        }
        var inside = new double[count];
        var strength = new double[count];
        var total = 0.0;
        for (var e = 0; e < graph.EdgeCount; e++)
        {
            var w = useWeights ? graph.EdgeWeights[e] : 1.0;
            var a = labels[graph.EdgeSources[e]];
            var b = labels[graph.EdgeTargets[e]];
            total += w;
            strength[a] += w;
            strength[b] += w;
            if (a == b)
            {
                inside[a] += w;
            }
        }
        if (total == 0)
        {
            return 0;
        }
        var q = 0.0;
        var norm = 1.0 / (4 * total * total);
        for (var c = 0; c < count; c++)
        {
            q += inside[c] / total - resolution * strength[c] * strength[c] * norm;
        }
        return q;
    }
}
