using System.Text;

namespace Liaison.Core.Requests;

/// <summary>Comma-separated values as RFC 4180 defines them: CRLF line ends, fields quoted when they hold a comma, quote or line break, quotes doubled.</summary>
internal static class Rfc4180
{
    public static string Field(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.AsSpan().IndexOfAny(",\"\r\n") < 0 ? value : "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }

    public static void AppendRecord(StringBuilder sb, IEnumerable<string> fields) =>
        sb.Append(string.Join(',', fields.Select(Field))).Append("\r\n");

    /// <summary>
    /// Reads records with the line each starts on. Accepts LF as well as CRLF (exports from Unix tools).
    /// A quote inside an unquoted field or an unterminated quoted field is a <see cref="CsvSyntaxException"/>.
    /// </summary>
    public static IEnumerable<(long Line, IReadOnlyList<string> Fields)> Read(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        long line = 1;
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        var wasQuoted = false;
        var start = line;
        var any = false;
        int c;
        while ((c = reader.Read()) >= 0)
        {
            any = true;
            var ch = (char)c;
            if (quoted)
            {
                if (ch == '"')
                {
                    if (reader.Peek() == '"')
                    {
                        reader.Read();
                        field.Append('"');
                    }
                    else
                    {
                        quoted = false;
                    }
                }
                else
                {
                    if (ch == '\n')
                    {
                        line++;
                    }
                    field.Append(ch);
                }
                continue;
            }
            switch (ch)
            {
                case '"' when field.Length == 0 && !wasQuoted:
                    quoted = true;
                    wasQuoted = true;
                    break;
                case '"':
                    throw new CsvSyntaxException(line, "a quote inside an unquoted field (quote the whole field and double the quote)");
                case ',':
                    fields.Add(field.ToString());
                    field.Clear();
                    wasQuoted = false;
                    break;
                case '\r' when reader.Peek() == '\n':
                    break;
                case '\n':
                    fields.Add(field.ToString());
                    yield return (start, fields.ToArray());
                    fields.Clear();
                    field.Clear();
                    wasQuoted = false;
                    any = false;
                    start = ++line;
                    break;
                default:
                    if (wasQuoted)
                    {
                        throw new CsvSyntaxException(line, "text after the closing quote of a field");
                    }
                    field.Append(ch);
                    break;
            }
        }
        if (quoted)
        {
            throw new CsvSyntaxException(start, "a quoted field is not closed");
        }
        if (any)
        {
            fields.Add(field.ToString());
            yield return (start, fields.ToArray());
        }
    }
}

/// <summary>CSV that is not RFC 4180, at a line.</summary>
internal sealed class CsvSyntaxException(long line, string reason) : Exception(reason)
{
    public long Line { get; } = line;
}
