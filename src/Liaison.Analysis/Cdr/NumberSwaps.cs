using System.Globalization;

namespace Liaison.Analysis.Cdr;

/// <summary>Parameters of number-swap detection.</summary>
public sealed record SwapOptions
{
    /// <summary>The new number must appear no later than this after the old one's last call.</summary>
    public TimeSpan MaxGap { get; init; } = TimeSpan.FromDays(14);

    /// <summary>The new number may already appear this long before the old one's last call (phones overlap for a day or two).</summary>
    public TimeSpan Overlap { get; init; } = TimeSpan.FromDays(2);

    /// <summary>The old number must have been silent at least this long before the records end.</summary>
    public TimeSpan MinimumSilence { get; init; } = TimeSpan.FromDays(7);

    public int MinimumSharedContacts { get; init; } = 3;

    /// <summary>Shared contacts as a share of the smaller contact set.</summary>
    public double MinimumOverlap { get; init; } = 0.5;
}

/// <summary>
/// An old number that went silent and a new one that took over its contacts (or its handset):
/// the usual trace of a suspect changing SIM or phone.
/// </summary>
public sealed record NumberSwap(
    string OldNumber,
    string NewNumber,
    DateTimeOffset OldLastSeen,
    DateTimeOffset NewFirstSeen,
    int SharedContacts,
    int OldContacts,
    int NewContacts,
    double Overlap,
    double Jaccard,
    string? SharedHandset,
    string Explanation);

/// <summary>
/// Finds number swaps: for each number silent for a while before the records end, the numbers that
/// first appear around its last call and whose contacts are largely its contacts (found through
/// the contacts themselves, never by comparing all pairs). A shared IMEI — the same handset with a
/// new SIM — is reported as such and is enough on its own.
/// </summary>
public static class NumberSwaps
{
    public static IReadOnlyList<NumberSwap> Find(CallRecords cdr, SwapOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(cdr);
        options ??= new SwapOptions();
        var n = cdr.NumberCount;
        if (cdr.Count == 0)
        {
            return [];
        }
        var firstSeen = new long[n];
        var lastSeen = new long[n];
        Array.Fill(firstSeen, long.MaxValue);
        Array.Fill(lastSeen, long.MinValue);
        for (var r = 0; r < cdr.Count; r++)
        {
            foreach (var v in (ReadOnlySpan<int>)[cdr.Caller[r], cdr.Callee[r]])
            {
                firstSeen[v] = Math.Min(firstSeen[v], cdr.Start[r]);
                lastSeen[v] = Math.Max(lastSeen[v], cdr.Start[r]);
            }
        }
        var end = lastSeen.Max();
        var contacts = new HashSet<int>?[n];
        HashSet<int> ContactsOf(int v) => contacts[v] ??= Counterparts(cdr, v);
        var handsets = Handsets(cdr);

        var swaps = new List<NumberSwap>();
        var silence = (long)options.MinimumSilence.TotalSeconds;
        var gap = (long)options.MaxGap.TotalSeconds;
        var overlap = (long)options.Overlap.TotalSeconds;
        for (var old = 0; old < n; old++)
        {
            if (end - lastSeen[old] < silence)
            {
                continue;
            }
            var low = lastSeen[old] - overlap;
            var high = lastSeen[old] + gap;
            bool Window(int b) => b != old && firstSeen[b] >= low && firstSeen[b] <= high && firstSeen[b] > firstSeen[old];
            var shared = new Dictionary<int, int>();
            foreach (var c in ContactsOf(old))
            {
                foreach (var b in ContactsOf(c))
                {
                    if (Window(b))
                    {
                        shared[b] = shared.GetValueOrDefault(b) + 1;
                    }
                }
            }
            foreach (var b in handsets.SuccessorsOf(old))
            {
                if (Window(b))
                {
                    shared.TryAdd(b, 0);
                }
            }
            foreach (var (candidate, count) in shared)
            {
                var oldSet = ContactsOf(old);
                var newSet = ContactsOf(candidate);
                var oldSize = oldSet.Count - (oldSet.Contains(candidate) ? 1 : 0);
                var newSize = newSet.Count - (newSet.Contains(old) ? 1 : 0);
                var ratio = Math.Min(oldSize, newSize) == 0 ? 0 : (double)count / Math.Min(oldSize, newSize);
                var jaccard = oldSize + newSize - count == 0 ? 0 : (double)count / (oldSize + newSize - count);
                var imei = handsets.Shared(old, candidate);
                var byContacts = count >= options.MinimumSharedContacts && ratio >= options.MinimumOverlap;
                if (!byContacts && imei is null)
                {
                    continue;
                }
                var when = FormattableString.Invariant($"{DateTimeOffset.FromUnixTimeSeconds(firstSeen[candidate]):u}");
                var explanation = string.Create(CultureInfo.InvariantCulture,
                    $"{cdr.Numbers[old]} last called {DateTimeOffset.FromUnixTimeSeconds(lastSeen[old]):u}; {cdr.Numbers[candidate]} first seen {when}; shares {count} of {oldSize} contacts ({ratio:P0} of the smaller set, Jaccard {jaccard:F2})")
                    + (imei is null ? string.Empty : $"; same handset IMEI {imei}");
                swaps.Add(new NumberSwap(cdr.Numbers[old], cdr.Numbers[candidate],
                    DateTimeOffset.FromUnixTimeSeconds(lastSeen[old]), DateTimeOffset.FromUnixTimeSeconds(firstSeen[candidate]),
                    count, oldSize, newSize, ratio, jaccard, imei, explanation));
            }
        }
        return swaps.OrderByDescending(s => s.SharedHandset is not null).ThenByDescending(s => s.Overlap).ThenByDescending(s => s.SharedContacts)
            .ThenBy(s => s.OldNumber, StringComparer.Ordinal).ThenBy(s => s.NewNumber, StringComparer.Ordinal).ToList();
    }

