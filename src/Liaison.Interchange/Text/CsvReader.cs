namespace Liaison.Interchange.Text;

/// <summary>
/// RFC 4180 CSV over <see cref="LineReader"/> (quoted fields, doubled quotes, newlines inside quotes).
/// Hand-written rather than CsvHelper because it must keep LineReader's strict UTF-8 and line limits
/// and report the physical line of every row, and because million-row CDR imports run through it.
/// </summary>
public sealed class CsvReader(LineReader lines, string file) : IDisposable
{
    private readonly List<string> _fields = [];
    private readonly System.Text.StringBuilder _field = new();

    /// <summary>The line on which the current row starts.</summary>
    public long RowLine { get; private set; }

    public long Position => lines.Position;

    /// <summary>Reads the next non-empty row, or null at end of file. The returned list is reused.</summary>
    public IReadOnlyList<string>? ReadRow()
    {
        string? line;
        do
        {
            line = lines.ReadLine();
            if (line is null)
            {
                return null;
            }
        }
        while (line.Length == 0);
        RowLine = lines.LineNumber;
        return Parse(line);
    }

    /// <summary>
    /// Reads the next non-empty line as UTF-8 bytes (valid until the next read) without splitting it,
    /// or false at the end of the file. A caller that finds a quote in it hands it to
    /// <see cref="ParseRow(ReadOnlySpan{byte})"/>; one without quotes it may split on commas itself.
    /// </summary>
    internal bool TryReadLineUtf8(out ReadOnlySpan<byte> line)
    {
        do
        {
            if (!lines.TryReadLineUtf8(out line))
            {
                return false;
            }
        }
        while (line.IsEmpty);
        RowLine = lines.LineNumber;
        return true;
    }

    /// <summary>Parses the row that starts on the line just read by <see cref="TryReadLineUtf8"/> (reading on when a quoted field spans lines).</summary>
    internal IReadOnlyList<string> ParseRow(ReadOnlySpan<byte> line) => Parse(System.Text.Encoding.UTF8.GetString(line));

    private List<string> Parse(string line)
    {
        _fields.Clear();
        _field.Clear();
        var inQuotes = false;
        var i = 0;
        while (true)
        {
            if (i >= line.Length)
            {
                if (inQuotes)
                {
                    var next = lines.ReadLine() ?? throw new InputFormatException(file, RowLine, "(csv)", "a quoted field is not closed before the end of the file");
                    _field.Append('\n');
                    line = next;
                    i = 0;
                    continue;
                }
                _fields.Add(_field.ToString());
                return _fields;
            }
            var c = line[i];
            if (inQuotes)
            {
                if (c == '"')
                {
                    if (i + 1 < line.Length && line[i + 1] == '"')
                    {
                        _field.Append('"');
                        i += 2;
                        continue;
                    }
                    inQuotes = false;
                }
                else
                {
                    _field.Append(c);
                }
            }
            else if (c == ',')
            {
                _fields.Add(_field.ToString());
                _field.Clear();
            }
            else if (c == '"' && IsBlank(_field))
            {
                // Tolerates the space many exports (FEBRL among them) put after the comma.
                _field.Clear();
                inQuotes = true;
            }
            else
            {
                _field.Append(c);
            }
            i++;
        }
    }

    private static bool IsBlank(System.Text.StringBuilder field)
    {
        for (var i = 0; i < field.Length; i++)
        {
            if (field[i] != ' ')
            {
                return false;
            }
        }
        return true;
    }

    public void Dispose() => lines.Dispose();
}
