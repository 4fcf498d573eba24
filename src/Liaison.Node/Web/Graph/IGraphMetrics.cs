namespace Liaison.Node.Web.Graph;

/// <summary>
/// Sizes and colours the explorer's nodes. The default sizes by degree and has no communities; the
/// analysis pillar registers its own (centrality for <see cref="GraphNode.Size"/>, community detection
/// for <see cref="GraphNode.Community"/>) before <c>AddWebUi</c>, which then keeps it.
/// </summary>
public interface IGraphMetrics
{
    /// <summary>A short name shown in the legend ("degree", "betweenness", "Louvain communities").</summary>
    string SizeMeasure { get; }

    /// <summary>Sets <see cref="GraphNode.Size"/> (0 to 1) and, if known, <see cref="GraphNode.Community"/> on each node.</summary>
    Task MeasureAsync(CaseGraph graph, CancellationToken ct);
}

/// <summary>Node size by degree (distinct neighbours), scaled to the best-connected node.</summary>
internal sealed class DegreeMetrics : IGraphMetrics
{
    public string SizeMeasure => "degree";

    public Task MeasureAsync(CaseGraph graph, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var max = graph.Nodes.Count == 0 ? 0 : graph.Nodes.Max(n => n.Degree);
        foreach (var node in graph.Nodes)
        {
            node.Size = max == 0 ? 0 : (double)node.Degree / max;
        }
        return Task.CompletedTask;
    }
}
