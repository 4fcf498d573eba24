namespace Liaison.Node.Web.Graph;

/// <summary>The shortest chain of links between two subjects (breadth-first, links taken both ways).</summary>
public static class GraphPath
{
    /// <summary>The node ids from <paramref name="from"/> to <paramref name="to"/>, both included; empty when they are not connected.</summary>
    public static IReadOnlyList<string> Shortest(CaseGraph graph, string from, string to)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var adjacency = graph.Adjacency();
        if (!adjacency.ContainsKey(from) || !adjacency.ContainsKey(to))
        {
            return [];
        }
        var previous = new Dictionary<string, string?>(StringComparer.Ordinal) { [from] = null };
        var queue = new Queue<string>();
        queue.Enqueue(from);
        while (queue.Count > 0)
        {
            var current = queue.Dequeue();
            if (string.Equals(current, to, StringComparison.Ordinal))
            {
                var path = new List<string>();
                for (string? at = to; at is not null; at = previous[at])
                {
                    path.Add(at);
                }
                path.Reverse();
                return path;
            }
            foreach (var next in adjacency[current])
            {
                if (previous.TryAdd(next, current))
                {
                    queue.Enqueue(next);
                }
            }
        }
        return [];
    }

    /// <summary>The edges along a path, one per step (the heaviest where several links join the same pair).</summary>
    public static IReadOnlyList<GraphEdge> EdgesAlong(CaseGraph graph, IReadOnlyList<string> path)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(path);
        var result = new List<GraphEdge>();
        for (var i = 0; i + 1 < path.Count; i++)
        {
            var (a, b) = (path[i], path[i + 1]);
            var edge = graph.Edges.Where(e => (e.Source == a && e.Target == b) || (e.Source == b && e.Target == a)).MaxBy(e => e.Weight);
            if (edge is not null)
            {
                result.Add(edge);
            }
        }
        return result;
    }
}
