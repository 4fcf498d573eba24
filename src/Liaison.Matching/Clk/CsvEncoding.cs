using Liaison.Core.Validation;

namespace Liaison.Matching.Clk;

/// <summary>Encodes every row of a person CSV file with a schema and secret (what <c>liaison clk encode</c> does).</summary>
public static class CsvEncoding
{
    public const string DefaultIdColumn = "rec_id";

    /// <summary>Rows are read and checked in order, then encoded in parallel (one encoder per thread); output keeps file order.</summary>
    public static ClkRecord[] EncodeFile(string csvPath, LinkageSchema schema, ReadOnlySpan<byte> secret, string idColumn = DefaultIdColumn, int? maxDegreeOfParallelism = null)
    {
        ArgumentNullException.ThrowIfNull(schema);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var rows = new List<CsvRow>();
        foreach (var row in CsvRows.Read(csvPath, idColumn))
        {
            if (!seen.Add(row[idColumn]!))
            {
                throw new InvalidRecordException(row[idColumn]!, idColumn, "record id appears twice", csvPath, row.Line);
            }
            rows.Add(row);
        }
        var key = secret.ToArray();
        var records = new ClkRecord[rows.Count];
        try
        {
            var options = new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism ?? Environment.ProcessorCount };
            Parallel.ForEach(System.Collections.Concurrent.Partitioner.Create(0, rows.Count, 512), options,
                () => new ClkEncoder(schema, key),
                (range, _, encoder) =>
                {
                    for (var i = range.Item1; i < range.Item2; i++)
                    {
                        var row = rows[i];
                        records[i] = encoder.Encode(row[idColumn]!, column => row[column]);
                    }
                    return encoder;
                },
                encoder => encoder.Dispose());
        }
        finally
        {
            System.Security.Cryptography.CryptographicOperations.ZeroMemory(key);
        }
        return records;
    }
}
