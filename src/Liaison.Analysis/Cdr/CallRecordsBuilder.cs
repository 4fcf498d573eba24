using System.Globalization;
using Liaison.Analysis.Graphs;

namespace Liaison.Analysis.Cdr;

/// <summary>Collects call records row by row into the columnar <see cref="CallRecords"/>.</summary>
public sealed class CallRecordsBuilder
{
    private readonly Marking _marking;
    private readonly Dictionary<string, int> _numbers = new(StringComparer.Ordinal);
    private readonly List<string> _numberList = [];
    private readonly Dictionary<string, int> _locations = new(StringComparer.Ordinal);
    private readonly List<string> _locationList = [];
    private readonly Dictionary<string, int> _imeis = new(StringComparer.Ordinal);
    private readonly List<string> _imeiList = [];
    private readonly List<int> _caller;
    private readonly List<int> _callee;
    private readonly List<long> _start;
    private readonly List<int> _duration;
    private readonly List<int> _location;
    private readonly List<int> _imei;
    private List<double>? _latitude;
    private List<double>? _longitude;

    public CallRecordsBuilder(Marking? marking = null, int capacity = 1024)
    {
        _marking = marking ?? Marking.Default;
        _caller = new List<int>(capacity);
        _callee = new List<int>(capacity);
        _start = new List<long>(capacity);
        _duration = new List<int>(capacity);
        _location = new List<int>(capacity);
        _imei = new List<int>(capacity);
    }

    public int Count => _caller.Count;

    public void Add(CallRecord record) =>
        Add(record.Caller, record.Callee, record.Start, record.Duration, record.Cell, record.Latitude, record.Longitude, record.Imei);

    public void Add(string caller, string callee, DateTimeOffset start, TimeSpan duration, string? cell = null,
        double? latitude = null, double? longitude = null, string? imei = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(caller);
        ArgumentException.ThrowIfNullOrEmpty(callee);
        ArgumentOutOfRangeException.ThrowIfLessThan(duration, TimeSpan.Zero);
        if (latitude is { } lat && (lat is < -90 or > 90 || double.IsNaN(lat)))
        {
            throw new ArgumentOutOfRangeException(nameof(latitude), "A latitude is between -90 and 90.");
        }
        if (longitude is { } lon && (lon is < -180 or > 180 || double.IsNaN(lon)))
        {
            throw new ArgumentOutOfRangeException(nameof(longitude), "A longitude is between -180 and 180.");
        }
        if ((latitude is null) != (longitude is null))
        {
            throw new ArgumentException("Coordinates need both latitude and longitude.", nameof(longitude));
        }
        _caller.Add(Code(_numbers, _numberList, caller));
        _callee.Add(Code(_numbers, _numberList, callee));
        _start.Add(start.ToUnixTimeSeconds());
        _duration.Add((int)Math.Min(int.MaxValue, (long)duration.TotalSeconds));
        string? place = string.IsNullOrEmpty(cell) ? null : "cell " + cell;
        if (place is null && latitude is { } la && longitude is { } lo)
        {
            // Coordinates without a cell: the ~200 m square they fall in stands for the place.
            var row = (long)Math.Floor(la / CallRecords.GridDegrees);
            var column = (long)Math.Floor(lo / CallRecords.GridDegrees);
            place = string.Create(CultureInfo.InvariantCulture, $"square {row}:{column}");
        }
        _location.Add(place is null ? -1 : Code(_locations, _locationList, place));
        _imei.Add(string.IsNullOrEmpty(imei) ? -1 : Code(_imeis, _imeiList, imei));
        if (latitude is not null || _latitude is not null)
        {
            _latitude ??= Enumerable.Repeat(double.NaN, _caller.Count - 1).ToList();
            _longitude ??= Enumerable.Repeat(double.NaN, _caller.Count - 1).ToList();
            _latitude.Add(latitude ?? double.NaN);
            _longitude.Add(longitude ?? double.NaN);
        }
    }

    public CallRecords Build() => new(
        [.. _numberList], new Dictionary<string, int>(_numbers, StringComparer.Ordinal), [.. _locationList], [.. _imeiList],
        [.. _caller], [.. _callee], [.. _start], [.. _duration], [.. _location], [.. _imei],
        _latitude is null ? null : [.. _latitude], _longitude is null ? null : [.. _longitude], _marking);

    private static int Code(Dictionary<string, int> codes, List<string> list, string value)
    {
        if (!codes.TryGetValue(value, out var code))
        {
            code = list.Count;
            codes.Add(value, code);
            list.Add(value);
        }
        return code;
    }
}
