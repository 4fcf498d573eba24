using Liaison.Analysis.Graphs;

namespace Liaison.Analysis.Paths;

/// <summary>Shortest and k-shortest paths between two subjects: how a suspect is connected to another.</summary>
public static class ShortestPaths
{
    /// <summary>The shortest path from <paramref name="from"/> to <paramref name="to"/>, or null when they are not connected.</summary>
    public static GraphPath? Between(Graph graph, string from, string to, PathCost cost = PathCost.Hops)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var s = graph.IndexOf(from);
        var t = graph.IndexOf(to);
        var found = cost == PathCost.Hops
            ? BreadthFirst(graph, s, t)
            : Dijkstra(graph, s, t, cost, blockedNodes: null, blockedEdges: null);
        return found is { } p ? GraphPath.From(graph, p.Nodes, p.Edges, p.Cost) : null;
    }

    /// <summary>
    /// Up to <paramref name="k"/> loopless paths in order of cost (Yen 1971): the shortest, then the
    /// best detours, which show the alternative routes through which two subjects are connected.
    /// </summary>
    public static IReadOnlyList<GraphPath> KShortest(Graph graph, string from, string to, int k, PathCost cost = PathCost.Hops)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(k);
        var s = graph.IndexOf(from);
        var t = graph.IndexOf(to);
        return Yen.Find(graph, s, t, k, cost).Select(p => GraphPath.From(graph, p.Nodes, p.Edges, p.Cost)).ToList();
    }

    internal static double CostOf(Graph graph, int edge, PathCost cost) => cost switch
    {
        PathCost.Hops => 1.0,
        PathCost.Weight => graph.EdgeWeights[edge],
        PathCost.InverseWeight => 1.0 / graph.EdgeWeights[edge],
        _ => throw new ArgumentOutOfRangeException(nameof(cost)),
    };

    internal static RawPath? BreadthFirst(Graph graph, int s, int t)
    {
        var n = graph.NodeCount;
        var parentSlot = new int[n];
        Array.Fill(parentSlot, -1);
        var seen = new bool[n];
        var queue = new Queue<int>();
        seen[s] = true;
        queue.Enqueue(s);
        var offsets = graph.Offsets;
        var targets = graph.Targets;
        while (queue.Count > 0 && !seen[t])
        {
            var v = queue.Dequeue();
            for (var i = offsets[v]; i < offsets[v + 1]; i++)
            {
                var w = targets[i];
                if (!seen[w])
                {
                    seen[w] = true;
                    parentSlot[w] = i;
                    queue.Enqueue(w);
                }
            }
        }
        return seen[t] ? Trace(graph, s, t, parentSlot, PathCost.Hops) : null;
    }

    internal static RawPath? Dijkstra(Graph graph, int s, int t, PathCost cost, bool[]? blockedNodes, HashSet<int>? blockedEdges)
    {
        var n = graph.NodeCount;
        var distance = new double[n];
        Array.Fill(distance, double.PositiveInfinity);
        var parentSlot = new int[n];
        Array.Fill(parentSlot, -1);
        var done = new bool[n];
        var heap = new PriorityQueue<int, double>();
        distance[s] = 0;
        heap.Enqueue(s, 0);
        var offsets = graph.Offsets;
        var targets = graph.Targets;
        while (heap.TryDequeue(out var v, out var d))
        {
            if (done[v])
            {
                continue;
            }
            done[v] = true;
            if (v == t)
            {
                break;
            }
            for (var i = offsets[v]; i < offsets[v + 1]; i++)
            {
                var w = targets[i];
                if (done[w] || (blockedNodes is not null && blockedNodes[w]))
                {
                    continue;
                }
                var edge = graph.EdgeAt(i);
                if (blockedEdges is not null && blockedEdges.Contains(edge))
                {
                    continue;
                }
                var candidate = d + CostOf(graph, edge, cost);
                if (candidate < distance[w])
                {
                    distance[w] = candidate;
                    parentSlot[w] = i;
                    heap.Enqueue(w, candidate);
                }
            }
        }
        return done[t] ? Trace(graph, s, t, parentSlot, cost) : null;
    }

    private static RawPath Trace(Graph graph, int s, int t, int[] parentSlot, PathCost cost)
    {
        var nodes = new List<int> { t };
        var edges = new List<int>();
        var total = 0.0;
        var v = t;
        while (v != s)
        {
            var slot = parentSlot[v];
            var edge = graph.EdgeAt(slot);
            var (a, b) = graph.EdgeEnds(edge);
            v = a == v ? b : a;
            edges.Add(edge);
            nodes.Add(v);
        }
        nodes.Reverse();
        edges.Reverse();
        foreach (var e in edges)
        {
            total += CostOf(graph, e, cost);
        }
        return new RawPath(nodes, edges, total);
    }
}

/// <summary>A path in node indices, before ids and markings are attached.</summary>
internal sealed record RawPath(List<int> Nodes, List<int> Edges, double Cost);
