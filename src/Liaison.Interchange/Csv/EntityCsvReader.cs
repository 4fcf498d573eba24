using Liaison.Core.Markings;
using Liaison.Core.Model;
using Liaison.Interchange.Text;

namespace Liaison.Interchange.Csv;

/// <summary>CSV rows of entities through a <see cref="ColumnMapping"/>; empty cells are absent values.</summary>
public static class EntityCsvReader
{
    public static IEnumerable<EntityRecord> Read(CsvReader csv, ImportContext context, ColumnMapping mapping)
    {
        ArgumentNullException.ThrowIfNull(csv);
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(mapping);
        var header = csv.ReadRow() ?? throw new InputFormatException(context.FileName, 1, "(header)", "the file is empty");
        var map = new HeaderMap(header);
        mapping.CheckHeader(map, context.FileName);
        var names = header.Select(h => h.Trim()).ToArray();
        var idIndex = map.Find(mapping.IdColumn)!.Value;
        var columns = mapping.Columns.Select(c => (Index: map.Find(c.Key)!.Value, Property: c.Value)).ToArray();
        int? tlp = map.Find("tlp"), handling = map.Find("handling"), grading = map.Find("grading"), subjects = map.Find("subjects");
        while (csv.ReadRow() is { } row)
        {
            var line = csv.RowLine;
            if (row.Count != names.Length)
            {
                var missing = row.Count < names.Length ? names[row.Count] : "(extra)";
                throw new InputFormatException(context.FileName, line, missing, $"the row has {row.Count} fields; the header has {names.Length}");
            }
            var id = row[idIndex].Trim();
            if (id.Length == 0)
            {
                throw new InputFormatException(context.FileName, line, mapping.IdColumn, "the id is empty");
            }
            var props = new Dictionary<string, List<string>>(StringComparer.Ordinal);
            foreach (var (index, property) in columns)
            {
                var value = row[index].Trim();
                if (value.Length > 0)
                {
                    if (!props.TryGetValue(property, out var list))
                    {
                        props[property] = list = [];
                    }
                    list.Add(value);
                }
            }
            var envelope = context.DefaultEnvelope(line);
            if (tlp is { } t && row[t].Length > 0)
            {
                envelope = envelope with { Tlp = TlpExtensions.TryParse(row[t], out var v) ? v : throw new InputFormatException(context.FileName, line, "tlp", "is not a TLP 2.0 marking") };
            }
            if (handling is { } h && row[h].Length > 0)
            {
                envelope = envelope with { Handling = Handling.TryParse(row[h], null, out var v) ? v : throw new InputFormatException(context.FileName, line, "handling", "is not a handling code (H0–H3)") };
            }
            if (grading is { } g && row[g].Length > 0)
            {
                envelope = envelope with { Grading = Grading.TryParse(row[g], out var v) ? v : throw new InputFormatException(context.FileName, line, "grading", "is not a 4x4 grade such as B2") };
            }
            if (subjects is { } s && row[s].Length > 0)
            {
                envelope = envelope with { Subjects = SubjectCategoriesExtensions.TryParseList(row[s], out var v) ? v : throw new InputFormatException(context.FileName, line, "subjects", "lists an unknown subject category") };
            }
            yield return new EntityRecord(id, mapping.Schema, props, envelope);
        }
    }
}
