using System.Globalization;
using Liaison.Core.Model;
using Liaison.Interchange.Text;

namespace Liaison.Interchange.Csv;

/// <summary>
/// Plain edge lists (<c>source,target[,weight]</c>, header optional, undirected), as link-analysis tools
/// exchange them. Each distinct endpoint becomes an entity of <paramref name="nodeSchema"/> (Person by
/// default) and each row an UnknownLink with its weight, so the graph analysis sees the same network.
/// </summary>
public static class EdgeListCsvReader
{
    public static bool LooksLikeEdgeHeader(IReadOnlyList<string> header) =>
        header.Count is 2 or 3 && header[0].Trim().Equals("source", StringComparison.OrdinalIgnoreCase) && header[1].Trim().Equals("target", StringComparison.OrdinalIgnoreCase);

    public static IEnumerable<EntityRecord> Read(CsvReader csv, ImportContext context, string idPrefix, string nodeSchema = "Person")
    {
        ArgumentNullException.ThrowIfNull(csv);
        ArgumentNullException.ThrowIfNull(context);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var first = true;
        var edge = 0;
        while (csv.ReadRow() is { } row)
        {
            var line = csv.RowLine;
            if (first)
            {
                first = false;
                if (LooksLikeEdgeHeader(row))
                {
                    continue;
                }
            }
            if (row.Count is < 2 or > 3)
            {
                throw new InputFormatException(context.FileName, line, "(row)", $"an edge list row has 2 or 3 fields (source,target[,weight]); this one has {row.Count}");
            }
            var source = row[0].Trim();
            var target = row[1].Trim();
            if (source.Length == 0 || target.Length == 0)
            {
                throw new InputFormatException(context.FileName, line, source.Length == 0 ? "source" : "target", "is empty");
            }
            var weight = "1";
            if (row.Count == 3)
            {
                if (!double.TryParse(row[2], NumberStyles.Float, CultureInfo.InvariantCulture, out var w) || !double.IsFinite(w) || w < 0)
                {
                    throw new InputFormatException(context.FileName, line, "weight", "is not a non-negative number");
                }
                weight = w.ToString("R", CultureInfo.InvariantCulture);
            }
            foreach (var label in new[] { source, target })
            {
                if (seen.Add(label))
                {
                    yield return new EntityRecord(NodeId(idPrefix, label), nodeSchema,
                        new Dictionary<string, List<string>> { ["name"] = [label] }, context.DefaultEnvelope(line));
                }
            }
            edge++;
            yield return new EntityRecord($"{idPrefix}e{edge}", "UnknownLink", new Dictionary<string, List<string>>
            {
                ["subject"] = [NodeId(idPrefix, source)],
                ["object"] = [NodeId(idPrefix, target)],
                ["weight"] = [weight],
            }, context.DefaultEnvelope(line));
        }
    }

    public static string NodeId(string prefix, string label) => prefix + "n-" + string.Concat(label.Select(c => char.IsWhiteSpace(c) ? '_' : c));
}
