using System.Globalization;
using Liaison.Analysis.Graphs;
using Liaison.Core.Model;

namespace Liaison.Analysis.Cases;

/// <summary>
/// Turns a case's records (own and received) into a network: things (persons, phones, accounts …)
/// are nodes typed by their canonical schema; links and events join the entities named in their
/// schema's source and target properties, and a thing's own entity properties (an account's
/// <c>owner</c>, a bank account's <c>holder</c>) join it to that entity, as the graph explorer draws them. Several records between the same two entities add up
/// (ten calls are a tie of strength ten, or the sum of their <c>weight</c> property), their
/// types are kept, and every node and edge keeps the marking of the records that made it.
/// </summary>
public static class CaseGraph
{
    public static Graph Build(IEnumerable<EntityRecord> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        var builder = new GraphBuilder(parallel: ParallelEdges.Sum);
        var links = new List<(EntityRecord Record, Schema Schema)>();
        var held = new List<(EntityRecord Record, string Property)>();
        foreach (var record in records)
        {
            if (!Schemata.TryGet(record.Schema, out var schema))
            {
                continue;
            }
            if (schema.Kind == SchemaKind.Thing)
            {
                builder.AddNode(record.Id, schema.Canonical, Marking.Of(record.Envelope));
                held.AddRange(schema.Properties.Where(p => p.Value == PropertyType.Entity && record.Values(p.Key).Count > 0).Select(p => (record, p.Key)));
            }
            else if (schema.SourceProperty is not null && schema.TargetProperty is not null)
            {
                links.Add((record, schema));
            }
        }
        // Links after things, so an entity known from its own record keeps that record's type and marking.
        foreach (var (record, schema) in links)
        {
            var marking = Marking.Of(record.Envelope);
            var weight = record.First("weight") is { } w && double.TryParse(w, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed)
                && double.IsFinite(parsed) && parsed > 0 ? parsed : 1.0;
            foreach (var source in record.Values(schema.SourceProperty!))
            {
                foreach (var target in record.Values(schema.TargetProperty!))
                {
                    builder.AddEdge(source, target, weight, schema.Name, marking);
                }
            }
        }
        foreach (var (record, property) in held)
        {
            foreach (var entity in record.Values(property))
            {
                builder.AddEdge(record.Id, entity, 1.0, property, Marking.Of(record.Envelope));
            }
        }
        return builder.Build();
    }
}
