using Liaison.Analysis.Graphs;

namespace Liaison.Analysis.Paths;

/// <summary>The contacts several subjects share: often the intermediary or the shared handler.</summary>
public sealed record CommonNeighbours(IReadOnlyList<string> Subjects, IReadOnlyList<string> Shared, Marking Marking)
{
    public static CommonNeighbours Of(Graph graph, params string[] subjects)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(subjects);
        if (subjects.Length < 2)
        {
            throw new ArgumentException("Common neighbours need at least two subjects.", nameof(subjects));
        }
        var indices = subjects.Select(graph.IndexOf).ToArray();
        // Rows are sorted, so the intersection is a merge; start from the shortest row.
        var shared = graph.Neighbours(indices.MinBy(graph.Degree)).ToArray().AsEnumerable();
        foreach (var s in indices)
        {
            var row = graph.Neighbours(s).ToArray();
            shared = shared.Where(v => Array.BinarySearch(row, v) >= 0).ToArray();
        }
        var result = shared.Where(v => !indices.Contains(v)).ToArray();
        var edges = new List<int>();
        foreach (var s in indices)
        {
            foreach (var v in result)
            {
                edges.Add(graph.FindEdge(s, v));
            }
        }
        var marking = graph.MarkingOf(indices.Concat(result), edges);
        return new CommonNeighbours(subjects, result.Select(v => graph.NodeIds[v]).ToArray(), marking);
    }
}
