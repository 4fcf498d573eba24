using Liaison.Core.Policy;
using Liaison.Node.Web.Cases;
using Liaison.Node.Web.Graph;
using Liaison.Node.Web.Markings;
using Microsoft.AspNetCore.Mvc;

namespace Liaison.Node.Web.Pages.Cases;

/// <summary>
/// The graph explorer: the case's entities and links drawn by Cytoscape.js (bundled from npm), with
/// layouts, filters by type and marking, node size from <see cref="IGraphMetrics"/>, the shortest path
/// between two subjects (found here, in C#, so it also shows without scripts) and PNG export that
/// stamps the marking on the picture.
/// </summary>
internal sealed class GraphModel(CaseAccess access, CaseGraphBuilder builder) : CasePageModel(access)
{
    public override string Tab => "graph";

    [BindProperty(SupportsGet = true)]
    public string? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? To { get; set; }

    public CaseGraph Graph { get; private set; } = null!;
    public string Json { get; private set; } = "{}";
    public string SizeMeasure => builder.SizeMeasure;
    public IReadOnlyList<GraphNode>? PathNodes { get; private set; }
    public IReadOnlyList<GraphEdge> PathEdges { get; private set; } = [];
    /// <summary>How many key players the table lists.</summary>
    public const int KeyPlayerCount = 10;

    /// <summary>The entities with the highest PageRank, when the metrics compute it (then betweenness, then id).</summary>
    public IReadOnlyList<GraphNode> KeyPlayers => _keyPlayers ??= Graph.Nodes.Where(n => n.PageRank is not null)
        .OrderByDescending(n => n.PageRank).ThenByDescending(n => n.Betweenness).ThenBy(n => n.Id, StringComparer.Ordinal).Take(KeyPlayerCount).ToList();

    private IReadOnlyList<GraphNode>? _keyPlayers;

    public PageMarking Marking { get; private set; } = new(Core.Markings.Tlp.Clear, Core.Markings.HandlingCodes.None);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var wantsPath = !string.IsNullOrEmpty(From) && !string.IsNullOrEmpty(To);
        if (await OpenAsync(PolicyAction.Search, wantsPath ? "graph with path" : "graph", ct: ct) is { } refused)
        {
            return refused;
        }
        Graph = await builder.BuildAsync(CaseId, ct);
        IReadOnlyList<string>? path = null;
        if (wantsPath)
        {
            path = GraphPath.Shortest(Graph, From!, To!);
            var byId = Graph.Nodes.ToDictionary(n => n.Id, StringComparer.Ordinal);
            PathNodes = path.Select(id => byId[id]).ToList();
            PathEdges = GraphPath.EdgesAlong(Graph, path);
        }
        Json = GraphJson.Serialize(GraphJson.ToDocument(Graph, builder.SizeMeasure, path));
        Marking = PageMarking.Of(Graph.Nodes.Select(n => ((int)n.Tlp, (int)n.Handling)).Concat(Graph.Edges.Select(e => ((int)e.Tlp, (int)e.Handling))));
        Mark(Marking);
        return Page();
    }

    /// <summary>Subjects first (people, organisations), then the other things, for the path pickers.</summary>
    public IEnumerable<IGrouping<string, GraphNode>> PathChoices() =>
        Graph.Nodes.OrderBy(n => n.Schema is "Person" ? 0 : n.Schema is "Organization" or "Company" or "LegalEntity" ? 1 : 2)
            .ThenBy(n => n.Label, StringComparer.CurrentCulture).GroupBy(n => n.Schema);

    public string EntityPath(string id) => CasePath("entities/" + Uri.EscapeDataString(id));
}
