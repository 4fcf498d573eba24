using Liaison.Analysis.Graphs;

namespace Liaison.Analysis.Paths;

/// <summary>Yen's k loopless shortest paths: each next path branches off an earlier one at a spur node, avoiding the edges those paths took there.</summary>
internal static class Yen
{
    public static List<RawPath> Find(Graph graph, int s, int t, int k, PathCost cost)
    {
        var accepted = new List<RawPath>();
        var first = ShortestPaths.Dijkstra(graph, s, t, cost, null, null);
        if (first is null)
        {
            return accepted;
        }
        accepted.Add(first);
        var candidates = new PriorityQueue<RawPath, (double Cost, int Hops, long Order)>();
        var known = new HashSet<string>(StringComparer.Ordinal) { Key(first) };
        long order = 0;
        var blockedNodes = new bool[graph.NodeCount];
        while (accepted.Count < k)
        {
            var previous = accepted[^1];
            for (var i = 0; i < previous.Nodes.Count - 1; i++)
            {
                var spur = previous.Nodes[i];
                var rootNodes = previous.Nodes.GetRange(0, i + 1);
                var rootEdges = previous.Edges.GetRange(0, i);
                var blockedEdges = new HashSet<int>();
                foreach (var p in accepted)
                {
                    if (p.Nodes.Count > i + 1 && SamePrefix(p.Nodes, rootNodes))
                    {
                        blockedEdges.Add(p.Edges[i]);
                    }
                }
                for (var j = 0; j < i; j++)
                {
                    blockedNodes[rootNodes[j]] = true;
                }
                var spurPath = ShortestPaths.Dijkstra(graph, spur, t, cost, blockedNodes, blockedEdges);
                for (var j = 0; j < i; j++)
                {
                    blockedNodes[rootNodes[j]] = false;
                }
                if (spurPath is null)
                {
                    continue;
                }
                var nodes = new List<int>(rootNodes);
                nodes.AddRange(spurPath.Nodes.Skip(1));
                var edges = new List<int>(rootEdges);
                edges.AddRange(spurPath.Edges);
                var total = edges.Sum(e => ShortestPaths.CostOf(graph, e, cost));
                var candidate = new RawPath(nodes, edges, total);
                if (known.Add(Key(candidate)))
                {
                    candidates.Enqueue(candidate, (total, edges.Count, order++));
                }
            }
            if (candidates.Count == 0)
            {
                break;
            }
            accepted.Add(candidates.Dequeue());
        }
        return accepted;
    }

    private static bool SamePrefix(List<int> path, List<int> prefix)
    {
        for (var i = 0; i < prefix.Count; i++)
        {
            if (path[i] != prefix[i])
            {
                return false;
            }
        }
        return true;
    }

    private static string Key(RawPath path) => string.Join(',', path.Edges);
}
