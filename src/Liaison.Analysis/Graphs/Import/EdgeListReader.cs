using System.Globalization;

namespace Liaison.Analysis.Graphs.Import;

/// <summary>
/// Reads an undirected edge list: one <c>source,target[,weight]</c> per line, weight 1 when absent,
/// repeated pairs summed (three lines for one pair are a tie of strength three). A first line is a
/// header when its first two fields are column names such as <c>source,target</c> or
/// <c>from,to</c>, or its third field is not a number. Blank lines and lines starting with '#' are skipped.
/// </summary>
public static class EdgeListReader
{
    private static readonly HashSet<string> HeaderNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "source", "target", "from", "to", "src", "dst", "node1", "node2", "caller", "callee", "id1", "id2",
    };

    public static Graph Read(string path, Marking? marking = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        using var reader = new StreamReader(path, detectEncodingFromByteOrderMarks: true);
        return Read(reader, Path.GetFileName(path), marking);
    }

    public static Graph Read(TextReader reader, string name, Marking? marking = null)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var builder = new GraphBuilder(marking, ParallelEdges.Sum);
        var fields = new List<string>(3);
        var lineNumber = 0;
        var first = true;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (line.Length == 0 || line.StartsWith('#') || string.IsNullOrWhiteSpace(line))
            {
                continue;
            }
            if (CsvLine.Split(line, fields) is { } malformed)
            {
                throw new NetworkFileException(name, lineNumber, malformed);
            }
            if (first)
            {
                first = false;
                if (IsHeader(fields))
                {
                    continue;
                }
            }
            if (fields.Count is < 2 or > 3)
            {
                throw new NetworkFileException(name, lineNumber, $"expected source,target[,weight] but found {fields.Count} field(s)");
            }
            if (fields[0].Length == 0 || fields[1].Length == 0)
            {
                throw new NetworkFileException(name, lineNumber, "a node id is empty");
            }
            var weight = 1.0;
            if (fields.Count == 3 && fields[2].Length > 0
                && (!double.TryParse(fields[2], NumberStyles.Float, CultureInfo.InvariantCulture, out weight) || !double.IsFinite(weight) || weight <= 0))
            {
                throw new NetworkFileException(name, lineNumber, "the weight is not a positive number");
            }
            builder.AddEdge(fields[0], fields[1], weight);
        }
        return builder.Build();
    }

    private static bool IsHeader(List<string> fields)
    {
        if (fields.Count >= 2 && HeaderNames.Contains(fields[0]) && HeaderNames.Contains(fields[1]))
        {
            return true;
        }
        return fields.Count == 3 && fields[2].Length > 0
            && !double.TryParse(fields[2], NumberStyles.Float, CultureInfo.InvariantCulture, out _);
    }
}
