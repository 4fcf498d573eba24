using Liaison.Analysis.Graphs;

namespace Liaison.Analysis.Cdr;

/// <summary>
/// A set of call-detail records stored by column: numbers, cells and handsets are coded as ints
/// once, times are seconds since the Unix epoch, so ten million rows take about 300 MB and a
/// scan over them takes milliseconds. The caller's location is a cell id, or, when the operator
/// gave coordinates only, a square of about 200 m (<see cref="GridDegrees"/>). Immutable once built.
/// </summary>
public sealed class CallRecords
{
    /// <summary>The side of the location squares used when a record has coordinates but no cell id.</summary>
    public const double GridDegrees = 0.002;

    internal CallRecords(
        string[] numbers, Dictionary<string, int> numberIndex, string[] locations, string[] imeis,
        int[] caller, int[] callee, long[] start, int[] duration, int[] location, int[] imei,
        double[]? latitude, double[]? longitude, Marking marking)
    {
        Numbers = numbers;
        NumberIndex = numberIndex;
        Locations = locations;
        Imeis = imeis;
        Caller = caller;
        Callee = callee;
        Start = start;
        Duration = duration;
        Location = location;
        Imei = imei;
        Latitude = latitude;
        Longitude = longitude;
        Marking = marking;
    }

    public int Count => Caller.Length;

    /// <summary>The marking of the production (all rows of one production share it).</summary>
    public Marking Marking { get; }

    public int NumberCount => Numbers.Length;

    internal string[] Numbers { get; }
    internal Dictionary<string, int> NumberIndex { get; }
    internal string[] Locations { get; }
    internal string[] Imeis { get; }
    internal int[] Caller { get; }
    internal int[] Callee { get; }

    /// <summary>Start of each call, seconds since 1970-01-01T00:00Z.</summary>
    internal long[] Start { get; }

    /// <summary>Duration of each call in seconds.</summary>
    internal int[] Duration { get; }

    /// <summary>Index into <see cref="Locations"/>, or −1 when the row has no location.</summary>
    internal int[] Location { get; }

    /// <summary>Index into <see cref="Imeis"/>, or −1.</summary>
    internal int[] Imei { get; }

    internal double[]? Latitude { get; }
    internal double[]? Longitude { get; }

    public CallRecord this[int row] => new(
        Numbers[Caller[row]], Numbers[Callee[row]], DateTimeOffset.FromUnixTimeSeconds(Start[row]), TimeSpan.FromSeconds(Duration[row]),
        Location[row] >= 0 ? Locations[Location[row]] : null,
        Latitude is not null && !double.IsNaN(Latitude[row]) ? Latitude[row] : null,
        Longitude is not null && !double.IsNaN(Longitude[row]) ? Longitude[row] : null,
        Imei[row] >= 0 ? Imeis[Imei[row]] : null);

    private RowIndex? _rows;

    /// <summary>Rows per number in time order, built on first use (one pass; about 8 bytes per row).</summary>
    internal RowIndex Rows => LazyInitializer.EnsureInitialized(ref _rows, () => new RowIndex(this));

    private int[]? _timeOrder;

    /// <summary>All rows in time order (ties by row), sorted on first use.</summary>
    internal int[] TimeOrder => LazyInitializer.EnsureInitialized(ref _timeOrder, () =>
    {
        var order = new int[Count];
        var keys = new long[Count];
        for (var r = 0; r < Count; r++)
        {
            order[r] = r;
            keys[r] = Start[r];
        }
        Array.Sort(keys, order);
        // Array.Sort is not stable: put rows with the same start back in row order, so every
        // time-ordered result is the same run after run.
        for (var i = 0; i < order.Length;)
        {
            var j = i + 1;
            while (j < order.Length && keys[j] == keys[i])
            {
                j++;
            }
            if (j - i > 1)
            {
                order.AsSpan(i, j - i).Sort();
            }
            i = j;
        }
        return order;
    });

    private LocationIndex? _places;

    /// <summary>Rows per location in time order, built on first use.</summary>
    internal LocationIndex Places => LazyInitializer.EnsureInitialized(ref _places, () => new LocationIndex(this));

    public bool Knows(string number) => NumberIndex.ContainsKey(number);

    internal int IndexOf(string number) =>
        NumberIndex.TryGetValue(number, out var i) ? i : throw new KeyNotFoundException($"No call records involve the number '{number}'.");

    internal bool TryIndexOf(string number, out int index) => NumberIndex.TryGetValue(number, out index);
}
