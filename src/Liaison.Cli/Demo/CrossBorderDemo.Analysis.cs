using Liaison.Analysis.Cases;
using Liaison.Core.Markings;
using Liaison.Core.Model;
using Liaison.Core.Policy.Retention;
using Liaison.Storage;
using Liaison.Storage.Records;
using Spectre.Console;

namespace Liaison.Cli.Demo;

internal sealed partial class CrossBorderDemo
{
    private async Task KeyPlayersAsync(CancellationToken ct)
    {
        // The analysis library on the case's records as stored (the node's analysis API serves the same figures).
        await using var db = LiaisonDbFactory.Create(Gb.Config);
        var records = new List<EntityRecord>();
        await foreach (var r in CaseRecords.ReadAsync(db, GbCase, RetentionDay.Today(TimeProvider.System), ct))
        {
            records.Add(r);
        }
        var report = CaseGraphAnalysis.Run(records);
        console.MarkupLine($"{report.Graph.NodeCount} entities, {report.Graph.EdgeCount} links, {report.Communities.Communities.Count} communities, modularity {report.Modularity:0.000}; results marked [{TlpColour(report.Marking.Tlp.ToLabel())}]{Markup.Escape(report.Marking.ToString())}[/]");
        var ringDigits = _scenario.RingPhones.Select(p => p.TrimStart('+')).ToHashSet(StringComparer.Ordinal);
        var top = report.KeyPlayers(5).ToList();
        foreach (var player in top)
        {
            var inRing = ringDigits.Any(d => player.Id.EndsWith(d, StringComparison.Ordinal));
            console.MarkupLine($"  {Markup.Escape(player.Id),-28} PageRank {player.PageRank:0.0000}  community {player.Community}{(inRing ? "  [red]ring phone[/]" : "")}");
        }
        Check(top.Count(p => ringDigits.Any(d => p.Id.EndsWith(d, StringComparison.Ordinal))) >= 3, "at least three of the five key players are the planted ring's phones");
    }
}
