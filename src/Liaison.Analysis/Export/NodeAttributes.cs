using Liaison.Analysis.Graphs;
using Liaison.Analysis.Reports;

namespace Liaison.Analysis.Export;

/// <summary>The attributes written per node and per edge in every export format, so that a tool can size and colour by them.</summary>
internal static class NodeAttributes
{
    public static readonly (string Name, bool IsNumber)[] Node =
    [
        ("type", false), ("tlp", false), ("handling", false),
        ("degree", true), ("weighted_degree", true), ("pagerank", true), ("betweenness", true),
        ("closeness", true), ("component", true), ("community", true), ("core", true),
    ];

    public static readonly (string Name, bool IsNumber)[] Edge = [("weight", true), ("type", false), ("tlp", false), ("handling", false)];

    /// <summary>The values of <see cref="Node"/> for node <paramref name="v"/>; metrics only when a report is given.</summary>
    public static object?[] NodeValues(Graph graph, NetworkReport? report, int v)
    {
        var marking = graph.NodeMarking(v);
        var r = report?.Nodes[v];
        return
        [
            graph.NodeType(v), marking.Tlp.ToString().ToUpperInvariant(), marking.Handling.ToString(),
            r?.Degree, r?.WeightedDegree, r?.PageRank, r?.Betweenness, r?.Closeness, r?.Component, r?.Community, r?.Core,
        ];
    }

    public static object?[] EdgeValues(Graph graph, int e)
    {
        var marking = graph.EdgeMarking(e);
        return [graph.EdgeWeight(e), string.Join(';', graph.EdgeTypes(e)), marking.Tlp.ToString().ToUpperInvariant(), marking.Handling.ToString()];
    }

    public static string Format(object value) => value switch
    {
        double d => d.ToString("R", System.Globalization.CultureInfo.InvariantCulture),
        int i => i.ToString(System.Globalization.CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };
}
