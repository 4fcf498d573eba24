using Liaison.Analysis.Graphs;

namespace Liaison.Analysis.Paths;

/// <summary>A subject's ego network: everyone within <see cref="Radius"/> hops and the ties among them (NetworkX <c>ego_graph</c>).</summary>
public sealed record EgoNetwork(string Centre, int Radius, Graph Network, Marking Marking)
{
    public static EgoNetwork Of(Graph graph, string centre, int radius = 1)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentOutOfRangeException.ThrowIfNegative(radius);
        var c = graph.IndexOf(centre);
        var distance = new Dictionary<int, int> { [c] = 0 };
        var queue = new Queue<int>();
        queue.Enqueue(c);
        while (queue.Count > 0)
        {
            var v = queue.Dequeue();
            if (distance[v] == radius)
            {
                continue;
            }
            foreach (var w in graph.Neighbours(v))
            {
                if (distance.TryAdd(w, distance[v] + 1))
                {
                    queue.Enqueue(w);
                }
            }
        }
        var nodes = new HashSet<int>(distance.Keys);
        var network = Subgraphs.Induced(graph, nodes);
        return new EgoNetwork(centre, radius, network, graph.MarkingOf(nodes, Subgraphs.EdgesAmong(graph, nodes)));
    }
}
