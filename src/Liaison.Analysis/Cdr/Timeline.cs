using Liaison.Analysis.Graphs;

namespace Liaison.Analysis.Cdr;

/// <summary>Whether the number made or received the call.</summary>
public enum CallDirection
{
    Outgoing,
    Incoming,
}

/// <summary>One call on a number's timeline.</summary>
public sealed record TimelineEntry(DateTimeOffset Start, CallDirection Direction, string Counterpart, TimeSpan Duration, string? Location);

/// <summary>A number's calls in time order, optionally between two instants.</summary>
public sealed record Timeline(string Number, IReadOnlyList<TimelineEntry> Entries, Marking Marking)
{
    public static Timeline Of(CallRecords cdr, string number, DateTimeOffset? from = null, DateTimeOffset? to = null)
    {
        ArgumentNullException.ThrowIfNull(cdr);
        var v = cdr.IndexOf(number);
        var low = from?.ToUnixTimeSeconds() ?? long.MinValue;
        var high = to?.ToUnixTimeSeconds() ?? long.MaxValue;
        var entries = new List<TimelineEntry>();
        foreach (var r in cdr.Rows.Of(v))
        {
            var t = cdr.Start[r];
            if (t < low || t > high)
            {
                continue;
            }
            var outgoing = cdr.Caller[r] == v;
            entries.Add(new TimelineEntry(
                DateTimeOffset.FromUnixTimeSeconds(t),
                outgoing ? CallDirection.Outgoing : CallDirection.Incoming,
                cdr.Numbers[outgoing ? cdr.Callee[r] : cdr.Caller[r]],
                TimeSpan.FromSeconds(cdr.Duration[r]),
                outgoing && cdr.Location[r] >= 0 ? cdr.Locations[cdr.Location[r]] : null));
        }
        return new Timeline(number, entries, cdr.Marking);
    }
}
