using System.Text.Json;
using System.Text.Json.Serialization;
using Liaison.Core.Markings;

namespace Liaison.Node.Web.Graph;

/// <summary>
/// The graph as JSON for the explorer (Cytoscape.js) and for scripts: nodes with optional
/// <c>size</c> and <c>community</c>, edges with weight, each with its TLP and handling codes.
/// </summary>
public static class GraphJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public sealed record Node(string Id, string Label, string Schema, string Tlp, string Handling, int Degree, double? Size, int? Community);
    public sealed record Edge(string Id, string Source, string Target, string Schema, string? RecordId, string Tlp, string Handling, int Weight);
    public sealed record Document(string CaseId, string SizeMeasure, Node[] Nodes, Edge[] Edges, int OmittedNodes, long UnmatchedCalls, string[]? Path = null);

    public static Document ToDocument(CaseGraph graph, string sizeMeasure, IReadOnlyList<string>? path = null)
    {
        ArgumentNullException.ThrowIfNull(graph);
        return new Document(graph.CaseId, sizeMeasure,
            graph.Nodes.Select(n => new Node(n.Id, n.Label, n.Schema, n.Tlp.ToLabel(), new Handling(n.Handling).ToString(), n.Degree, n.Size, n.Community)).ToArray(),
            graph.Edges.Select(e => new Edge(e.Id, e.Source, e.Target, e.Schema, e.RecordId, e.Tlp.ToLabel(), new Handling(e.Handling).ToString(), e.Weight)).ToArray(),
            graph.OmittedNodes, graph.UnmatchedCalls, path?.ToArray());
    }

    /// <summary>JSON safe to embed in a page's <c>&lt;script type="application/json"&gt;</c>: the default encoder escapes &lt;, &gt; and &amp;.</summary>
    public static string Serialize(Document document) => JsonSerializer.Serialize(document, Options);
}
