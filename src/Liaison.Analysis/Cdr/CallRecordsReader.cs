using System.Globalization;
using Liaison.Analysis.Graphs;
using Liaison.Analysis.Graphs.Import;

namespace Liaison.Analysis.Cdr;

/// <summary>
/// Reads call-detail records from CSV with a header naming the columns (any order, case ignored):
/// <c>caller</c>, <c>callee</c>, <c>start</c> (ISO 8601; without an offset it is UTC),
/// <c>duration</c> (seconds or h:mm:ss), and optionally <c>cell</c>, <c>lat</c>/<c>lon</c>, <c>imei</c>.
/// Common operator spellings (a_number, b_number, timestamp, cell_id, latitude, longitude) are accepted.
/// </summary>
public static class CallRecordsReader
{
    private static readonly Dictionary<string, string> Aliases = new(StringComparer.OrdinalIgnoreCase)
    {
        ["caller"] = "caller", ["a_number"] = "caller", ["a-number"] = "caller", ["from"] = "caller", ["msisdn"] = "caller",
        ["callee"] = "callee", ["b_number"] = "callee", ["b-number"] = "callee", ["to"] = "callee", ["called"] = "callee",
        ["start"] = "start", ["timestamp"] = "start", ["datetime"] = "start", ["start_time"] = "start", ["time"] = "start",
        ["duration"] = "duration", ["duration_s"] = "duration", ["seconds"] = "duration",
        ["cell"] = "cell", ["cell_id"] = "cell", ["cellid"] = "cell", ["cgi"] = "cell",
        ["lat"] = "lat", ["latitude"] = "lat", ["lon"] = "lon", ["lng"] = "lon", ["longitude"] = "lon",
        ["imei"] = "imei",
    };

    public static CallRecords Read(string path, Marking? marking = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        using var reader = new StreamReader(path, detectEncodingFromByteOrderMarks: true);
        return Read(reader, Path.GetFileName(path), marking);
    }

    public static CallRecords Read(TextReader reader, string name, Marking? marking = null)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var fields = new List<string>();
        var header = reader.ReadLine() ?? throw new NetworkFileException(name, 1, "the file is empty");
        if (CsvLine.Split(header.TrimStart('\uFEFF'), fields) is { } bad)
        {
            throw new NetworkFileException(name, 1, bad);
        }
        var column = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < fields.Count; i++)
        {
            if (Aliases.TryGetValue(fields[i], out var canonical) && !column.TryAdd(canonical, i))
            {
                throw new NetworkFileException(name, 1, $"two columns mean '{canonical}'");
            }
        }
        foreach (var required in new[] { "caller", "callee", "start", "duration" })
        {
            if (!column.ContainsKey(required))
            {
                throw new NetworkFileException(name, 1, $"no '{required}' column (the header names caller, callee, start, duration[, cell, lat, lon, imei])");
            }
        }
        if (column.ContainsKey("lat") != column.ContainsKey("lon"))
        {
            throw new NetworkFileException(name, 1, "coordinates need both a 'lat' and a 'lon' column");
        }
        var builder = new CallRecordsBuilder(marking);
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
            if (fields.Count < column.Values.Max() + 1)
            {
                throw new NetworkFileException(name, lineNumber, $"expected at least {column.Values.Max() + 1} fields but found {fields.Count}");
            }
            string Field(string key) => column.TryGetValue(key, out var i) ? fields[i] : string.Empty;
            var caller = Field("caller");
            var callee = Field("callee");
            if (caller.Length == 0 || callee.Length == 0)
            {
                throw new NetworkFileException(name, lineNumber, "the caller or callee number is empty");
            }
            if (!DateTimeOffset.TryParse(Field("start"), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var start))
            {
                throw new NetworkFileException(name, lineNumber, "the start is not an ISO 8601 date and time");
            }
            if (!TryDuration(Field("duration"), out var duration))
            {
                throw new NetworkFileException(name, lineNumber, "the duration is not a number of seconds or h:mm:ss");
            }
            double? lat = null, lon = null;
            if (column.ContainsKey("lat") && (Field("lat").Length > 0 || Field("lon").Length > 0))
            {
                if (!double.TryParse(Field("lat"), NumberStyles.Float, CultureInfo.InvariantCulture, out var la) || la is < -90 or > 90
                    || !double.TryParse(Field("lon"), NumberStyles.Float, CultureInfo.InvariantCulture, out var lo) || lo is < -180 or > 180)
                {
                    throw new NetworkFileException(name, lineNumber, "the coordinates are not a latitude and longitude in degrees");
                }
                (lat, lon) = (la, lo);
            }
            var cell = Field("cell");
            var imei = Field("imei");
            builder.Add(caller, callee, start, duration, cell.Length > 0 ? cell : null, lat, lon, imei.Length > 0 ? imei : null);
        }
        return builder.Build();
    }

    private static bool TryDuration(string text, out TimeSpan duration)
    {
        duration = default;
        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            duration = TimeSpan.FromSeconds(seconds);
            return true;
        }
        return TimeSpan.TryParseExact(text, [@"h\:mm\:ss", @"hh\:mm\:ss", @"m\:ss", @"mm\:ss"], CultureInfo.InvariantCulture, out duration);
    }
}
