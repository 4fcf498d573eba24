using System.Text.Json;
using System.Xml.Linq;
using Liaison.Analysis.Export;
using Liaison.Analysis.Graphs;
using Liaison.Analysis.Reports;
using Liaison.Core.Markings;

namespace Liaison.Analysis.Tests.Export;

public class NetworkExportTests
{
    private static (Graph Graph, NetworkReport Report) Sample()
    {
        var builder = new GraphBuilder(new Marking(Tlp.Amber, Handling.LawEnforcementOnly));
        builder.AddNode("p1", "Person");
        builder.AddEdge("p1", "+447700900123", 3, "Use");
        builder.AddEdge("+447700900123", "+447700900456", 2, "Call", new Marking(Tlp.Red, Handling.LawEnforcementOnly));
        var graph = builder.Build();
        return (graph, NetworkReport.Compute(graph));
    }

    private static string Export(ExportFormat format)
    {
        var (graph, report) = Sample();
        using var buffer = new MemoryStream();
        NetworkExport.Write(graph, report, format, buffer);
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    [Fact]
    public void GraphML_has_every_node_and_edge_with_scores_and_markings()
    {
        var xml = XDocument.Parse(Export(ExportFormat.GraphMl));
        XNamespace g = "http://graphml.graphdrawing.org/xmlns";
        Assert.Equal(3, xml.Descendants(g + "node").Count());
        Assert.Equal(2, xml.Descendants(g + "edge").Count());
        var pagerankKey = xml.Descendants(g + "key").Single(k => (string?)k.Attribute("attr.name") == "pagerank").Attribute("id")!.Value;
        Assert.Equal(3, xml.Descendants(g + "data").Count(d => (string?)d.Attribute("key") == pagerankKey));
        Assert.Contains("TLP:RED", xml.Nodes().OfType<XComment>().Single().Value, StringComparison.Ordinal);
        Assert.Equal("undirected", xml.Descendants(g + "graph").Single().Attribute("edgedefault")!.Value);
    }

    [Fact]
    public void Gexf_has_typed_attributes_and_weights()
    {
        var xml = XDocument.Parse(Export(ExportFormat.Gexf));
        XNamespace g = "http://www.gexf.net/1.2draft";
        Assert.Equal(3, xml.Descendants(g + "node").Count());
        var edges = xml.Descendants(g + "edge").ToList();
        Assert.Equal(["3", "2"], edges.Select(e => e.Attribute("weight")!.Value).Order(StringComparer.Ordinal).Reverse().ToArray());
        Assert.Equal("integer", xml.Descendants(g + "attribute").Single(a => (string?)a.Attribute("title") == "community").Attribute("type")!.Value);
    }

    [Fact]
    public void Cytoscape_json_lists_elements_with_ids_sources_and_targets()
    {
        using var json = JsonDocument.Parse(Export(ExportFormat.CytoscapeJson));
        var elements = json.RootElement.GetProperty("elements");
        Assert.Equal(3, elements.GetProperty("nodes").GetArrayLength());
        var edge = elements.GetProperty("edges")[0].GetProperty("data");
        Assert.False(string.IsNullOrEmpty(edge.GetProperty("source").GetString()));
        Assert.Equal("TLP:RED", json.RootElement.GetProperty("data").GetProperty("tlp").GetString());
    }

    [Theory]
    [InlineData("graphml", ExportFormat.GraphMl)]
    [InlineData("GEXF", ExportFormat.Gexf)]
    [InlineData("cytoscape-json", ExportFormat.CytoscapeJson)]
    public void Format_names_parse(string text, ExportFormat expected)
    {
        Assert.True(ExportFormats.TryParse(text, out var format));
        Assert.Equal(expected, format);
    }

    [Fact]
    public void Unknown_format_names_do_not_parse() => Assert.False(ExportFormats.TryParse("dot", out _));
}
