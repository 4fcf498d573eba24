namespace Liaison.Analysis.Graphs;

/// <summary>One value per node of a graph (a centrality, a component, a core number) and the marking of what it was computed from.</summary>
public sealed class NodeValues<T>
{
    private readonly T[] _values;

    internal NodeValues(Graph graph, T[] values, Marking marking)
    {
        Graph = graph;
        _values = values;
        Marking = marking;
    }

    public Graph Graph { get; }

    public Marking Marking { get; }

    public int Count => _values.Length;

    public T this[int node] => _values[node];

    public T this[string id] => _values[Graph.IndexOf(id)];

    public ReadOnlySpan<T> Values => _values;

    internal T[] Array => _values;

    /// <summary>The nodes ordered by value, highest first (ties by id, so the order is stable).</summary>
    public IEnumerable<(string Id, T Value)> Ranked(int count)
    {
        var order = Enumerable.Range(0, _values.Length)
            .OrderByDescending(i => _values[i])
            .ThenBy(i => Graph.NodeIds[i], StringComparer.Ordinal);
        return order.Take(count).Select(i => (Graph.NodeIds[i], _values[i]));
    }
}
