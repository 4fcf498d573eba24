using Liaison.Analysis.Graphs;

namespace Liaison.Analysis.Centrality;

/// <summary>
/// PageRank by power iteration, step for step as NetworkX's <c>pagerank</c>: row-normalised
/// weights, uniform teleport, the rank of dangling (isolated) nodes spread uniformly, and the same
/// stopping rule, so the scores agree with NetworkX to rounding. Rows are pulled in parallel.
/// </summary>
public static class PageRank
{
    private const int MinimumChunk = 16_384;

    public static NodeValues<double> Compute(Graph graph, PageRankOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(graph);
        options ??= new PageRankOptions();
        var n = graph.NodeCount;
        if (n == 0)
        {
            return new NodeValues<double>(graph, [], graph.Marking);
        }
        var offsets = graph.OffsetArray;
        var targets = graph.TargetArray;
        var weights = graph.WeightArray;
        var inverseStrength = new double[n];
        var dangling = new List<int>();
        for (var v = 0; v < n; v++)
        {
            var s = 0.0;
            for (var i = offsets[v]; i < offsets[v + 1]; i++)
            {
                s += options.UseWeights ? weights[i] : 1.0;
            }
            if (s == 0)
            {
                dangling.Add(v);
            }
            else
            {
                inverseStrength[v] = 1.0 / s;
            }
        }

        var x = new double[n];
        var last = new double[n];
        var share = new double[n];
        Array.Fill(x, 1.0 / n);
        var p = 1.0 / n;
        var chunks = Chunks.For(n, MinimumChunk);
        var errors = new double[chunks];
        for (var iteration = 0; iteration < options.MaxIterations; iteration++)
        {
            (x, last) = (last, x);
            var danglingSum = 0.0;
            foreach (var d in dangling)
            {
                danglingSum += last[d];
            }
            for (var v = 0; v < n; v++)
            {
                share[v] = last[v] * inverseStrength[v];
            }
            var alpha = options.Damping;
            var useWeights = options.UseWeights;
            var current = x;
            var previous = last;
            void Pull(int c)
            {
                var (start, end) = Chunks.Range(c, chunks, n);
                var err = 0.0;
                for (var v = start; v < end; v++)
                {
                    var sum = 0.0;
                    for (var i = offsets[v]; i < offsets[v + 1]; i++)
                    {
                        sum += share[targets[i]] * (useWeights ? weights[i] : 1.0);
                    }
                    var value = alpha * (sum + danglingSum * p) + (1 - alpha) * p;
                    current[v] = value;
                    err += Math.Abs(value - previous[v]);
                }
                errors[c] = err;
            }
            if (chunks == 1)
            {
                Pull(0);
            }
            else
            {
                Parallel.For(0, chunks, Pull);
            }
            var total = 0.0;
            foreach (var e in errors)
            {
                total += e;
            }
            if (total < n * options.Tolerance)
            {
                return new NodeValues<double>(graph, x, graph.Marking);
            }
        }
        throw new NoConvergenceException("PageRank", options.MaxIterations);
    }
}
