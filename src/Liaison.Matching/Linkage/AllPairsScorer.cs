using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Liaison.Matching.Linkage;

/// <summary>
/// Every pair of A × B at or above the threshold. B is re-ordered by popcount so that, for each A
/// filter, only the popcount window where Dice can reach the threshold is scanned
/// (2·min(|a|,|b|)/(|a|+|b|) ≥ t ⇔ |a|·t/(2−t) ≤ |b| ≤ |a|·(2−t)/t); B is then walked in tiles that
/// stay in L2 while a chunk of A rows passes over them.
/// </summary>
internal static class AllPairsScorer
{
    private const int RowsPerChunk = 64;
    private const int TileRows = 1024; // 128 KiB of 1024-bit filters

    public static (List<ScoredPair> Pairs, long Comparisons) Score(ClkSet a, ClkSet b, double threshold, int parallelism, bool sameSet)
    {
        var words = a.Words;
        var order = Enumerable.Range(0, b.Count).ToArray();
        Array.Sort(b.PopCounts.ToArray(), order);
        var bits = new ulong[b.Bits.Length];
        var pop = new int[b.Count];
        for (var j = 0; j < order.Length; j++)
        {
            b.Filter(order[j]).CopyTo(bits.AsSpan(j * words, words));
            pop[j] = b.PopCounts[order[j]];
        }

        var results = new ConcurrentBag<List<ScoredPair>>();
        long comparisons = 0;
        var chunks = (a.Count + RowsPerChunk - 1) / RowsPerChunk;
        Parallel.For(0, chunks, new ParallelOptions { MaxDegreeOfParallelism = parallelism }, () => new List<ScoredPair>(), (chunk, _, found) =>
        {
            var from = chunk * RowsPerChunk;
            var to = Math.Min(a.Count, from + RowsPerChunk);
            var need = new int[words * 64 + 1];
            var windows = new (int Lo, int Hi)[to - from];
            for (var i = from; i < to; i++)
            {
                windows[i - from] = Window(pop, a.PopCounts[i], threshold);
            }
            long made = 0;
            for (var tile = 0; tile < b.Count; tile += TileRows)
            {
                var tileEnd = Math.Min(b.Count, tile + TileRows);
                for (var i = from; i < to; i++)
                {
                    var (lo, hi) = windows[i - from];
                    lo = Math.Max(lo, tile);
                    hi = Math.Min(hi, tileEnd);
                    if (lo >= hi)
                    {
                        continue;
                    }
                    // B is sorted by popcount, so this row only needs the table for the tile's popcount range.
                    FillNeeded(need, a.PopCounts[i], threshold, pop[lo], pop[hi - 1]);
                    made += hi - lo;
                    ScanRow(a.Filter(i), i, bits, pop, order, lo, hi, need, words, sameSet, found);
                }
            }
            Interlocked.Add(ref comparisons, made);
            return found;
        }, results.Add);
        var all = new List<ScoredPair>();
        foreach (var part in results)
        {
            all.AddRange(part);
        }
        return (all, comparisons);
    }

    private static void ScanRow(ReadOnlySpan<ulong> filter, int i, ulong[] bits, int[] pop, int[] order, int lo, int hi, int[] need, int words, bool sameSet, List<ScoredPair> found)
    {
        ref var aRef = ref MemoryMarshal.GetReference(filter);
        if (words == 16 && Avx512BW.IsSupported)
        {
            ScanRowAvx512(filter, i, bits, pop, order, lo, hi, need, sameSet, found);
        }
        else if (words == 16)
        {
            for (var j = lo; j < hi; j++)
            {
                var common = Dice.AndPopCount1024(ref aRef, ref bits[j * 16]);
                if (common >= need[pop[j]])
                {
                    Emit(found, i, order[j], common, filter, pop[j], sameSet);
                }
            }
        }
        else
        {
            for (var j = lo; j < hi; j++)
            {
                var common = Dice.AndPopCount(filter, bits.AsSpan(j * words, words));
                if (common >= need[pop[j]])
                {
                    Emit(found, i, order[j], common, filter, pop[j], sameSet);
                }
            }
        }
    }

