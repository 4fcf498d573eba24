using Liaison.Core.Markings;

namespace Liaison.Node.Web.Graph;

/// <summary>
/// An entity of the case graph (a Person, Phone, BankAccount … record). <see cref="Size"/> (0 to 1) and
/// <see cref="Community"/> come from <see cref="IGraphMetrics"/>: degree by default, centrality and
/// community detection once the analysis pillar provides them.
/// </summary>
public sealed record GraphNode(string Id, string Label, string Schema, Tlp Tlp, HandlingCodes Handling)
{
    public int Degree { get; set; }
    public double? Size { get; set; }
    public int? Community { get; set; }

    /// <summary>Scores for the key-players table, when the metrics compute them.</summary>
    public double? PageRank { get; set; }
    public double? Betweenness { get; set; }
}

/// <summary>
/// A link between two entities: all link/event records of one schema between the same pair, counted
/// in <see cref="Weight"/>. <see cref="RecordId"/> is the first of them (the edge opens it). Call-detail
/// rows carry no marking of their own, so a CDR edge takes the narrowest marking of its two phones.
/// </summary>
public sealed record GraphEdge(string Id, string Source, string Target, string Schema, string? RecordId, Tlp Tlp, HandlingCodes Handling, int Weight);

/// <summary>A case's entities and their links, as the graph explorer shows them.</summary>
public sealed record CaseGraph(string CaseId, IReadOnlyList<GraphNode> Nodes, IReadOnlyList<GraphEdge> Edges)
{
    /// <summary>Entities left out because the case has more than the explorer draws.</summary>
    public int OmittedNodes { get; init; }

    /// <summary>Call-detail rows whose caller or callee is no Phone entity of the case.</summary>
    public long UnmatchedCalls { get; init; }

    /// <summary>Modularity of the communities and how many there are, when the metrics detect them.</summary>
    public double? Modularity { get; set; }
    public int? Communities { get; set; }

    public IReadOnlyDictionary<string, List<string>> Adjacency()
    {
        var adjacency = Nodes.ToDictionary(n => n.Id, _ => new List<string>(), StringComparer.Ordinal);
        foreach (var e in Edges)
        {
            adjacency[e.Source].Add(e.Target);
            adjacency[e.Target].Add(e.Source);
        }
        return adjacency;
    }
}
