using System.Globalization;
using Liaison.Analysis.Reports;
using Liaison.Core.Markings;

namespace Liaison.Cli.Commands;

/// <summary>The human-readable form of a <see cref="NetworkReport"/>: the key players, then each community with its leading members.</summary>
internal static class NetworkReportTable
{
    private const int MembersShown = 6;

    public static void Write(NetworkReport report, int top, TextWriter output)
    {
        var c = CultureInfo.InvariantCulture;
        var graph = report.Graph;
        output.WriteLine(string.Create(c,
            $"Network: {graph.NodeCount} nodes, {graph.EdgeCount} edges, {report.Components.Count} component(s), {report.Communities.Communities.Count} communities, modularity {report.Modularity:F4}"));
        output.WriteLine($"Marking: {report.Marking.Tlp.ToLabel()}, handling {report.Marking.Handling}");
        output.WriteLine(report.BetweennessIsExact
            ? "Betweenness: exact"
            : string.Create(c, $"Betweenness: estimated from {report.BetweennessSources} sampled sources"));
        output.WriteLine(report.ClosenessIsExact
            ? "Closeness: exact"
            : string.Create(c, $"Closeness: estimated from {report.ClosenessSources} sampled pivots"));
        output.WriteLine();
        output.WriteLine("Key players (by PageRank)");
        var players = report.KeyPlayers(Math.Max(0, top)).ToList();
        var idWidth = Math.Clamp(players.Select(p => p.Id.Length).DefaultIfEmpty(2).Max(), 2, 40);
        output.WriteLine(string.Create(c,
            $"{"#",3}  {"id".PadRight(idWidth)}  {"degree",6}  {"weighted",9}  {"pagerank",9}  {"betweenness",11}  {"closeness",9}  {"community",9}  {"core",4}"));
        var rank = 0;
        foreach (var p in players)
        {
            rank++;
            output.WriteLine(string.Create(c,
                $"{rank,3}  {Fit(p.Id, idWidth).PadRight(idWidth)}  {p.Degree,6}  {p.WeightedDegree,9:G6}  {p.PageRank,9:F5}  {p.Betweenness,11:F5}  {p.Closeness,9:F5}  {p.Community,9}  {p.Core,4}"));
        }
        output.WriteLine();
        output.WriteLine("Communities (largest first; members by PageRank)");
        var parts = report.Communities.Communities.Parts();
        for (var i = 0; i < parts.Count; i++)
        {
            var members = parts[i].OrderByDescending(v => report.Nodes[v].PageRank).ThenBy(v => graph.NodeIds[v], StringComparer.Ordinal).ToList();
            var shown = string.Join(", ", members.Take(MembersShown).Select(v => graph.NodeIds[v]));
            var more = members.Count > MembersShown ? string.Create(c, $" … +{members.Count - MembersShown}") : string.Empty;
            output.WriteLine(string.Create(c, $"{i,3}  {members.Count,5} members: {shown}{more}"));
        }
    }

    private static string Fit(string s, int width) => s.Length <= width ? s : s[..(width - 1)] + "…";
}