    private static HashSet<int> Counterparts(CallRecords cdr, int v)
    {
        var set = new HashSet<int>();
        foreach (var r in cdr.Rows.Of(v))
        {
            set.Add(cdr.Caller[r] == v ? cdr.Callee[r] : cdr.Caller[r]);
        }
        set.Remove(v);
        return set;
    }

    private static HandsetUse Handsets(CallRecords cdr) => new(cdr);

    /// <summary>Which numbers each handset (IMEI) carried, in order of first use.</summary>
    private sealed class HandsetUse
    {
        private readonly Dictionary<int, List<(int Number, long First)>> _byImei = [];
        private readonly Dictionary<int, List<int>> _imeisOf = [];
        private readonly string[] _imeis;

        public HandsetUse(CallRecords cdr)
        {
            _imeis = cdr.Imeis;
            var seen = new Dictionary<(int, int), long>();
            for (var r = 0; r < cdr.Count; r++)
            {
                var imei = cdr.Imei[r];
                if (imei < 0)
                {
                    continue;
                }
                var key = (imei, cdr.Caller[r]);
                seen[key] = seen.TryGetValue(key, out var t) ? Math.Min(t, cdr.Start[r]) : cdr.Start[r];
            }
            foreach (var ((imei, number), first) in seen)
            {
                (_byImei.TryGetValue(imei, out var l) ? l : _byImei[imei] = []).Add((number, first));
                (_imeisOf.TryGetValue(number, out var m) ? m : _imeisOf[number] = []).Add(imei);
            }
        }

        public IEnumerable<int> SuccessorsOf(int number) =>
            _imeisOf.TryGetValue(number, out var imeis)
                ? imeis.SelectMany(i => _byImei[i]).Select(x => x.Number).Where(x => x != number).Distinct()
                : [];

        public string? Shared(int a, int b) =>
            _imeisOf.TryGetValue(a, out var x) && _imeisOf.TryGetValue(b, out var y) && x.Intersect(y).FirstOrDefault(-1) is var i && i >= 0
                ? _imeis[i]
                : null;
    }
}
