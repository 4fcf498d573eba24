using System.Text.Json;
using Liaison.Analysis.Graphs.Import;
using Liaison.Analysis.Reports;
using Liaison.Analysis.Tests.Graphs;

namespace Liaison.Analysis.Tests.Reports;

public class NetworkReportTests
{
    [Fact]
    public void Json_report_of_an_edge_list_has_networkx_values_for_every_node()
    {
        // The caviar network written as an edge list, the way `liaison analyze --edges` reads it.
        var matrix = CriminalNetworks.Load("morselli_caviar");
        var csv = new StringWriter();
        csv.WriteLine("source,target,weight");
        for (var e = 0; e < matrix.EdgeCount; e++)
        {
            var (a, b) = matrix.EdgeEnds(e);
            csv.WriteLine(FormattableString.Invariant($"{matrix.NodeIds[a]},{matrix.NodeIds[b]},{matrix.EdgeWeight(e)}"));
        }
        var graph = EdgeListReader.Read(new StringReader(csv.ToString()), "caviar.csv");
        var reference = CriminalNetworks.Reference("morselli_caviar");

        using var json = JsonDocument.Parse(NetworkReportJson.ToJson(NetworkReport.Compute(graph)));

        var nodes = json.RootElement.GetProperty("nodes").EnumerateArray().ToDictionary(n => n.GetProperty("id").GetString()!);
        Assert.Equal(reference.GetProperty("nodes").GetInt32(), nodes.Count);
        foreach (var (field, key) in new[] { ("degree", "degree"), ("weighted_degree", "weighted_degree"), ("pagerank", "pagerank"), ("betweenness", "betweenness"), ("closeness", "closeness"), ("core", "core_number") })
        {
            foreach (var expected in reference.GetProperty(key).EnumerateObject())
            {
                Assert.Equal(expected.Value.GetDouble(), nodes[expected.Name].GetProperty(field).GetDouble(), 1e-9);
            }
        }
        var modularity = json.RootElement.GetProperty("modularity").GetDouble();
        Assert.True(modularity >= reference.GetProperty("louvain_modularity_by_seed").EnumerateArray().Max(q => q.GetDouble()) - 1e-9);
        Assert.Equal("TLP:AMBER", json.RootElement.GetProperty("marking").GetProperty("tlp").GetString());
        Assert.True(json.RootElement.GetProperty("betweenness_exact").GetBoolean());
        Assert.True(json.RootElement.GetProperty("closeness_exact").GetBoolean());
    }

    [Fact]
    public void Every_node_of_a_community_and_of_a_component_is_labelled_consistently()
    {
        var graph = CriminalNetworks.Load("natajaran_heroin");
        var report = NetworkReport.Compute(graph);
        Assert.Equal(graph.NodeCount, report.Nodes.Count);
        Assert.All(report.Nodes, n => Assert.InRange(n.Community, 0, report.Communities.Communities.Count - 1));
        Assert.All(report.Nodes, n => Assert.InRange(n.Component, 0, report.Components.Count - 1));
        Assert.Equal(report.Nodes.OrderByDescending(n => n.PageRank).First().Id, report.KeyPlayers(1).Single().Id);
    }

    [Fact]
    public void Large_graphs_get_sampled_betweenness_and_say_so()
    {
        var graph = CriminalNetworks.Load("macdonald_tfc");
        var report = NetworkReport.Compute(graph, new NetworkReportOptions { ExactBetweennessUpTo = 50, BetweennessSamples = 20, ExactClosenessUpTo = 50, ClosenessPivots = 30 });
        Assert.Equal(20, report.BetweennessSources);
        Assert.False(report.BetweennessIsExact);
        Assert.Equal(30, report.ClosenessSources);
        Assert.False(report.ClosenessIsExact);
    }
}
