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
