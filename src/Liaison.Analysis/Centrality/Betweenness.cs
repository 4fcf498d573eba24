using Liaison.Analysis.Graphs;

namespace Liaison.Analysis.Centrality;

/// <summary>
/// Betweenness centrality by Brandes's algorithm on hop counts, normalised as NetworkX's
/// <c>betweenness_centrality</c>: who sits on the shortest paths between others (brokers, couriers).
/// Sources are split over fixed chunks run in parallel, each with its own buffers and sum, and the
/// chunk sums are added in chunk order so that the result does not depend on thread timing.
/// </summary>
public static class Betweenness
{
    private const long SequentialWork = 2_000_000;

    public static NodeValues<double> Compute(Graph graph, BetweennessOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(graph);
        options ??= new BetweennessOptions();
        var n = graph.NodeCount;
        int[] sources;
        if (options.SampleSources is { } k && k < n)
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(k, nameof(options.SampleSources));
            var random = new SeededRandom(options.Seed);
            sources = random.Sample(n, k);
        }
        else
        {
            sources = Enumerable.Range(0, n).ToArray();
        }

        // Small graphs run on one thread: starting workers costs more than the searches.
        var chunks = (long)sources.Length * graph.Targets.Length < SequentialWork ? 1 : Chunks.For(sources.Length, 8);
        var sums = new double[chunks][];
        if (chunks == 1)
        {
            var work = new BreadthFirstWorkspace(n, withPathCounts: true);
            var sum = new double[n];
            foreach (var s in sources)
            {
                Accumulate(graph, s, work, sum);
            }
            sums[0] = sum;
        }
        else
        {
            Parallel.For(
                0, chunks,
                () => new BreadthFirstWorkspace(n, withPathCounts: true),
                (c, _, work) =>
                {
                    var sum = new double[n];
                    for (var i = c; i < sources.Length; i += chunks)
                    {
                        Accumulate(graph, sources[i], work, sum);
                    }
                    sums[c] = sum;
                    return work;
                },
                _ => { });
        }

        var total = new double[n];
        foreach (var sum in sums)
        {
            for (var v = 0; v < n; v++)
            {
                total[v] += sum[v];
            }
        }
        Rescale(total, n, options.Normalized, sources.Length < n ? sources.Length : null);
        return new NodeValues<double>(graph, total, graph.Marking);
    }

    // Brandes (2001): one BFS counting shortest paths, then dependencies accumulated in reverse BFS
    // order. Predecessors are found again from distances instead of being stored, which keeps the
    // workspace at four flat arrays.
    private static void Accumulate(Graph graph, int source, BreadthFirstWorkspace work, double[] sum)
    {
        var offsets = graph.OffsetArray;
        var targets = graph.TargetArray;
        var dist = work.Distance;
        var sigma = work.PathCount;
        var delta = work.Dependency;
        var order = work.Order;
        dist[source] = 0;
        sigma[source] = 1;
        order[0] = source;
        int head = 0, tail = 1;
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
                    order[tail++] = w;
                }
                if (dist[w] == next)
                {
                    sigma[w] += sigma[v];
                }
            }
        }
        work.Reached = tail;
        for (var j = tail - 1; j > 0; j--)
        {
            var w = order[j];
            var coefficient = (1 + delta[w]) / sigma[w];
            var previous = dist[w] - 1;
            for (var i = offsets[w]; i < offsets[w + 1]; i++)
            {
                var v = targets[i];
                if (dist[v] == previous)
                {
                    delta[v] += sigma[v] * coefficient;
                }
            }
            sum[w] += delta[w];
        }
        work.Reset();
    }

    // NetworkX's _rescale for undirected graphs: each pair was counted from both ends.
    private static void Rescale(double[] values, int n, bool normalized, int? sampled)
    {
        double? scale;
        if (normalized)
        {
            scale = n <= 2 ? null : 1.0 / ((n - 1.0) * (n - 2.0));
        }
        else
        {
            scale = 0.5;
        }
        if (scale is null)
        {
            return;
        }
        var s = scale.Value;
        if (sampled is { } k)
        {
            s = s * n / k;
        }
        for (var v = 0; v < values.Length; v++)
        {
            values[v] *= s;
        }
    }
}
