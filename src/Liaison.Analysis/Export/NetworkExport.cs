using System.Text;
using System.Text.Json;
using System.Xml;
using Liaison.Analysis.Graphs;
using Liaison.Analysis.Reports;
using Liaison.Core.Markings;

namespace Liaison.Analysis.Export;

/// <summary>
/// Writes a network for Gephi and Cytoscape with its markings on every node and edge and in the
/// file's header, and, when a report is given, the scores as node attributes.
/// </summary>
public static class NetworkExport
{
    public static void Write(Graph graph, NetworkReport? report, ExportFormat format, Stream output)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(output);
        switch (format)
        {
            case ExportFormat.GraphMl:
                WriteGraphMl(graph, report, output);
                break;
            case ExportFormat.Gexf:
                WriteGexf(graph, report, output);
                break;
            case ExportFormat.CytoscapeJson:
                WriteCytoscape(graph, report, output);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(format));
        }
    }

    private static XmlWriter Xml(Stream output) =>
        XmlWriter.Create(output, new XmlWriterSettings { Indent = true, Encoding = new UTF8Encoding(false) });

    private static string Banner(Graph graph) =>
        $"Liaison network analysis. Marking: {graph.Marking.Tlp.ToLabel()}, handling {graph.Marking.Handling}"
        + (graph.Marking.Handling.Restriction is { } r ? $" ({r})" : string.Empty);

    private static void WriteGraphMl(Graph graph, NetworkReport? report, Stream output)
    {
        const string ns = "http://graphml.graphdrawing.org/xmlns";
        using var xml = Xml(output);
        xml.WriteStartDocument();
        xml.WriteComment(" " + Banner(graph) + " ");
        xml.WriteStartElement("graphml", ns);
        for (var i = 0; i < NodeAttributes.Node.Length; i++)
        {
            var (name, isNumber) = NodeAttributes.Node[i];
            Key(xml, "n" + i, "node", name, name is "degree" or "component" or "community" or "core" ? "int" : isNumber ? "double" : "string");
        }
        for (var i = 0; i < NodeAttributes.Edge.Length; i++)
        {
            var (name, isNumber) = NodeAttributes.Edge[i];
            Key(xml, "e" + i, "edge", name, isNumber ? "double" : "string");
        }
        xml.WriteStartElement("graph");
        xml.WriteAttributeString("id", "liaison");
        xml.WriteAttributeString("edgedefault", "undirected");
        for (var v = 0; v < graph.NodeCount; v++)
        {
            xml.WriteStartElement("node");
            xml.WriteAttributeString("id", graph.NodeIds[v]);
            Data(xml, "n", NodeAttributes.NodeValues(graph, report, v));
            xml.WriteEndElement();
        }
        for (var e = 0; e < graph.EdgeCount; e++)
        {
            var (a, b) = graph.EdgeEnds(e);
            xml.WriteStartElement("edge");
            xml.WriteAttributeString("id", "e" + e.ToString(System.Globalization.CultureInfo.InvariantCulture));
            xml.WriteAttributeString("source", graph.NodeIds[a]);
            xml.WriteAttributeString("target", graph.NodeIds[b]);
            Data(xml, "e", NodeAttributes.EdgeValues(graph, e));
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteEndDocument();

        static void Key(XmlWriter xml, string id, string domain, string name, string type)
        {
            xml.WriteStartElement("key");
            xml.WriteAttributeString("id", id);
            xml.WriteAttributeString("for", domain);
            xml.WriteAttributeString("attr.name", name);
            xml.WriteAttributeString("attr.type", type);
            xml.WriteEndElement();
        }

        static void Data(XmlWriter xml, string prefix, object?[] values)
        {
            for (var i = 0; i < values.Length; i++)
            {
                if (values[i] is { } value)
                {
                    xml.WriteStartElement("data");
                    xml.WriteAttributeString("key", prefix + i.ToString(System.Globalization.CultureInfo.InvariantCulture));
                    xml.WriteString(NodeAttributes.Format(value));
                    xml.WriteEndElement();
                }
            }
        }
    }

    private static void WriteGexf(Graph graph, NetworkReport? report, Stream output)
    {
        // GEXF 1.2draft rather than 1.3: Gephi reads both, NetworkX and most other tools only the former.
        const string ns = "http://www.gexf.net/1.2draft";
        using var xml = Xml(output);
        xml.WriteStartDocument();
        xml.WriteStartElement("gexf", ns);
        xml.WriteAttributeString("version", "1.2");
        xml.WriteStartElement("meta");
        xml.WriteElementString("creator", ns, "Liaison");
        xml.WriteElementString("description", ns, Banner(graph));
        xml.WriteEndElement();
        xml.WriteStartElement("graph");
        xml.WriteAttributeString("mode", "static");
        xml.WriteAttributeString("defaultedgetype", "undirected");
        Attributes(xml, "node", NodeAttributes.Node);
        Attributes(xml, "edge", NodeAttributes.Edge);
        xml.WriteStartElement("nodes");
        for (var v = 0; v < graph.NodeCount; v++)
        {
            xml.WriteStartElement("node");
            xml.WriteAttributeString("id", graph.NodeIds[v]);
            xml.WriteAttributeString("label", graph.NodeIds[v]);
            Values(xml, NodeAttributes.NodeValues(graph, report, v));
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
        xml.WriteStartElement("edges");
        for (var e = 0; e < graph.EdgeCount; e++)
        {
            var (a, b) = graph.EdgeEnds(e);
            xml.WriteStartElement("edge");
            xml.WriteAttributeString("id", e.ToString(System.Globalization.CultureInfo.InvariantCulture));
            xml.WriteAttributeString("source", graph.NodeIds[a]);
            xml.WriteAttributeString("target", graph.NodeIds[b]);
            xml.WriteAttributeString("weight", NodeAttributes.Format(graph.EdgeWeight(e)));
            Values(xml, NodeAttributes.EdgeValues(graph, e));
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteEndDocument();

        static void Attributes(XmlWriter xml, string domain, (string Name, bool IsNumber)[] attributes)
        {
            xml.WriteStartElement("attributes");
            xml.WriteAttributeString("class", domain);
            for (var i = 0; i < attributes.Length; i++)
            {
                xml.WriteStartElement("attribute");
                xml.WriteAttributeString("id", i.ToString(System.Globalization.CultureInfo.InvariantCulture));
                xml.WriteAttributeString("title", attributes[i].Name);
                xml.WriteAttributeString("type", attributes[i].Name is "degree" or "component" or "community" or "core" ? "integer" : attributes[i].IsNumber ? "double" : "string");
                xml.WriteEndElement();
            }
            xml.WriteEndElement();
        }

        static void Values(XmlWriter xml, object?[] values)
        {
            xml.WriteStartElement("attvalues");
            for (var i = 0; i < values.Length; i++)
            {
                if (values[i] is { } value)
                {
                    xml.WriteStartElement("attvalue");
                    xml.WriteAttributeString("for", i.ToString(System.Globalization.CultureInfo.InvariantCulture));
                    xml.WriteAttributeString("value", NodeAttributes.Format(value));
                    xml.WriteEndElement();
                }
            }
            xml.WriteEndElement();
        }
    }

    private static void WriteCytoscape(Graph graph, NetworkReport? report, Stream output)
    {
        using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = false });
        json.WriteStartObject();
        json.WriteStartObject("data");
        json.WriteString("name", "Liaison network");
        json.WriteString("tlp", graph.Marking.Tlp.ToLabel());
        json.WriteString("handling", graph.Marking.Handling.ToString());
        if (report is not null)
        {
            json.WriteNumber("modularity", report.Modularity);
        }
        json.WriteEndObject();
        json.WriteStartObject("elements");
        json.WriteStartArray("nodes");
        for (var v = 0; v < graph.NodeCount; v++)
        {
            json.WriteStartObject();
            json.WriteStartObject("data");
            json.WriteString("id", graph.NodeIds[v]);
            json.WriteString("name", graph.NodeIds[v]);
            json.WriteString("value", graph.NodeIds[v]);
            Properties(json, NodeAttributes.Node, NodeAttributes.NodeValues(graph, report, v));
            json.WriteEndObject();
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteStartArray("edges");
        for (var e = 0; e < graph.EdgeCount; e++)
        {
            var (a, b) = graph.EdgeEnds(e);
            json.WriteStartObject();
            json.WriteStartObject("data");
            json.WriteString("id", "e" + e.ToString(System.Globalization.CultureInfo.InvariantCulture));
            json.WriteString("source", graph.NodeIds[a]);
            json.WriteString("target", graph.NodeIds[b]);
            Properties(json, NodeAttributes.Edge, NodeAttributes.EdgeValues(graph, e));
            json.WriteEndObject();
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();

        static void Properties(Utf8JsonWriter json, (string Name, bool IsNumber)[] names, object?[] values)
        {
            for (var i = 0; i < values.Length; i++)
            {
                switch (values[i])
                {
                    case null:
                        break;
                    case double d:
                        json.WriteNumber(names[i].Name, d);
                        break;
                    case int n:
                        json.WriteNumber(names[i].Name, n);
                        break;
                    case var other:
                        json.WriteString(names[i].Name, other.ToString());
                        break;
                }
            }
        }
    }
}
