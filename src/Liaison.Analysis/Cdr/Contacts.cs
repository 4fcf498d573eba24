using Liaison.Analysis.Graphs;

namespace Liaison.Analysis.Cdr;

/// <summary>A counterpart of a number: how often and how long they spoke, first and last contact.</summary>
public sealed record Contact(string Number, int Calls, TimeSpan TotalDuration, DateTimeOffset First, DateTimeOffset Last);

/// <summary>The numbers a target speaks to most, with the production's marking.</summary>
public sealed record TopContacts(string Number, IReadOnlyList<Contact> Contacts, Marking Marking);

/// <summary>A number in contact with several targets, with its call count per target (in target order).</summary>
public sealed record CommonContact(string Number, IReadOnlyList<int> CallsPerTarget)
{
    public int TargetsReached => CallsPerTarget.Count(c => c > 0);
}

/// <summary>The contacts targets have in common: often the shared handler, supplier or driver.</summary>
public sealed record CommonContacts(IReadOnlyList<string> Targets, IReadOnlyList<CommonContact> Contacts, Marking Marking);

/// <summary>Who talks to whom: top contacts, common contacts, and the contact network itself.</summary>
public static class Contacts
{
    private const int RowsPerChunk = 1 << 20;

    /// <summary>The <paramref name="count"/> most frequent counterparts of <paramref name="number"/> (calls, then total duration).</summary>
    public static TopContacts Top(CallRecords cdr, string number, int count = 10)
    {
        ArgumentNullException.ThrowIfNull(cdr);
        var v = cdr.IndexOf(number);
        var tally = new Dictionary<int, (int Calls, long Seconds, long First, long Last)>();
        foreach (var r in cdr.Rows.Of(v))
        {
            var other = cdr.Caller[r] == v ? cdr.Callee[r] : cdr.Caller[r];
            var t = tally.TryGetValue(other, out var x) ? x : (Calls: 0, Seconds: 0L, First: long.MaxValue, Last: long.MinValue);
            tally[other] = (t.Calls + 1, t.Seconds + cdr.Duration[r], Math.Min(t.First, cdr.Start[r]), Math.Max(t.Last, cdr.Start[r]));
        }
        var top = tally
            .OrderByDescending(p => p.Value.Calls).ThenByDescending(p => p.Value.Seconds).ThenBy(p => cdr.Numbers[p.Key], StringComparer.Ordinal)
            .Take(count)
            .Select(p => new Contact(cdr.Numbers[p.Key], p.Value.Calls, TimeSpan.FromSeconds(p.Value.Seconds),
                DateTimeOffset.FromUnixTimeSeconds(p.Value.First), DateTimeOffset.FromUnixTimeSeconds(p.Value.Last)))
            .ToList();
        return new TopContacts(number, top, cdr.Marking);
    }

    /// <summary>
    /// Numbers in contact with at least <paramref name="minTargets"/> of the targets (all of them by
    /// default), most targets first, then most calls. One parallel scan of the rows, no index needed.
    /// </summary>
    public static CommonContacts Common(CallRecords cdr, IReadOnlyList<string> targets, int? minTargets = null)
    {
        ArgumentNullException.ThrowIfNull(cdr);
        ArgumentNullException.ThrowIfNull(targets);
        if (targets.Count < 2)
        {
            throw new ArgumentException("Common contacts need at least two targets.", nameof(targets));
        }
        var needed = minTargets ?? targets.Count;
        ArgumentOutOfRangeException.ThrowIfLessThan(needed, 1, nameof(minTargets));
        var slot = new Dictionary<int, int>();
        for (var t = 0; t < targets.Count; t++)
        {
            if (cdr.TryIndexOf(targets[t], out var v))
            {
                slot.TryAdd(v, t);
            }
        }
        var isTarget = new int[cdr.NumberCount];
        Array.Fill(isTarget, -1);
        foreach (var (v, t) in slot)
        {
            isTarget[v] = t;
        }
        var caller = cdr.Caller;
        var callee = cdr.Callee;
        var rows = cdr.Count;
        var chunks = Math.Max(1, (rows + RowsPerChunk - 1) / RowsPerChunk);
        var hits = new List<(int Other, int Target)>[chunks];
        Parallel.For(0, chunks, c =>
        {
            var found = new List<(int, int)>();
            var end = (int)Math.Min(rows, (long)(c + 1) * RowsPerChunk);
            for (var r = c * RowsPerChunk; r < end; r++)
            {
                var a = isTarget[caller[r]];
                var b = isTarget[callee[r]];
                // A target's counterpart is its contact; a call between two targets counts for both.
                if (a >= 0 && b != a)
                {
                    found.Add((callee[r], a));
                }
                if (b >= 0 && a != b)
                {
                    found.Add((caller[r], b));
                }
            }
            hits[c] = found;
        });
        var perContact = new Dictionary<int, int[]>();
        foreach (var list in hits)
        {
            foreach (var (other, target) in list)
            {
                if (!perContact.TryGetValue(other, out var counts))
                {
                    perContact[other] = counts = new int[targets.Count];
                }
                counts[target]++;
            }
        }
        var common = perContact
            .Select(p => new CommonContact(cdr.Numbers[p.Key], p.Value))
            .Where(c => c.TargetsReached >= needed)
            .OrderByDescending(c => c.TargetsReached).ThenByDescending(c => c.CallsPerTarget.Sum()).ThenBy(c => c.Number, StringComparer.Ordinal)
            .ToList();
        return new CommonContacts(targets, common, cdr.Marking);
    }

    /// <summary>The contact network: numbers as nodes, an edge per pair that spoke, weighted by the number of calls.</summary>
    public static Graph Network(CallRecords cdr)
    {
        ArgumentNullException.ThrowIfNull(cdr);
        var builder = new GraphBuilder(cdr.Marking, ParallelEdges.Sum);
        foreach (var number in cdr.Numbers)
        {
            builder.AddNode(number, "Phone");
        }
        for (var r = 0; r < cdr.Count; r++)
        {
            builder.AddEdge(cdr.Numbers[cdr.Caller[r]], cdr.Numbers[cdr.Callee[r]], 1, "Call");
        }
        return builder.Build();
    }
}
