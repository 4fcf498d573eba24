using Liaison.Analysis.Graphs;

namespace Liaison.Analysis.Structure;

/// <summary>
/// k-core decomposition: a node's core number is the largest k such that it belongs to a subgroup in
/// which everyone has at least k contacts inside it — the dense inner circle of a network.
/// Batagelj and Zaversnik's O(m) bucket algorithm (the one NetworkX's <c>core_number</c> uses).
/// </summary>
public static class CoreNumbers
{
    public static NodeValues<int> Compute(Graph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var n = graph.NodeCount;
        var offsets = graph.OffsetArray;
        var targets = graph.TargetArray;
        var degree = new int[n];
        var maxDegree = 0;
        for (var v = 0; v < n; v++)
        {
            degree[v] = offsets[v + 1] - offsets[v];
            maxDegree = Math.Max(maxDegree, degree[v]);
        }
        var binStart = new int[maxDegree + 1];
        foreach (var d in degree)
        {
            binStart[d]++;
        }
        for (int d = 0, start = 0; d <= maxDegree; d++)
        {
            var count = binStart[d];
            binStart[d] = start;
            start += count;
        }
        var position = new int[n];
        var sorted = new int[n];
        for (var v = 0; v < n; v++)
        {
            position[v] = binStart[degree[v]]++;
            sorted[position[v]] = v;
        }
        for (var d = maxDegree; d > 0; d--)
        {
            binStart[d] = binStart[d - 1];
        }
        if (maxDegree >= 0 && binStart.Length > 0)
        {
            binStart[0] = 0;
        }
        for (var i = 0; i < n; i++)
        {
            var v = sorted[i];
            for (var j = offsets[v]; j < offsets[v + 1]; j++)
            {
                var u = targets[j];
                if (degree[u] > degree[v])
                {
                    // Move u one bin down: swap it with the first node of its bin, then shrink that bin.
                    var du = degree[u];
                    var pu = position[u];
                    var pw = binStart[du];
                    var w = sorted[pw];
                    if (u != w)
                    {
                        sorted[pu] = w;
                        position[w] = pu;
                        sorted[pw] = u;
                        position[u] = pw;
                    }
                    binStart[du]++;
                    degree[u]--;
                }
            }
        }
        return new NodeValues<int>(graph, degree, graph.Marking);
    }
}
