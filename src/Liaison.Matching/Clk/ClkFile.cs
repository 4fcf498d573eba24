using System.Globalization;
using System.Text;
using System.Text.Json;
using Liaison.Core.Validation;
using Liaison.Matching.Linkage;

namespace Liaison.Matching.Clk;

/// <summary>
/// The <c>.clk</c> file a node hands to the hub: JSON Lines. Line 1 is a header
/// <c>{"format":"liaison-clk","version":1,"filterBits":1024,"schema":"&lt;fingerprint&gt;","count":N}</c>;
/// each further line is one record <c>{"id":"…","clk":"&lt;base64, little-endian 64-bit words&gt;","blocks":["&lt;16 hex&gt;",…]}</c>.
/// No plaintext leaves the node in it: only ids chosen by the node, filters and keyed block keys.
/// </summary>
public static class ClkFile
{
    public const string Format = "liaison-clk";
    public const int Version = 1;

    private sealed record Header(string Format, int Version, int FilterBits, string Schema, int Count);

    private sealed record Line(string Id, string Clk, string[]? Blocks);

    // Relaxed escaping keeps base64 "+" readable; the file is data, never embedded in HTML.
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static void Write(string path, LinkageSchema schema, IReadOnlyCollection<ClkRecord> records)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(records);
        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(false));
        writer.WriteLine(JsonSerializer.Serialize(new Header(Format, Version, schema.FilterBits, schema.Fingerprint, records.Count), Json));
        var bytes = new byte[schema.FilterBits / 8];
        foreach (var record in records)
        {
            for (var w = 0; w < record.Bits.Length; w++)
            {
                System.Buffers.Binary.BinaryPrimitives.WriteUInt64LittleEndian(bytes.AsSpan(w * 8), record.Bits[w]);
            }
            var blocks = record.BlockKeys.Length == 0 ? null : record.BlockKeys.Select(k => k.ToString("x16", CultureInfo.InvariantCulture)).ToArray();
            writer.WriteLine(JsonSerializer.Serialize(new Line(record.Id, Convert.ToBase64String(bytes), blocks), Json));
        }
    }

    public static ClkSet Read(string path)
    {
        using var reader = new StreamReader(path, Encoding.UTF8);
        var headerText = reader.ReadLine() ?? throw new InvalidRecordException("header", "format", "file is empty", path, 1);
        Header header;
        try
        {
            header = JsonSerializer.Deserialize<Header>(headerText, Json) ?? throw new JsonException("null header");
        }
        catch (JsonException)
        {
            throw new InvalidRecordException("header", "format", "first line is not a liaison-clk header", path, 1);
        }
        if (!string.Equals(header.Format, Format, StringComparison.Ordinal) || header.Version != Version)
        {
            throw new InvalidRecordException("header", "format", $"expected {Format} version {Version}", path, 1);
        }
        if (header.FilterBits < 64 || header.FilterBits % 64 != 0)
        {
            throw new InvalidRecordException("header", "filterBits", "must be a positive multiple of 64", path, 1);
        }
        var records = new List<ClkRecord>(Math.Max(0, header.Count));
        long lineNumber = 1;
        var words = header.FilterBits / 64;
        var bytes = new byte[header.FilterBits / 8];
        while (reader.ReadLine() is { } text)
        {
            lineNumber++;
            if (text.Length == 0)
            {
                continue;
            }
            Line line;
            try
            {
                line = JsonSerializer.Deserialize<Line>(text, Json) ?? throw new JsonException("null");
            }
            catch (JsonException)
            {
                throw new InvalidRecordException($"line {lineNumber}", "record", "not a JSON record", path, lineNumber);
            }
            if (string.IsNullOrEmpty(line.Id))
            {
                throw new InvalidRecordException($"line {lineNumber}", "id", "record id is missing", path, lineNumber);
            }
            if (line.Clk is null || !Convert.TryFromBase64String(line.Clk, bytes, out var written) || written != bytes.Length)
            {
                throw new InvalidRecordException(line.Id, "clk", $"must be base64 of {bytes.Length} bytes", path, lineNumber);
            }
            var bits = new ulong[words];
            for (var w = 0; w < words; w++)
            {
                bits[w] = System.Buffers.Binary.BinaryPrimitives.ReadUInt64LittleEndian(bytes.AsSpan(w * 8));
            }
            var blocks = new ulong[line.Blocks?.Length ?? 0];
            for (var b = 0; b < blocks.Length; b++)
            {
                if (!ulong.TryParse(line.Blocks![b], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out blocks[b]))
                {
                    throw new InvalidRecordException(line.Id, "blocks", "block keys must be 16 hex digits", path, lineNumber);
                }
            }
            records.Add(new ClkRecord(line.Id, bits, blocks));
        }
        if (records.Count != header.Count)
        {
            throw new InvalidRecordException("header", "count", $"header says {header.Count} records, file has {records.Count}", path, lineNumber);
        }
        return ClkSet.From(header.Schema, header.FilterBits, records);
    }
}
