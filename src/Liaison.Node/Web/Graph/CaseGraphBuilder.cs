using Liaison.Core.Policy.Retention;
using System.Text.Json;
using Liaison.Core.Markings;
using Liaison.Core.Model;
using Liaison.Storage;
using Microsoft.EntityFrameworkCore;
using Liaison.Storage.Retention;

namespace Liaison.Node.Web.Graph;

/// <summary>
/// Builds a case's graph from its records: things (Person, Phone, …) are nodes; link and event
/// records become edges between the entities named by their schema's source and target properties;
/// a thing's own entity properties (an account's owner, a wallet's holder) are edges too; call-detail
/// rows become weighted Call edges between the Phone entities with those numbers. Only records of the
/// case are read, so an edge never reveals an entity of another case.
/// </summary>
internal sealed class CaseGraphBuilder(LiaisonDb db, IGraphMetrics metrics, TimeProvider clock)
{
    /// <summary>More than this and the explorer shows the best-connected entities only.</summary>
    public const int MaxNodes = 2000;

    public string SizeMeasure => metrics.SizeMeasure;

    public async Task<CaseGraph> BuildAsync(string caseId, CancellationToken ct)
    {
        var rows = await db.Records.AsNoTracking().InForce(RetentionDay.Today(clock)).Where(r => r.CaseId == caseId)
            .Select(r => new { r.Id, r.Schema, r.Caption, r.Tlp, r.HandlingCodes, r.PropertiesJson }).ToListAsync(ct);
        var nodes = new Dictionary<string, GraphNode>(StringComparer.Ordinal);
        foreach (var r in rows.Where(r => Schemata.TryGet(r.Schema, out var s) && s.Kind == SchemaKind.Thing))
        {
            nodes[r.Id] = new GraphNode(r.Id, r.Caption, r.Schema, (Tlp)r.Tlp, (HandlingCodes)r.HandlingCodes);
        }
        var edges = new EdgeSet(nodes);
        foreach (var r in rows)
        {
            if (!Schemata.TryGet(r.Schema, out var schema))
            {
                continue;
            }
            var props = JsonSerializer.Deserialize<Dictionary<string, List<string>>>(r.PropertiesJson) ?? [];
            if (schema.Kind == SchemaKind.Thing)
            {
                foreach (var (property, type) in schema.Properties)
                {
                    if (type == PropertyType.Entity && props.TryGetValue(property, out var targets))
                    {
                        edges.AddAll([r.Id], targets, property, r.Id, (Tlp)r.Tlp, (HandlingCodes)r.HandlingCodes);
                    }
                }
            }
            else if (schema.SourceProperty is { } source && schema.TargetProperty is { } target)
            {
                edges.AddAll(props.GetValueOrDefault(source) ?? [], props.GetValueOrDefault(target) ?? [], r.Schema,
                    r.Id, (Tlp)r.Tlp, (HandlingCodes)r.HandlingCodes);
            }
        }
        var unmatched = await AddCallsAsync(caseId, nodes, edges, ct);
        var graph = Trim(caseId, nodes, edges.All, unmatched);
        await metrics.MeasureAsync(graph, ct);
        return graph;
    }

