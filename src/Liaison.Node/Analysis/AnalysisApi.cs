using Liaison.Analysis.Export;
using Liaison.Analysis.Paths;
using Liaison.Analysis.Reports;
using Liaison.Core.Policy;
using Liaison.Node.Api;
using Liaison.Node.Policy;

namespace Liaison.Node.Analysis;

/// <summary>
/// <c>GET /api/cases/{caseId}/analysis</c> (key players, communities with modularity, components, or
/// with <c>?format=graphml|gexf|cytoscape</c> the network as a file) and
/// <c>GET /api/cases/{caseId}/analysis/path?from=&amp;to=</c>. Reading is a search of the case;
/// a file is an export and is decided as one. A case the caller may not see answers exactly like a
/// case that does not exist.
/// </summary>
internal static class AnalysisApi
{
    public const int MaxTop = 100;

    /// <summary>Members listed per community; the size says how many there are.</summary>
    public const int MembersListed = 50;

    public static RouteGroupBuilder MapAnalysisApi(this RouteGroupBuilder group)
    {
        group.MapGet("/{caseId}/analysis", async (string caseId, string? purpose, int? top, string? format, RequestGate gate, CaseNetworks networks, CancellationToken ct) =>
        {
            ExportFormat? export = null;
            if (format is not null)
            {
                if (!ExportFormats.TryParse(format, out var f))
                {
                    return Problems.BadRequest($"format '{Clip(format)}' is not one of graphml, gexf, cytoscape");
                }
                export = f;
            }
            if (top is < 1 or > MaxTop)
            {
                return Problems.BadRequest($"top must be between 1 and {MaxTop}");
            }
            var action = export is null ? PolicyAction.Search : PolicyAction.Export;
            if (await DecideAsync(gate, action, caseId, purpose, export is null ? "network analysis" : $"network export {format}", ct) is { } refused)
            {
                return refused;
            }
            var network = await networks.LoadAsync(caseId, purpose!, forExport: export is not null, ct);
            var report = NetworkReport.Compute(network.Graph);
            if (export is { } exportFormat)
            {
                return Export(network, report, exportFormat);
            }
            return Results.Ok(ToView(network, report, top ?? 10));
        }).WithSummary("Key players with their scores, communities with modularity and components of a case's network; ?format= exports it for Gephi or Cytoscape");

        group.MapGet("/{caseId}/analysis/path", async (string caseId, string? from, string? to, string? purpose, RequestGate gate, CaseNetworks networks, CancellationToken ct) =>
        {
            if (string.IsNullOrWhiteSpace(from) || string.IsNullOrWhiteSpace(to))
            {
                return Problems.BadRequest("from and to (record ids of two subjects of the case) are required");
            }
            if (await DecideAsync(gate, PolicyAction.Search, caseId, purpose, $"network path {Clip(from)} to {Clip(to)}", ct) is { } refused)
            {
                return refused;
            }
            var network = await networks.LoadAsync(caseId, purpose!, forExport: false, ct);
            foreach (var (field, id) in new[] { ("from", from), ("to", to) })
            {
                if (!network.Graph.TryIndexOf(id, out _))
                {
                    return Problems.NotFound($"{field}: no subject '{Clip(id)}' in the network of case '{caseId}'");
                }
            }
            var path = ShortestPaths.Between(network.Graph, from, to);
            return Results.Ok(ToView(network, from, to, path));
        }).WithSummary("The shortest chain of links (fewest hops) between two subjects of a case, with the marking of what it passes through");
        return group;
    }

    private static async Task<IResult?> DecideAsync(RequestGate gate, PolicyAction action, string caseId, string? purpose, string subject, CancellationToken ct)
    {
        var decision = await gate.DecideAsync(action, caseId, purpose, subject: subject, ct: ct);
        if (decision.IsPermitted)
        {
            return null;
        }
        return decision.Rule == BuiltInRules.NeedToKnow ? Decisions.DeniedRead($"case '{caseId}'") : Decisions.Denied(decision);
    }

    private static IResult Export(CaseNetwork network, NetworkReport report, ExportFormat format)
    {
        var buffer = new MemoryStream();
        NetworkExport.Write(network.Graph, report, format, buffer);
        buffer.Position = 0;
        var (type, extension) = format switch
        {
            ExportFormat.GraphMl => ("application/graphml+xml", "graphml"),
            ExportFormat.Gexf => ("application/gexf+xml", "gexf"),
            _ => ("application/json", "cyjs"),
        };
        return new MarkedFile(Results.File(buffer, type, $"{network.CaseId}-network.{extension}"), report.Marking, network.Withheld);
    }

    private static AnalysisView.Report ToView(CaseNetwork network, NetworkReport report, int top)
    {
        var players = report.KeyPlayers(top).Select((p, i) => new AnalysisView.Player(i + 1, p.Id, network.LabelOf(p.Id), p.Type, p.Degree, p.WeightedDegree,
            p.PageRank, p.Betweenness, p.Closeness, p.Community, p.Component, p.Core)).ToArray();
        var byCommunity = report.Nodes.GroupBy(n => n.Community).OrderBy(g => g.Key);
        var communities = byCommunity.Select(g => new AnalysisView.Community(g.Key, g.Count(),
            g.OrderByDescending(n => n.PageRank).ThenBy(n => n.Id, StringComparer.Ordinal).Take(MembersListed).Select(n => n.Id).ToArray())).ToArray();
        var components = report.Components.Sizes.Select((size, i) => new AnalysisView.Component(i, size)).ToArray();
        return new AnalysisView.Report(network.CaseId, AnalysisView.Of(report.Marking), network.Records, network.Graph.NodeCount, network.Graph.EdgeCount,
            report.Modularity, report.BetweennessIsExact, players, communities, components);
    }

    private static AnalysisView.Path ToView(CaseNetwork network, string from, string to, GraphPath? path)
    {
        var graph = network.Graph;
        if (path is null)
        {
            return new AnalysisView.Path(network.CaseId, from, to, false, 0, [], [], AnalysisView.Of(graph.NodeMarking(graph.IndexOf(from)).Narrow(graph.NodeMarking(graph.IndexOf(to)))));
        }
        var steps = path.Nodes.Select(id => new AnalysisView.Step(id, network.LabelOf(id), graph.NodeType(graph.IndexOf(id)))).ToArray();
        var links = path.Edges.Select(e =>
        {
            var (s, t) = graph.EdgeEnds(e);
            return new AnalysisView.Link(graph.NodeIds[s], graph.NodeIds[t], graph.EdgeTypes(e).ToArray(), graph.EdgeWeight(e), AnalysisView.Of(graph.EdgeMarking(e)));
        }).ToArray();
        return new AnalysisView.Path(network.CaseId, from, to, true, path.Hops, steps, links, AnalysisView.Of(path.Marking));
    }

    private static string Clip(string text) => text.Length <= 100 ? text : text[..100] + "…";

    /// <summary>A file answer that also states its marking and how many records were held back in headers, for clients that save it unread.</summary>
    private sealed class MarkedFile(IResult file, Liaison.Analysis.Graphs.Marking marking, int withheld) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.Headers["X-Liaison-Marking"] = marking.ToString();
            httpContext.Response.Headers["X-Liaison-Withheld-Records"] = withheld.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return file.ExecuteAsync(httpContext);
        }
    }
}
