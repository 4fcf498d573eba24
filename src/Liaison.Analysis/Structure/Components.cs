using Liaison.Analysis.Graphs;

namespace Liaison.Analysis.Structure;

/// <summary>Connected components: the separate networks in a case (who can reach whom at all).</summary>
public static class Components
{
    public static Partition Compute(Graph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var n = graph.NodeCount;
        var offsets = graph.OffsetArray;
        var targets = graph.TargetArray;
        var label = new int[n];
        Array.Fill(label, -1);
        var queue = new int[n];
        var next = 0;
        for (var s = 0; s < n; s++)
        {
            if (label[s] >= 0)
            {
                continue;
            }
            label[s] = next;
            queue[0] = s;
            int head = 0, tail = 1;
            while (head < tail)
            {
                var v = queue[head++];
                for (var i = offsets[v]; i < offsets[v + 1]; i++)
                {
                    var w = targets[i];
                    if (label[w] < 0)
                    {
                        label[w] = next;
                        queue[tail++] = w;
                    }
                }
            }
            next++;
        }
        return new Partition(graph, label, graph.Marking);
    }
}
