using System.Globalization;

namespace Liaison.Analysis.Graphs.Import;

/// <summary>
/// Reads a labelled adjacency matrix (UCINET-style CSV as published with criminal-network studies):
/// the first row and column are node labels, a cell is the tie strength from the row node to the
/// column node. Ties become undirected with weight max(a_ij, a_ji); the diagonal is ignored; every
/// labelled node is kept, isolated ones too.
/// </summary>
public static class AdjacencyMatrixReader
{
    public static Graph Read(string path, Marking? marking = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        using var reader = new StreamReader(path, detectEncodingFromByteOrderMarks: true);
        return Read(reader, Path.GetFileName(path), marking);
    }

    public static Graph Read(TextReader reader, string name, Marking? marking = null)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var fields = new List<string>();
        var header = reader.ReadLine() ?? throw new NetworkFileException(name, 1, "the file is empty");
        if (CsvLine.Split(header.TrimStart('\uFEFF'), fields) is { } bad)
        {
            throw new NetworkFileException(name, 1, bad);
        }
        var labels = fields.Skip(1).ToArray();
        if (labels.Length == 0 || labels.Distinct(StringComparer.Ordinal).Count() != labels.Length)
        {
            throw new NetworkFileException(name, 1, "the first row must hold distinct node labels");
        }
        var builder = new GraphBuilder(marking, ParallelEdges.Max);
        foreach (var label in labels)
        {
            builder.AddNode(label);
        }
        var row = 0;
        var lineNumber = 1;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }
            if (CsvLine.Split(line, fields) is { } malformed)
            {
                throw new NetworkFileException(name, lineNumber, malformed);
            }
            if (row >= labels.Length)
            {
                throw new NetworkFileException(name, lineNumber, $"more rows than the {labels.Length} labelled columns");
            }
            if (fields.Count != labels.Length + 1)
            {
                throw new NetworkFileException(name, lineNumber, $"expected {labels.Length + 1} fields but found {fields.Count}");
            }
            if (!string.Equals(fields[0], labels[row], StringComparison.Ordinal))
            {
                throw new NetworkFileException(name, lineNumber, $"row {row + 1} is labelled differently from column {row + 1}");
            }
            for (var column = 0; column < labels.Length; column++)
            {
                if (!double.TryParse(fields[column + 1], NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value) || value < 0)
                {
                    throw new NetworkFileException(name, lineNumber, $"column {column + 2} is not a non-negative number");
                }
                if (value > 0 && column != row)
                {
                    builder.AddEdge(labels[row], labels[column], value);
                }
            }
            row++;
        }
        if (row != labels.Length)
        {
            throw new NetworkFileException(name, lineNumber, $"found {row} rows for {labels.Length} labelled columns");
        }
        return builder.Build();
    }
}
