namespace Liaison.Analysis.Communities;

/// <summary>
/// One level of the Louvain hierarchy: a CSR graph whose nodes are the communities of the level
/// below, with the weight inside each community kept as a self-loop (<see cref="Loop"/>).
/// </summary>
internal sealed class LevelGraph
{
    public LevelGraph(int[] offsets, int[] targets, double[] weights, double[] loop)
    {
        Offsets = offsets;
        Targets = targets;
        Weights = weights;
        Loop = loop;
        var n = offsets.Length - 1;
        Strength = new double[n];
        for (var v = 0; v < n; v++)
        {
            var s = 2 * loop[v];
            for (var i = offsets[v]; i < offsets[v + 1]; i++)
            {
                s += weights[i];
            }
            Strength[v] = s;
        }
    }

    public int NodeCount => Offsets.Length - 1;
    public int[] Offsets { get; }
    public int[] Targets { get; }
    public double[] Weights { get; }

    /// <summary>Weight of the edges folded inside each node, each edge once.</summary>
    public double[] Loop { get; }

    /// <summary>Weighted degree with the self-loop counted twice, as NetworkX counts it.</summary>
    public double[] Strength { get; }

    /// <summary>Modularity of <paramref name="labels"/> (0..count−1) on this level; <paramref name="m"/> is the total edge weight.</summary>
    public double ModularityOf(int[] labels, int count, double m, double resolution)
    {
        var inside = new double[count];
        var strength = new double[count];
        for (var v = 0; v < NodeCount; v++)
        {
            var c = labels[v];
            strength[c] += Strength[v];
            inside[c] += Loop[v];
            for (var i = Offsets[v]; i < Offsets[v + 1]; i++)
            {
                if (labels[Targets[i]] == c)
                {
                    // Each inside edge is met from both ends.
                    inside[c] += Weights[i] / 2;
                }
            }
        }
        var q = 0.0;
        for (var c = 0; c < count; c++)
        {
            var share = strength[c] / (2 * m);
            q += inside[c] / m - resolution * share * share;
        }
        return q;
    }

    /// <summary>The next level: one node per community, edges between communities summed.</summary>
    public LevelGraph Aggregate(int[] labels, int count)
    {
        var n = NodeCount;
        var start = new int[count + 1];
        foreach (var c in labels)
        {
            start[c + 1]++;
        }
        for (var c = 0; c < count; c++)
        {
            start[c + 1] += start[c];
        }
        var fill = start[..count];
        var members = new int[n];
        for (var v = 0; v < n; v++)
        {
            members[fill[labels[v]]++] = v;
        }
        var loop = new double[count];
        var offsets = new int[count + 1];
        var targets = new List<int>();
        var weights = new List<double>();
        var accumulated = new double[count];
        var touched = new List<int>();
        for (var c = 0; c < count; c++)
        {
            for (var j = start[c]; j < start[c + 1]; j++)
            {
                var v = members[j];
                loop[c] += Loop[v];
                for (var i = Offsets[v]; i < Offsets[v + 1]; i++)
                {
                    var d = labels[Targets[i]];
                    if (d == c)
                    {
                        loop[c] += Weights[i] / 2;
                        continue;
                    }
                    if (accumulated[d] == 0)
                    {
                        touched.Add(d);
                    }
                    accumulated[d] += Weights[i];
                }
            }
            touched.Sort();
            foreach (var d in touched)
            {
                targets.Add(d);
                weights.Add(accumulated[d]);
                accumulated[d] = 0;
            }
            touched.Clear();
            offsets[c + 1] = targets.Count;
        }
        return new LevelGraph(offsets, [.. targets], [.. weights], loop);
    }
}
