using System.Globalization;
using System.Text;
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
    private readonly Utf8KeyedCache<string> _phoneCache = new(1_000_000);
    private readonly Utf8KeyedCache<string> _cellCache = new(100_000);
    private readonly Range[] _fields;
    private byte[] _quoted = new byte[256];
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
        _fields = new Range[HeaderCount];
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
        if (!_csv.TryReadLineUtf8(out var text))
        {
            return null;
        }
        var line = _csv.RowLine;
        // A line without quotes (nearly every CDR line) is split on commas in place; the fields stay
        // UTF-8 slices of the line and only new phone numbers and cell ids ever become strings.
        if (text.IndexOf((byte)'"') >= 0)
        {
            text = Quoted(_csv.ParseRow(text), line);
        }
        else
        {
            var count = text.Count((byte)',') + 1;
            if (count != HeaderCount)
            {
                throw FieldCount(count, line);
            }
            var from = 0;
            for (var i = 0; i < count - 1; i++)
            {
                var comma = text[from..].IndexOf((byte)',') + from;
                _fields[i] = from..comma;
                from = comma + 1;
            }
            _fields[count - 1] = from..text.Length;
        }
        return Record(text, line);
    }

    /// <summary>A row with quoted fields, parsed by the general CSV reader, laid out as UTF-8 like an unquoted line.</summary>
    private ReadOnlySpan<byte> Quoted(IReadOnlyList<string> row, long line)
    {
        if (row.Count != HeaderCount)
        {
            throw FieldCount(row.Count, line);
        }
        var length = 0;
        foreach (var field in row)
        {
            length += Encoding.UTF8.GetByteCount(field);
        }
        if (_quoted.Length < length)
        {
            _quoted = new byte[Math.Max(length, _quoted.Length * 2)];
        }
        var at = 0;
        for (var i = 0; i < row.Count; i++)
        {
            var n = Encoding.UTF8.GetBytes(row[i], _quoted.AsSpan(at));
            _fields[i] = at..(at + n);
            at += n;
        }
        return _quoted.AsSpan(0, at);
    }

    private CallDetailRecord Record(ReadOnlySpan<byte> text, long line)
    {
        var caller = Phone(text[_fields[_caller]], "caller", line);
        var callee = Phone(text[_fields[_callee]], "callee", line);
        var startText = text[_fields[_start]];
        DateTime start;
        if (!Utf8Timestamp.TryParseUtc(startText, out start))
        {
            if (!DateTimeOffset.TryParse(Encoding.UTF8.GetString(startText), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed))
            {
                throw new InputFormatException(_file, line, "start", "is not a date and time (ISO 8601, UTC if no offset)");
            }
            start = parsed.UtcDateTime;
        }
        if (!int.TryParse(text[_fields[_duration]], NumberStyles.None, CultureInfo.InvariantCulture, out var duration))
        {
            throw new InputFormatException(_file, line, "duration", "is not a whole number of seconds");
        }
        var cell = _cell is { } c && !text[_fields[c]].IsEmpty ? Cell(text[_fields[c]]) : null;
        double? lat = null, lon = null;
        if (_lat is { } la && !text[_fields[la]].IsEmpty)
        {
            lat = Coordinate(text[_fields[la]], "lat", -90, 90, line);
            lon = Coordinate(text[_fields[_lon!.Value]], "lon", -180, 180, line);
        }
        return new CallDetailRecord(caller, callee, start, duration, cell, lat, lon);
    }

    private InputFormatException FieldCount(int count, long line) =>
        new(_file, line, "(row)", $"has {count} fields; the header has {HeaderCount}");

    private string Phone(ReadOnlySpan<byte> raw, string field, long line)
    {
        if (_phoneCache.TryGetValue(raw, out var e164))
        {
            return e164;
        }
        var text = Encoding.UTF8.GetString(raw);
        e164 = _phones.TryNormalize(text, out var reason) ?? throw new InputFormatException(_file, line, field, reason!);
        _phoneCache.Add(text, e164);
        return e164;
    }

    private string Cell(ReadOnlySpan<byte> raw)
    {
        if (_cellCache.TryGetValue(raw, out var cell))
        {
            return cell;
        }
        cell = Encoding.UTF8.GetString(raw);
        _cellCache.Add(cell, cell);
        return cell;
    }

    private double Coordinate(ReadOnlySpan<byte> raw, string field, double min, double max, long line) =>
        double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && v >= min && v <= max
            ? v
            : throw new InputFormatException(_file, line, field, $"is not a coordinate between {min} and {max}");
}
