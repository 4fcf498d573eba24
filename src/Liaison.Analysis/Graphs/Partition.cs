namespace Liaison.Analysis.Graphs;

/// <summary>
/// Nodes grouped into numbered parts (connected components, communities). Parts are numbered by
/// size, largest first, ties by their first node, so part 0 is always the main group.
/// </summary>
public sealed class Partition
{
    private readonly int[] _sizes;

    internal Partition(Graph graph, int[] labels, Marking marking)
    {
        Graph = graph;
        (Labels, _sizes) = Renumber(labels);
        Membership = new NodeValues<int>(graph, Labels, marking);
    }

    public Graph Graph { get; }

    /// <summary>The part of each node.</summary>
    public NodeValues<int> Membership { get; }

    public Marking Marking => Membership.Marking;

    public int Count => _sizes.Length;

    public IReadOnlyList<int> Sizes => _sizes;

    internal int[] Labels { get; }

    public IReadOnlyList<int> Members(int part)
    {
        var members = new List<int>(_sizes[part]);
        for (var v = 0; v < Labels.Length; v++)
        {
            if (Labels[v] == part)
            {
                members.Add(v);
            }
        }
        return members;
    }

    /// <summary>Every part as a list of node indices, in part order.</summary>
    public IReadOnlyList<IReadOnlyList<int>> Parts()
    {
        var parts = new List<int>[_sizes.Length];
        for (var p = 0; p < parts.Length; p++)
        {
            parts[p] = new List<int>(_sizes[p]);
        }
        for (var v = 0; v < Labels.Length; v++)
        {
            parts[Labels[v]].Add(v);
        }
        return parts;
    }

    private static (int[] Labels, int[] Sizes) Renumber(int[] labels)
    {
        var count = labels.Length == 0 ? 0 : labels.Max() + 1;
        var sizes = new int[count];
        var first = new int[count];
        Array.Fill(first, int.MaxValue);
        for (var v = 0; v < labels.Length; v++)
        {
            sizes[labels[v]]++;
            first[labels[v]] = Math.Min(first[labels[v]], v);
        }
        var used = Enumerable.Range(0, count).Where(p => sizes[p] > 0)
            .OrderByDescending(p => sizes[p]).ThenBy(p => first[p]).ToArray();
        var map = new int[count];
        for (var i = 0; i < used.Length; i++)
        {
            map[used[i]] = i;
        }
        var result = new int[labels.Length];
        for (var v = 0; v < labels.Length; v++)
        {
            result[v] = map[labels[v]];
        }
        return (result, used.Select(p => sizes[p]).ToArray());
    }
}
