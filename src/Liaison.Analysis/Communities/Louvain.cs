using Liaison.Analysis.Graphs;

namespace Liaison.Analysis.Communities;

/// <summary>
/// Louvain community detection (Blondel et al. 2008) following NetworkX's
/// <c>louvain_communities</c>: nodes visited in a seeded random order move to the neighbouring
/// community with the best modularity gain until none moves, communities fold into nodes, and
/// levels repeat while modularity rises by more than the threshold. Communities are the cells of a
/// network: people who talk more among themselves than to the rest.
/// </summary>
public static class Louvain
{
    private const int SmallGraphEdges = 10_000;
    private const int SmallGraphRestarts = 64;

    public static CommunityDetection Detect(Graph graph, LouvainOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(graph);
        options ??= new LouvainOptions();
        var restarts = options.Restarts ?? (graph.EdgeCount <= SmallGraphEdges ? SmallGraphRestarts : 1);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(restarts, nameof(options.Restarts));
        var runs = new (int[] Labels, int Levels)[restarts];
        var scores = new double[restarts];
        Parallel.For(0, restarts, r =>
        {
            runs[r] = Run(graph, options, options.Seed + (ulong)r);
            scores[r] = Modularity.Compute(graph, runs[r].Labels, options.Resolution, options.UseWeights);
        });
        var best = 0;
        for (var r = 1; r < restarts; r++)
        {
            if (scores[r] > scores[best])
            {
                best = r;
            }
        }
        var partition = new Partition(graph, runs[best].Labels, graph.Marking);
        return new CommunityDetection(partition, scores[best], runs[best].Levels, options.Seed + (ulong)best);
    }

    // NetworkX's louvain_partitions, then repeated from its own result: a node-level pass on the
    // finest graph often finds moves that the coarse levels could not make (a node stranded in a
    // community merged early). Each round only accepts modularity gains, so it ends.
    private static (int[] Labels, int Levels) Run(Graph graph, LouvainOptions options, ulong seed)
    {
        var n = graph.NodeCount;
        var weights = options.UseWeights ? graph.WeightArray : Enumerable.Repeat(1.0, graph.TargetArray.Length).ToArray();
        var finest = new LevelGraph(graph.OffsetArray, graph.TargetArray, weights, new double[n]);
        var m = 0.0;
        foreach (var s in finest.Strength)
        {
            m += s;
        }
        m /= 2;
        var membership = Enumerable.Range(0, n).ToArray();
        if (m == 0)
        {
            return (membership, 0);
        }
        var random = new SeededRandom(seed);
        var modularity = finest.ModularityOf(membership, n, m, options.Resolution);
        var levels = 0;
        while (true)
        {
            var (candidate, count, rounds) = Levels(finest, membership, m, options, ref random);
            var q = finest.ModularityOf(candidate, count, m, options.Resolution);
            levels += rounds;
            if (q - modularity <= options.Threshold)
            {
                if (q > modularity)
                {
                    membership = candidate;
                }
                return (membership, levels);
            }
            membership = candidate;
            modularity = q;
        }
    }

    private static (int[] Labels, int Count, int Levels) Levels(LevelGraph finest, int[] start, double m, LouvainOptions options, ref SeededRandom random)
    {
        var level = finest;
        var startCount = start.Max() + 1;
        var modularity = level.ModularityOf(start, startCount, m, options.Resolution);
        var sweep = finest.Targets.Length <= 2 * SmallGraphEdges;
        var (inner, count, improved) = OneLevel(level, start, m, options.Resolution, sweep, ref random);
        var membership = (int[])inner.Clone();
        var levels = 1;
        while (improved)
        {
            var newModularity = level.ModularityOf(inner, count, m, options.Resolution);
            if (newModularity - modularity <= options.Threshold)
            {
                break;
            }
            modularity = newModularity;
            level = level.Aggregate(inner, count);
            (inner, count, improved) = OneLevel(level, Enumerable.Range(0, count).ToArray(), m, options.Resolution, sweep, ref random);
            Compose(membership, inner);
            levels++;
        }
        return (membership, count, levels);
    }

    private static void Compose(int[] membership, int[] inner)
    {
        for (var v = 0; v < membership.Length; v++)
        {
            membership[v] = inner[membership[v]];
        }
    }

    // The local-moving phase. Returns each level node's community numbered 0..count−1. Small
    // graphs sweep all nodes until a sweep moves none (NetworkX's loop); large ones keep a queue
    // of nodes whose neighbourhood changed and revisit only those (the "fast local moving" of
    // Ozaki et al. 2016 and Leiden), which finds the same kind of optimum for a fraction of the work.
    private static (int[] Labels, int Count, bool Improved) OneLevel(LevelGraph g, int[] start, double m, double resolution, bool sweep, ref SeededRandom random)
    {
        var n = g.NodeCount;
        var community = (int[])start.Clone();
        var total = new double[n];
        for (var v = 0; v < n; v++)
        {
            total[community[v]] += g.Strength[v];
        }
        var order = Enumerable.Range(0, n).ToArray();
        random.Shuffle(order);
        var toCommunity = new double[n];
        var touched = new List<int>();
        var offsets = g.Offsets;
        var targets = g.Targets;
        var weights = g.Weights;
        var twoMSquared = 2 * m * m;
        var improved = false;

        bool Move(int u)
        {
            var own = community[u];
            var degree = g.Strength[u];
            for (var i = offsets[u]; i < offsets[u + 1]; i++)
            {
                var c = community[targets[i]];
                if (toCommunity[c] == 0)
                {
                    touched.Add(c);
                }
                toCommunity[c] += weights[i];
            }
            total[own] -= degree;
            var removeCost = -toCommunity[own] / m + resolution * (total[own] * degree) / twoMSquared;
            var best = own;
            var bestGain = 0.0;
            foreach (var c in touched)
            {
                var gain = removeCost + toCommunity[c] / m - resolution * (total[c] * degree) / twoMSquared;
                if (gain > bestGain)
                {
                    bestGain = gain;
                    best = c;
                }
            }
            total[best] += degree;
            foreach (var c in touched)
            {
                toCommunity[c] = 0;
            }
            touched.Clear();
            if (best == own)
            {
                return false;
            }
            community[u] = best;
            improved = true;
            return true;
        }

        if (sweep)
        {
            int moves;
            do
            {
                moves = 0;
                foreach (var u in order)
                {
                    moves += Move(u) ? 1 : 0;
                }
            }
            while (moves > 0);
        }
        else
        {
            var queue = new Queue<int>(order);
            var queued = new bool[n];
            Array.Fill(queued, true);
            // Every move raises modularity, so this ends; the cap only guards against rounding ping-pong.
            var budget = 100L * n;
            while (queue.Count > 0 && budget-- > 0)
            {
                var u = queue.Dequeue();
                queued[u] = false;
                if (!Move(u))
                {
                    continue;
                }
                for (var i = offsets[u]; i < offsets[u + 1]; i++)
                {
                    var v = targets[i];
                    if (!queued[v] && community[v] != community[u])
                    {
                        queued[v] = true;
                        queue.Enqueue(v);
                    }
                }
            }
        }
        var labels = Compact(community, out var count);
        return (labels, count, improved);
    }

    private static int[] Compact(int[] community, out int count)
    {
        var map = new int[community.Length];
        Array.Fill(map, -1);
        count = 0;
        var labels = new int[community.Length];
        for (var v = 0; v < community.Length; v++)
        {
            var c = community[v];
            if (map[c] < 0)
            {
                map[c] = count++;
            }
            labels[v] = map[c];
        }
        return labels;
    }
}
