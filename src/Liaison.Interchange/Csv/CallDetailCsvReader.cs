using System.Globalization;
using Liaison.Core.Identifiers;
using Liaison.Interchange.Text;

namespace Liaison.Interchange.Csv;

/// <summary>
/// Call-detail records as operators and analysts export them: caller, callee, start, duration and a
/// cell id or latitude/longitude. Phones are normalised to E.164 through a cache, because a CDR file
/// repeats the same few hundred numbers a million times and libphonenumber parsing dominates otherwise.
/// </summary>
public sealed class CallDetailCsvReader
{
    private readonly CsvReader _csv;
    private readonly string _file;
    private readonly PhoneNumberNormalizer _phones;
    private readonly Dictionary<string, string> _phoneCache = new(StringComparer.Ordinal);
    private readonly int _caller, _callee, _start, _duration;
    private readonly int? _cell, _lat, _lon;

    public CallDetailCsvReader(CsvReader csv, string file, PhoneNumberNormalizer phones)
    {
        ArgumentNullException.ThrowIfNull(csv);
        _csv = csv;
        _file = file;
        _phones = phones;
        var header = csv.ReadRow() ?? throw new InputFormatException(file, 1, "(header)", "the file is empty");
        var map = new HeaderMap(header);
        HeaderCount = map.Count;
        _caller = map.Require(file, "caller", "a_number", "from", "calling_number");
        _callee = map.Require(file, "callee", "b_number", "to", "called_number");
        _start = map.Require(file, "start", "start_time", "timestamp", "date");
        _duration = map.Require(file, "duration", "duration_s", "seconds");
        _cell = map.Find("cell_id", "cell", "cellid");
        _lat = map.Find("lat", "latitude");
        _lon = map.Find("lon", "lng", "longitude");
        if (_lat is null != _lon is null)
        {
            throw new InputFormatException(file, 1, _lat is null ? "lat" : "lon", "latitude and longitude come together");
        }
    }

    public int HeaderCount { get; }
    public long Line => _csv.RowLine;
    public long Position => _csv.Position;

    public static bool LooksLikeCdrHeader(IReadOnlyList<string> header)
    {
        var map = new HeaderMap(header);
        return map.Find("caller", "a_number", "calling_number") is not null && map.Find("callee", "b_number", "called_number") is not null;
    }

    public CallDetailRecord? Read()
    {
        var row = _csv.ReadRow();
        if (row is null)
        {
            return null;
        }
        var line = _csv.RowLine;
        if (row.Count != HeaderCount)
        {
            throw new InputFormatException(_file, line, "(row)", $"has {row.Count} fields; the header has {HeaderCount}");
        }
        var caller = Phone(row[_caller], "caller", line);
        var callee = Phone(row[_callee], "callee", line);
        if (!DateTimeOffset.TryParse(row[_start], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var start))
        {
            throw new InputFormatException(_file, line, "start", "is not a date and time (ISO 8601, UTC if no offset)");
        }
        if (!int.TryParse(row[_duration], NumberStyles.None, CultureInfo.InvariantCulture, out var duration))
        {
            throw new InputFormatException(_file, line, "duration", "is not a whole number of seconds");
        }
        var cell = _cell is { } c && row[c].Length > 0 ? row[c] : null;
        double? lat = null, lon = null;
        if (_lat is { } la && row[la].Length > 0)
        {
            lat = Coordinate(row[la], "lat", -90, 90, line);
            lon = Coordinate(row[_lon!.Value], "lon", -180, 180, line);
        }
        return new CallDetailRecord(caller, callee, start.UtcDateTime, duration, cell, lat, lon);
    }

    private string Phone(string raw, string field, long line)
    {
        if (_phoneCache.TryGetValue(raw, out var e164))
        {
            return e164;
        }
        e164 = _phones.TryNormalize(raw, out var reason) ?? throw new InputFormatException(_file, line, field, reason!);
        if (_phoneCache.Count < 1_000_000)
        {
            _phoneCache[raw] = e164;
        }
        return e164;
    }

    private double Coordinate(string raw, string field, double min, double max, long line) =>
        double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && v >= min && v <= max
            ? v
            : throw new InputFormatException(_file, line, field, $"is not a coordinate between {min} and {max}");
}