    /// <summary>
    /// Counts call-detail rows per pair of numbers in the database, for the numbers of the case's
    /// entities only (through the caller index), so a case with millions of calls to unknown numbers
    /// costs one indexed count for the rest.
    /// </summary>
    private async Task<long> AddCallsAsync(string caseId, Dictionary<string, GraphNode> nodes, EdgeSet edges, CancellationToken ct)
    {
        var total = await db.CallRecords.AsNoTracking().InForce(RetentionDay.Today(clock)).LongCountAsync(c => c.CaseId == caseId, ct);
        if (total == 0)
        {
            return 0;
        }
        var phone = (int)IdentifierKind.Phone;
        var identifiers = await db.Identifiers.AsNoTracking().InForce(db, RetentionDay.Today(clock)).Where(i => i.CaseId == caseId && i.Kind == phone)
            .Select(i => new { i.Value, i.RecordId }).ToListAsync(ct);
        // A number's Phone entity if there is one, else any entity holding the number.
        var byNumber = identifiers.Where(i => nodes.ContainsKey(i.RecordId))
            .GroupBy(i => i.Value, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(i => nodes[i.RecordId]).OrderBy(n => n.Schema == "Phone" ? 0 : 1).First(), StringComparer.Ordinal);
        var known = byNumber.Keys.ToList();
        var pairs = await db.CallRecords.AsNoTracking().InForce(RetentionDay.Today(clock)).Where(c => c.CaseId == caseId && known.Contains(c.Caller) && known.Contains(c.Callee))
            .GroupBy(c => new { c.Caller, c.Callee }).Select(g => new { g.Key.Caller, g.Key.Callee, Count = g.Count() }).ToListAsync(ct);
        long drawn = 0;
        foreach (var pair in pairs)
        {
            var (a, b) = (byNumber[pair.Caller], byNumber[pair.Callee]);
            if (a.Id != b.Id)
            {
                edges.Add(a.Id, b.Id, "Call", null, TlpExtensions.Narrowest(a.Tlp, b.Tlp), a.Handling | b.Handling, pair.Count);
                drawn += pair.Count;
            }
        }
        return total - drawn;
    }

    private static CaseGraph Trim(string caseId, Dictionary<string, GraphNode> nodes, IReadOnlyCollection<GraphEdge> edges, long unmatched)
    {
        var neighbours = nodes.Keys.ToDictionary(k => k, _ => new HashSet<string>(StringComparer.Ordinal), StringComparer.Ordinal);
        foreach (var e in edges)
        {
            neighbours[e.Source].Add(e.Target);
            neighbours[e.Target].Add(e.Source);
        }
        foreach (var node in nodes.Values)
        {
            node.Degree = neighbours[node.Id].Count;
        }
        var kept = nodes.Values.OrderByDescending(n => n.Degree).ThenBy(n => n.Id, StringComparer.Ordinal).Take(MaxNodes).ToList();
        var keptIds = kept.Select(n => n.Id).ToHashSet(StringComparer.Ordinal);
        var keptEdges = edges.Where(e => keptIds.Contains(e.Source) && keptIds.Contains(e.Target)).ToList();
        return new CaseGraph(caseId, kept.OrderBy(n => n.Schema, StringComparer.Ordinal).ThenBy(n => n.Label, StringComparer.CurrentCulture).ToList(), keptEdges)
        {
            OmittedNodes = nodes.Count - kept.Count,
            UnmatchedCalls = unmatched,
        };
    }

    /// <summary>Edges merged per unordered pair and schema, so two calls A→B and B→A make one edge of weight 2.</summary>
    private sealed class EdgeSet(Dictionary<string, GraphNode> nodes)
    {
        private readonly Dictionary<(string, string, string), GraphEdge> _edges = [];

        public IReadOnlyCollection<GraphEdge> All => _edges.Values;

        public void AddAll(IEnumerable<string> sources, IEnumerable<string> targets, string schema, string? recordId, Tlp tlp, HandlingCodes handling)
        {
            var targetList = targets as IReadOnlyCollection<string> ?? targets.ToList();
            foreach (var s in sources)
            {
                foreach (var t in targetList)
                {
                    Add(s, t, schema, recordId, tlp, handling, 1);
                }
            }
        }

        public void Add(string source, string target, string schema, string? recordId, Tlp tlp, HandlingCodes handling, int weight)
        {
            if (string.Equals(source, target, StringComparison.Ordinal) || !nodes.ContainsKey(source) || !nodes.ContainsKey(target))
            {
                return;
            }
            var key = string.CompareOrdinal(source, target) < 0 ? (source, target, schema) : (target, source, schema);
            _edges[key] = _edges.TryGetValue(key, out var e)
                ? e with { Weight = e.Weight + weight, Tlp = TlpExtensions.Narrowest(e.Tlp, tlp), Handling = e.Handling | handling }
                : new GraphEdge($"e{_edges.Count}", source, target, schema, recordId, tlp, handling, weight);
        }
    }
}
