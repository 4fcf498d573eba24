using Liaison.Analysis.Graphs;

namespace Liaison.Analysis.Cdr;

/// <summary>
/// A time-respecting chain of calls from one number to another: each call happens after the one
/// before it and within the allowed gap, so information (an order, a warning) could have passed along it.
/// </summary>
public sealed record ContactChain(string From, string To, IReadOnlyList<CallRecord> Calls, Marking Marking)
{
    public int Hops => Calls.Count;

    public DateTimeOffset Arrival => Calls[^1].Start;

    /// <summary>
    /// The chain that reaches <paramref name="to"/> earliest, starting from <paramref name="from"/> at
    /// or after <paramref name="since"/>, where each call follows the previous one within
    /// <paramref name="maxGap"/>. Calls count in both directions (either party may pass something on).
    /// Null when no such chain exists.
    /// </summary>
    public static ContactChain? Earliest(CallRecords cdr, string from, string to, DateTimeOffset since, TimeSpan maxGap)
    {
        ArgumentNullException.ThrowIfNull(cdr);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(maxGap, TimeSpan.Zero);
        var source = cdr.IndexOf(from);
        var target = cdr.IndexOf(to);
        if (source == target)
        {
            throw new ArgumentException("A chain needs two different numbers.", nameof(to));
        }
        var gap = (long)maxGap.TotalSeconds;
        var start = since.ToUnixTimeSeconds();
        // Each number remembers the latest time it was reached: later is never worse under a gap limit.
        // Reach events are kept immutable so the chain can be read back even after a number is reached again.
        var latest = new Dictionary<int, int>();
        var events = new List<(int Row, long Time, int Parent)>();
        foreach (var r in cdr.TimeOrder)
        {
            var t = cdr.Start[r];
            if (t < start)
            {
                continue;
            }
            var a = cdr.Caller[r];
            var b = cdr.Callee[r];
            var reachB = Relay(a, t);
            var reachA = Relay(b, t);
            if (reachB is { } pb)
            {
                latest[b] = events.Count;
                events.Add((r, t, pb));
                if (b == target)
                {
                    return Read(events.Count - 1);
                }
            }
            if (reachA is { } pa)
            {
                latest[a] = events.Count;
                events.Add((r, t, pa));
                if (a == target)
                {
                    return Read(events.Count - 1);
                }
            }
        }
        return null;

        // The parent event through which v can pass something on at time t (−1 for the origin), or null.
        int? Relay(int v, long t)
        {
            if (v == source)
            {
                return -1;
            }
            return latest.TryGetValue(v, out var e) && t - events[e].Time <= gap ? e : null;
        }

        ContactChain Read(int e)
        {
            var calls = new List<CallRecord>();
            for (; e >= 0; e = events[e].Parent)
            {
                calls.Add(cdr[events[e].Row]);
            }
            calls.Reverse();
            return new ContactChain(from, to, calls, cdr.Marking);
        }
    }
}
