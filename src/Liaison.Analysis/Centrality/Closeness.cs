using Liaison.Analysis.Graphs;

namespace Liaison.Analysis.Centrality;

/// <summary>
/// Closeness centrality on hop counts, as NetworkX's <c>closeness_centrality</c>: (r−1)/Σd over the
/// r nodes a subject can reach, and with <c>wfImproved</c> (Wasserman–Faust, the NetworkX default)
/// scaled by (r−1)/(n−1) so that members of small fragments do not look central. One BFS per node,
/// in parallel; each node's value is written by one search only, so no merging is needed.
/// </summary>
public static class Closeness
{
    public static NodeValues<double> Compute(Graph graph, bool wfImproved = true)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var values = Of(graph, Enumerable.Range(0, graph.NodeCount).ToList(), wfImproved);
        return new NodeValues<double>(graph, values, graph.Marking);
    }

    /// <summary>The exact closeness of the given nodes, in their order.</summary>
    internal static double[] Of(Graph graph, IReadOnlyList<int> nodes, bool wfImproved)
    {
        var n = graph.NodeCount;
        var values = new double[nodes.Count];
        var offsets = graph.OffsetArray;
        var targets = graph.TargetArray;
        var parallel = new ParallelOptions
        {
            // Small graphs run on one thread: starting workers costs more than the searches.
            MaxDegreeOfParallelism = (long)nodes.Count * graph.Targets.Length < 2_000_000 ? 1 : -1,
        };
        Parallel.For(
            0, nodes.Count,
            parallel,
            () => new BreadthFirstWorkspace(n, withPathCounts: false),
            (index, _, work) =>
            {
                var source = nodes[index];
                var dist = work.Distance;
                var order = work.Order;
                dist[source] = 0;
                order[0] = source;
                int head = 0, tail = 1;
                long total = 0;
                while (head < tail)
                {
                    var v = order[head++];
                    var next = dist[v] + 1;
                    for (var i = offsets[v]; i < offsets[v + 1]; i++)
                    {
                        var w = targets[i];
                        if (dist[w] < 0)
                        {
                            dist[w] = next;
                            total += next;
                            order[tail++] = w;
                        }
                    }
                }
                work.Reached = tail;
                var closeness = 0.0;
                if (total > 0 && n > 1)
                {
                    closeness = (tail - 1.0) / total;
                    if (wfImproved)
                    {
                        closeness *= (tail - 1.0) / (n - 1);
                    }
                }
                values[index] = closeness;
                work.Reset();
                return work;
            },
            _ => { });
        return values;
    }
}