    /// <summary>The AVX-512 inner loop with the A filter held in two registers for the whole row.</summary>
    private static void ScanRowAvx512(ReadOnlySpan<ulong> filter, int i, ulong[] bits, int[] pop, int[] order, int lo, int hi, int[] need, bool sameSet, List<ScoredPair> found)
    {
        ref var aRef = ref MemoryMarshal.GetReference(filter);
        var a0 = Vector512.LoadUnsafe(ref aRef);
        var a1 = Vector512.LoadUnsafe(ref aRef, 8);
        ref var bRef = ref MemoryMarshal.GetArrayDataReference(bits);
        ref var popRef = ref MemoryMarshal.GetArrayDataReference(pop);
        ref var needRef = ref MemoryMarshal.GetArrayDataReference(need);
        var j = lo;
        // Two B filters per iteration: their two partial-sum vectors are reduced together.
        for (; j + 1 < hi; j += 2)
        {
            var offset = (nuint)j * 16;
            var counts0 = Dice.ByteCounts((a0 & Vector512.LoadUnsafe(ref bRef, offset)).AsByte())
                + Dice.ByteCounts((a1 & Vector512.LoadUnsafe(ref bRef, offset + 8)).AsByte());
            var counts1 = Dice.ByteCounts((a0 & Vector512.LoadUnsafe(ref bRef, offset + 16)).AsByte())
                + Dice.ByteCounts((a1 & Vector512.LoadUnsafe(ref bRef, offset + 24)).AsByte());
            var (common0, common1) = Dice.HorizontalSum2(counts0, counts1);
            var popB0 = Unsafe.Add(ref popRef, j);
            var popB1 = Unsafe.Add(ref popRef, j + 1);
            if (common0 >= Unsafe.Add(ref needRef, popB0))
            {
                Emit(found, i, order[j], common0, filter, popB0, sameSet);
            }
            if (common1 >= Unsafe.Add(ref needRef, popB1))
            {
                Emit(found, i, order[j + 1], common1, filter, popB1, sameSet);
            }
        }
        if (j < hi)
        {
            var offset = (nuint)j * 16;
            var counts = Dice.ByteCounts((a0 & Vector512.LoadUnsafe(ref bRef, offset)).AsByte())
                + Dice.ByteCounts((a1 & Vector512.LoadUnsafe(ref bRef, offset + 8)).AsByte());
            var common = Dice.HorizontalSum(counts);
            var popB = Unsafe.Add(ref popRef, j);
            if (common >= Unsafe.Add(ref needRef, popB))
            {
                Emit(found, i, order[j], common, filter, popB, sameSet);
            }
        }
    }

    private static void Emit(List<ScoredPair> found, int i, int j, int common, ReadOnlySpan<ulong> filter, int popB, bool sameSet)
    {
        if (sameSet && j <= i)
        {
            return;
        }
        var popA = 0;
        foreach (var w in filter)
        {
            popA += System.Numerics.BitOperations.PopCount(w);
        }
        found.Add(new ScoredPair(i, j, Dice.Score(common, popA, popB)));
    }

    /// <summary>need[|b|] = the fewest common bits for Dice ≥ t; an empty pair (|a|+|b| = 0) never matches.</summary>
    internal static void FillNeeded(int[] need, int popA, double threshold, int fromPopB, int toPopB)
    {
        for (var pb = fromPopB; pb <= toPopB; pb++)
        {
            var sum = popA + pb;
            need[pb] = sum == 0 ? int.MaxValue : (int)Math.Ceiling((threshold * sum / 2.0) - 1e-9);
            if (need[pb] == 0)
            {
                need[pb] = threshold > 0 ? 1 : 0;
            }
        }
    }

    private static (int Lo, int Hi) Window(int[] sortedPop, int popA, double t)
    {
        if (t <= 0)
        {
            return (0, sortedPop.Length);
        }
        var min = (int)Math.Ceiling((popA * t / (2 - t)) - 1e-9);
        var max = (int)Math.Floor((popA * (2 - t) / t) + 1e-9);
        return (LowerBound(sortedPop, min), LowerBound(sortedPop, max + 1));
    }

    private static int LowerBound(int[] sorted, int value)
    {
        int lo = 0, hi = sorted.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (sorted[mid] < value)
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
