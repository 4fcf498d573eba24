namespace Liaison.Analysis.Graphs.Import;

/// <summary>
/// Splits one CSV line (RFC 4180 quoting, comma separated). Network files are millions of short
/// lines, so this avoids a general CSV library's per-record overhead; a quoted field cannot span lines.
/// </summary>
internal static class CsvLine
{
    /// <summary>Fills <paramref name="fields"/>; returns null, or the reason the line is malformed.</summary>
    public static string? Split(string line, List<string> fields)
    {
        fields.Clear();
        var i = 0;
        while (true)
        {
            if (i < line.Length && line[i] == '"')
            {
                var sb = new System.Text.StringBuilder();
                i++;
                while (true)
                {
                    if (i >= line.Length)
                    {
                        return "a quoted field is not closed on its line";
                    }
                    if (line[i] == '"')
                    {
                        if (i + 1 < line.Length && line[i + 1] == '"')
                        {
                            sb.Append('"');
                            i += 2;
                            continue;
                        }
                        i++;
                        break;
                    }
                    sb.Append(line[i++]);
                }
                fields.Add(sb.ToString());
                if (i < line.Length && line[i] != ',')
                {
                    return "text after a closing quote";
                }
            }
            else
            {
                var comma = line.IndexOf(',', i);
                var end = comma < 0 ? line.Length : comma;
                fields.Add(line[i..end].Trim());
                i = end;
            }
            if (i >= line.Length)
            {
                return null;
            }
            i++;
        }
    }
}
