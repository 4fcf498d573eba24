using Liaison.Analysis.Graphs;
using Liaison.Analysis.Structure;

namespace Liaison.Analysis.Centrality;

/// <summary>
/// Closeness for graphs too large for one search per node (Eppstein and Wang 2004): searches from
/// <c>k</c> seeded pivots give every node its mean distance to the pivots in its component, which
/// estimates its mean distance to everyone there. Nodes of components that fewer than
/// <see cref="MinimumPivots"/> pivots fell into get the exact value instead (their searches are
/// small by construction). Same normalisation as <see cref="Closeness"/>.
/// </summary>
public static class ClosenessEstimate
{
    public const int MinimumPivots = 10;

    public static NodeValues<double> Compute(Graph graph, int pivots, ulong seed = 42, bool wfImproved = true)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(pivots);
        var n = graph.NodeCount;
        if (pivots >= n)
        {
            return Closeness.Compute(graph, wfImproved);
        }
        var random = new SeededRandom(seed);
        var sources = random.Sample(n, pivots);
        var chunks = Chunks.For(sources.Length, 4);
        var sums = new long[chunks][];
        var hits = new int[chunks][];
        var offsets = graph.OffsetArray;
        var targets = graph.TargetArray;
        Parallel.For(
            0, chunks,
            () => new BreadthFirstWorkspace(n, withPathCounts: false),
            (c, _, work) =>
            {
                var sum = new long[n];
                var hit = new int[n];
                for (var i = c; i < sources.Length; i += chunks)
                {
                    var dist = work.Distance;
                    var order = work.Order;
                    dist[sources[i]] = 0;
                    order[0] = sources[i];
                    int head = 0, tail = 1;
                    while (head < tail)
                    {
                        var v = order[head++];
                        sum[v] += dist[v];
                        hit[v]++;
                        for (var j = offsets[v]; j < offsets[v + 1]; j++)
                        {
                            if (dist[targets[j]] < 0)
                            {
                                dist[targets[j]] = dist[v] + 1;
                                order[tail++] = targets[j];
                            }
                        }
                    }
                    work.Reached = tail;
                    work.Reset();
                }
                sums[c] = sum;
                hits[c] = hit;
                return work;
            },
            _ => { });

        var components = Components.Compute(graph);
        var values = new double[n];
        var exact = new List<int>();
        for (var v = 0; v < n; v++)
        {
            long sum = 0;
            var hit = 0;
            for (var c = 0; c < chunks; c++)
            {
                sum += sums[c][v];
                hit += hits[c][v];
            }
            var size = components.Sizes[components.Membership[v]];
            if (size <= 1)
            {
                continue;
            }
            if (hit < MinimumPivots)
            {
                exact.Add(v);
                continue;
            }
            // The pivots are uniform over the component, v included (distance 0): scale to the others.
            var meanDistance = (double)sum / hit * size / (size - 1);
            values[v] = meanDistance > 0 ? 1 / meanDistance * (wfImproved ? (size - 1.0) / (n - 1) : 1) : 0;
        }
        var exactValues = Closeness.Of(graph, exact, wfImproved);
        for (var i = 0; i < exact.Count; i++)
        {
            values[exact[i]] = exactValues[i];
        }
        return new NodeValues<double>(graph, values, graph.Marking);
    }
}
