namespace Liaison.Analysis.Cdr;

/// <summary>Two numbers placed at the same location (cell, or ~200 m square) within the time window.</summary>
public sealed record CoLocationEvent(string Location, DateTimeOffset FirstAt, DateTimeOffset SecondAt);

/// <summary>A number seen near a target, and how many times.</summary>
public sealed record CoLocatedNumber(string Number, int Events, DateTimeOffset FirstAt, DateTimeOffset LastAt);

/// <summary>
/// Co-location: the caller's location of each record, matched between numbers within a time
/// window. A location is where a number was when it called; received calls place no one.
/// </summary>
public static class CoLocation
{
    public static IReadOnlyList<CoLocationEvent> Between(CallRecords cdr, string first, string second, TimeSpan window)
    {
        ArgumentNullException.ThrowIfNull(cdr);
        ArgumentOutOfRangeException.ThrowIfLessThan(window, TimeSpan.Zero);
        var a = Placed(cdr, cdr.IndexOf(first));
        var b = Placed(cdr, cdr.IndexOf(second));
        var w = (long)window.TotalSeconds;
        var events = new List<CoLocationEvent>();
        var low = 0;
        foreach (var ra in a)
        {
            var ta = cdr.Start[ra];
            while (low < b.Count && cdr.Start[b[low]] < ta - w)
            {
                low++;
            }
            for (var j = low; j < b.Count && cdr.Start[b[j]] <= ta + w; j++)
            {
                if (cdr.Location[b[j]] == cdr.Location[ra])
                {
                    events.Add(new CoLocationEvent(cdr.Locations[cdr.Location[ra]], DateTimeOffset.FromUnixTimeSeconds(ta), DateTimeOffset.FromUnixTimeSeconds(cdr.Start[b[j]])));
                }
            }
        }
        return events;
    }

    /// <summary>The numbers most often placed where <paramref name="target"/> was, within the window.</summary>
    public static IReadOnlyList<CoLocatedNumber> With(CallRecords cdr, string target, TimeSpan window, int count = 20)
    {
        ArgumentNullException.ThrowIfNull(cdr);
        var v = cdr.IndexOf(target);
        var w = (long)window.TotalSeconds;
        var places = cdr.Places;
        var tally = new Dictionary<int, (int Events, long First, long Last)>();
        foreach (var r in Placed(cdr, v))
        {
            var t = cdr.Start[r];
            var here = places.At(cdr.Location[r]);
            var from = LowerBound(cdr, here, t - w);
            for (var j = from; j < here.Length && cdr.Start[here[j]] <= t + w; j++)
            {
                var other = cdr.Caller[here[j]];
                if (other == v)
                {
                    continue;
                }
                var x = tally.TryGetValue(other, out var y) ? y : (Events: 0, First: long.MaxValue, Last: long.MinValue);
                tally[other] = (x.Events + 1, Math.Min(x.First, t), Math.Max(x.Last, t));
            }
        }
        return tally.OrderByDescending(p => p.Value.Events).ThenBy(p => cdr.Numbers[p.Key], StringComparer.Ordinal).Take(count)
            .Select(p => new CoLocatedNumber(cdr.Numbers[p.Key], p.Value.Events, DateTimeOffset.FromUnixTimeSeconds(p.Value.First), DateTimeOffset.FromUnixTimeSeconds(p.Value.Last)))
            .ToList();
    }

    // Rows where the number called from a known location, in time order.
    private static List<int> Placed(CallRecords cdr, int number)
    {
        var rows = new List<int>();
        foreach (var r in cdr.Rows.Of(number))
        {
            if (cdr.Caller[r] == number && cdr.Location[r] >= 0)
            {
                rows.Add(r);
            }
        }
        return rows;
    }

    private static int LowerBound(CallRecords cdr, ReadOnlySpan<int> rows, long time)
    {
        int lo = 0, hi = rows.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (cdr.Start[rows[mid]] < time)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }
        return lo;
    }
}
