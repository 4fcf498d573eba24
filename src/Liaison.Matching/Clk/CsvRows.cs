using System.Text;
using Liaison.Core.Validation;

namespace Liaison.Matching.Clk;

/// <summary>One data row of a CSV file: its 1-based line number and its values by header name.</summary>
public sealed record CsvRow(long Line, IReadOnlyDictionary<string, string> Values)
{
    public string? this[string column] => Values.TryGetValue(column, out var v) ? v : null;
}

/// <summary>
/// Reads person CSV files (RFC 4180 quoting; header and values trimmed, since FEBRL writes ", " between
/// fields). Errors name the file, the line and the field, never the values.
/// </summary>
public static class CsvRows
{
    public static IEnumerable<CsvRow> Read(string path, string idColumn)
    {
        using var reader = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        long line = 0;
        string[]? header = null;
        while (true)
        {
            // A quoted field may span lines: errors and CsvRow.Line name the line the record starts on.
            var startLine = line + 1;
            if (ReadRecord(reader, path, ref line) is not { } fields)
            {
                break;
            }
            if (header is null)
            {
                header = [.. fields.Select(f => f.Trim())];
                var duplicate = header.GroupBy(h => h, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
                if (duplicate is not null)
                {
                    throw new InvalidRecordException("header", duplicate.Key, "column appears twice", path, startLine);
                }
                if (!header.Contains(idColumn, StringComparer.Ordinal))
                {
                    throw new InvalidRecordException("header", idColumn, "id column is missing", path, startLine);
                }
                continue;
            }
            if (fields.Count == 1 && fields[0].Length == 0)
            {
                continue; // blank line
            }
            if (fields.Count != header.Length)
            {
                throw new InvalidRecordException($"line {startLine}", header.Length > fields.Count ? header[fields.Count] : "(extra)",
                    $"expected {header.Length} fields, found {fields.Count}", path, startLine);
            }
            var values = new Dictionary<string, string>(header.Length, StringComparer.Ordinal);
            for (var i = 0; i < header.Length; i++)
            {
                values[header[i]] = fields[i].Trim();
            }
            if (values[idColumn].Length == 0)
            {
                throw new InvalidRecordException($"line {startLine}", idColumn, "record id is empty", path, startLine);
            }
            yield return new CsvRow(startLine, values);
        }
        if (header is null)
        {
            throw new InvalidRecordException("header", idColumn, "file is empty", path, 1);
        }
    }

    private static List<string>? ReadRecord(StreamReader reader, string path, ref long line)
    {
        var text = reader.ReadLine();
        if (text is null)
        {
            return null;
        }
        line++;
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        var start = line;
        var i = 0;
        while (true)
        {
            if (i >= text.Length)
            {
                if (!quoted)
                {
                    break;
                }
                // A quoted field continues on the next physical line.
                text = reader.ReadLine() ?? throw new InvalidRecordException($"line {start}", $"field {fields.Count + 1}", "quoted field is not closed", path, start);
                line++;
                field.Append('\n');
                i = 0;
                continue;
            }
            var ch = text[i++];
            if (quoted)
            {
                if (ch == '"')
                {
                    if (i < text.Length && text[i] == '"')
                    {
                        field.Append('"');
                        i++;
                    }
                    else
                    {
                        quoted = false;
                    }
                }
                else
                {
                    field.Append(ch);
                }
            }
            else if (ch == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else if (ch == '"' && field.ToString().Trim().Length == 0)
            {
                field.Clear();
                quoted = true;
            }
            else
            {
                field.Append(ch);
            }
        }
        fields.Add(field.ToString());
        return fields;
    }
}
