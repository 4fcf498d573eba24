using Liaison.Analysis.Graphs;
using Liaison.Core.Model;

namespace Liaison.Node.Analysis;

/// <summary>
/// A case's network as one caller may see it: the graph built from the records they may read, the
/// captions that name its nodes, and how many records were left out (of a case they have no need to
/// know, or, for an export, not allowed to leave the node).
/// </summary>
internal sealed record CaseNetwork(string CaseId, Graph Graph, IReadOnlyDictionary<string, string> Labels, int Records, int Withheld)
{
    /// <summary>The record's caption, or the id itself for a node named only by links (a called number).</summary>
    public string LabelOf(string id) => Labels.TryGetValue(id, out var label) ? label : id;

    public static CaseNetwork Of(string caseId, IReadOnlyList<EntityRecord> records, int withheld) =>
        new(caseId, Liaison.Analysis.Cases.CaseGraph.Build(records),
            records.Where(r => Schemata.TryGet(r.Schema, out var s) && s.Kind == SchemaKind.Thing)
                .GroupBy(r => r.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Caption, StringComparer.Ordinal),
            records.Count, withheld);
}
