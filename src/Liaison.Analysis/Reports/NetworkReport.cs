using Liaison.Analysis.Centrality;
using Liaison.Analysis.Communities;
using Liaison.Analysis.Graphs;
using Liaison.Analysis.Structure;

namespace Liaison.Analysis.Reports;

/// <summary>
/// Everything an analyst asks first of a network: per subject degree, weighted degree, PageRank
/// (weighted), betweenness and closeness (hops), component, community and core number, plus the
/// communities' modularity. Betweenness and closeness are exact up to a size and estimated from
/// seeded samples above it (<see cref="NetworkReportOptions"/>), and the report says which. Carries the narrowest marking of the whole graph, since every score
/// depends on all of it.
/// </summary>
public sealed class NetworkReport
{
    private NetworkReport(Graph graph, IReadOnlyList<NodeReport> nodes, CommunityDetection communities, Partition components, int betweennessSources, int closenessSources)
    {
        ClosenessSources = closenessSources;
        Graph = graph;
        Nodes = nodes;
        Communities = communities;
        Components = components;
        BetweennessSources = betweennessSources;
    }

    public Graph Graph { get; }

    /// <summary>One entry per node, in the graph's node order.</summary>
    public IReadOnlyList<NodeReport> Nodes { get; }

    public CommunityDetection Communities { get; }

    public Partition Components { get; }

    public double Modularity => Communities.Modularity;

    /// <summary>How many sources betweenness was computed from (the node count when exact).</summary>
    public int BetweennessSources { get; }

    public bool BetweennessIsExact => BetweennessSources == Graph.NodeCount;

    /// <summary>How many searches closeness was computed or estimated from (the node count when exact).</summary>
    public int ClosenessSources { get; }

    public bool ClosenessIsExact => ClosenessSources == Graph.NodeCount;

    public Marking Marking => Graph.Marking;

    public static NetworkReport Compute(Graph graph, NetworkReportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(graph);
        options ??= new NetworkReportOptions();
        var n = graph.NodeCount;
        var sample = options.ForceSampling || n > options.ExactBetweennessUpTo ? Math.Min(options.BetweennessSamples, n) : n;
        var degree = Degree.Count(graph);
        var weighted = Degree.Weighted(graph);
        var pagerank = PageRank.Compute(graph);
        var betweenness = Betweenness.Compute(graph, new BetweennessOptions { SampleSources = sample < n ? sample : null, Seed = options.Seed });
        var pivots = options.ForceSampling || n > options.ExactClosenessUpTo ? Math.Min(options.ClosenessPivots, n) : n;
        var closeness = pivots < n ? ClosenessEstimate.Compute(graph, pivots, options.Seed) : Closeness.Compute(graph);
        var components = Structure.Components.Compute(graph);
        var cores = CoreNumbers.Compute(graph);
        var communities = Louvain.Detect(graph, new LouvainOptions { Seed = options.Seed, Resolution = options.Resolution });
        var nodes = new NodeReport[n];
        for (var v = 0; v < n; v++)
        {
            nodes[v] = new NodeReport(graph.NodeIds[v], graph.NodeType(v), degree[v], weighted[v], pagerank[v], betweenness[v], closeness[v],
                components.Membership[v], communities.Communities.Membership[v], cores[v]);
        }
        return new NetworkReport(graph, nodes, communities, components, sample, pivots);
    }

    /// <summary>The top subjects by PageRank, then betweenness, then id.</summary>
    public IEnumerable<NodeReport> KeyPlayers(int count) =>
        Nodes.OrderByDescending(r => r.PageRank).ThenByDescending(r => r.Betweenness).ThenBy(r => r.Id, StringComparer.Ordinal).Take(count);
}
