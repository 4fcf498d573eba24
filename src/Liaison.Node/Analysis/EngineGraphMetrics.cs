using Liaison.Analysis.Graphs;
using Liaison.Analysis.Reports;
using Liaison.Core.Markings;
using Liaison.Node.Web.Graph;

namespace Liaison.Node.Analysis;

/// <summary>
/// The graph explorer's measures from the analysis engine: node size by PageRank (weighted by how
/// many links join two entities), colour by Louvain community, and the scores and modularity the
/// key-players table shows. Computed on the graph the explorer draws, so what is sized is what is seen.
/// </summary>
internal sealed class EngineGraphMetrics : IGraphMetrics
{
    public string SizeMeasure => "PageRank";

    public Task MeasureAsync(CaseGraph graph, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(graph);
        if (graph.Nodes.Count == 0)
        {
            return Task.CompletedTask;
        }
        var builder = new GraphBuilder(parallel: ParallelEdges.Sum);
        foreach (var n in graph.Nodes)
        {
            builder.AddNode(n.Id, n.Schema, new Marking(n.Tlp, new Handling(n.Handling)));
        }
        foreach (var e in graph.Edges)
        {
            builder.AddEdge(e.Source, e.Target, e.Weight, e.Schema, new Marking(e.Tlp, new Handling(e.Handling)));
        }
        var report = NetworkReport.Compute(builder.Build());
        var max = report.Nodes.Max(r => r.PageRank);
        var byId = report.Nodes.ToDictionary(r => r.Id, StringComparer.Ordinal);
        foreach (var node in graph.Nodes)
        {
            var scores = byId[node.Id];
            node.Size = max > 0 ? scores.PageRank / max : 0;
            node.Community = scores.Community;
            node.PageRank = scores.PageRank;
            node.Betweenness = scores.Betweenness;
        }
        graph.Modularity = report.Modularity;
        graph.Communities = report.Communities.Communities.Count;
        return Task.CompletedTask;
    }
}
