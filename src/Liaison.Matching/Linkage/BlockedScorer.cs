using System.Collections.Concurrent;

namespace Liaison.Matching.Linkage;

/// <summary>
/// Candidate pairs from shared blocking keys (multi-pass: a pair is compared when any pass agrees),
/// each pair compared once. An inverted index of B's keys; per-thread stamps de-duplicate pairs that
/// share several keys.
/// </summary>
internal static class BlockedScorer
{
    public static (List<ScoredPair> Pairs, long Comparisons) Score(ClkSet a, ClkSet b, LinkageOptions options, bool sameSet)
    {
        var index = new Dictionary<ulong, List<int>>();
        for (var j = 0; j < b.Count; j++)
        {
            foreach (var key in b.BlockKeys[j])
            {
                if (!index.TryGetValue(key, out var list))
                {
                    list = [];
                    index[key] = list;
                }
                list.Add(j);
            }
        }
        foreach (var key in index.Where(e => e.Value.Count > options.MaxBlockSize).Select(e => e.Key).ToArray())
        {
            index.Remove(key);
        }

        var words = a.Words;
        var results = new ConcurrentBag<List<ScoredPair>>();
        long comparisons = 0;
        const int rowsPerChunk = 256;
        var chunks = (a.Count + rowsPerChunk - 1) / rowsPerChunk;
        Parallel.For(0, chunks, new ParallelOptions { MaxDegreeOfParallelism = options.MaxDegreeOfParallelism },
            () => (Found: new List<ScoredPair>(), Stamp: new int[b.Count]),
            (chunk, _, local) =>
            {
                long made = 0;
                var stamp = local.Stamp;
                for (var i = chunk * rowsPerChunk; i < Math.Min(a.Count, (chunk + 1) * rowsPerChunk); i++)
                {
                    var generation = i + 1;
                    var filter = a.Filter(i);
                    var pa = a.PopCounts[i];
                    foreach (var key in a.BlockKeys[i])
                    {
                        if (!index.TryGetValue(key, out var members))
                        {
                            continue;
                        }
                        foreach (var j in members)
                        {
                            if (stamp[j] == generation || (sameSet && j <= i))
                            {
                                continue;
                            }
                            stamp[j] = generation;
                            made++;
                            var score = Dice.Score(Dice.AndPopCount(filter, b.Filter(j)), pa, b.PopCounts[j]);
                            if (score >= options.Threshold)
                            {
                                local.Found.Add(new ScoredPair(i, j, score));
                            }
                        }
                    }
                }
                Interlocked.Add(ref comparisons, made);
                return local;
            },
            local => results.Add(local.Found));
        var all = new List<ScoredPair>();
        foreach (var part in results)
        {
            all.AddRange(part);
        }
        return (all, comparisons);
    }
}
