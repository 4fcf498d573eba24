using System.Text.Json;
using Liaison.Core.Markings;

namespace Liaison.Analysis.Reports;

/// <summary>
/// Writes a <see cref="NetworkReport"/> as one JSON object:
/// <c>{"nodes":[{"id","type","degree","weighted_degree","pagerank","betweenness","closeness","component","community","core"}…],
/// "modularity","communities","components","betweenness_sources","betweenness_exact","closeness_sources","closeness_exact",
/// "marking":{"tlp","handling"}}</c>.
/// Numbers are written in their shortest round-trip form, so values can be compared exactly.
/// </summary>
public static class NetworkReportJson
{
    public static void Write(NetworkReport report, Stream output)
    {
        ArgumentNullException.ThrowIfNull(report);
        using var json = new Utf8JsonWriter(output);
        json.WriteStartObject();
        json.WriteStartArray("nodes");
        foreach (var node in report.Nodes)
        {
            json.WriteStartObject();
            json.WriteString("id", node.Id);
            json.WriteString("type", node.Type);
            json.WriteNumber("degree", node.Degree);
            json.WriteNumber("weighted_degree", node.WeightedDegree);
            json.WriteNumber("pagerank", node.PageRank);
            json.WriteNumber("betweenness", node.Betweenness);
            json.WriteNumber("closeness", node.Closeness);
            json.WriteNumber("component", node.Component);
            json.WriteNumber("community", node.Community);
            json.WriteNumber("core", node.Core);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteNumber("modularity", report.Modularity);
        json.WriteNumber("communities", report.Communities.Communities.Count);
        json.WriteNumber("components", report.Components.Count);
        json.WriteNumber("betweenness_sources", report.BetweennessSources);
        json.WriteBoolean("betweenness_exact", report.BetweennessIsExact);
        json.WriteNumber("closeness_sources", report.ClosenessSources);
        json.WriteBoolean("closeness_exact", report.ClosenessIsExact);
        json.WriteStartObject("marking");
        json.WriteString("tlp", report.Marking.Tlp.ToLabel());
        json.WriteString("handling", report.Marking.Handling.ToString());
        if (report.Marking.Handling.Restriction is { } restriction)
        {
            json.WriteString("restriction", restriction);
        }
        json.WriteEndObject();
        json.WriteEndObject();
    }

    public static string ToJson(NetworkReport report)
    {
        using var buffer = new MemoryStream();
        Write(report, buffer);
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }
}
