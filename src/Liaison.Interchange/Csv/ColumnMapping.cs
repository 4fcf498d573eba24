using Liaison.Interchange.Text;

namespace Liaison.Interchange.Csv;

/// <summary>
/// How a CSV of entities maps onto a schema: which column is the id and which columns feed which
/// properties. Written inline as <c>schema=Person,id=rec_id,given_name=firstName,surname=lastName</c>;
/// columns named <c>tlp</c>, <c>handling</c>, <c>grading</c> and <c>subjects</c> set the envelope.
/// </summary>
public sealed record ColumnMapping(string Schema, string IdColumn, IReadOnlyDictionary<string, string> Columns)
{
    public static ColumnMapping Parse(string spec)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(spec);
        string? schema = null, id = null;
        var columns = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var pair in spec.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0 || eq == pair.Length - 1)
            {
                throw new FormatException($"mapping entry '{pair}' is not column=property");
            }
            var (key, value) = (pair[..eq].Trim(), pair[(eq + 1)..].Trim());
            switch (key)
            {
                case "schema": schema = value; break;
                case "id": id = value; break;
                default: columns[key] = value; break;
            }
        }
        return new ColumnMapping(schema ?? throw new FormatException("the mapping names no schema (schema=Person)"),
            id ?? throw new FormatException("the mapping names no id column (id=COLUMN)"), columns);
    }

    /// <summary>The FEBRL benchmark's person columns, used by tests and the matching pillar.</summary>
    public static readonly ColumnMapping Febrl = Parse(
        "schema=Person,id=rec_id,given_name=firstName,surname=lastName,date_of_birth=birthDate,suburb=birthPlace,soc_sec_id=idNumber,address_1=address");

    internal void CheckHeader(HeaderMap header, string file)
    {
        header.Require(file, IdColumn);
        foreach (var column in Columns.Keys)
        {
            header.Require(file, column);
        }
    }
}
