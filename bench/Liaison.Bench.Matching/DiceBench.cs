using Liaison.Matching.Clk;
using Liaison.Matching.Linkage;

namespace Liaison.Bench.Matching;

/// <summary>Dice comparisons per second on random 1024-bit CLKs (anonlink's benchmark shape: 20k × 20k, threshold 0.7).</summary>
internal static class DiceBench
{
    public static void Run()
    {
        Console.WriteLine();
        Console.WriteLine("| Dice all pairs | cores | kernel | comparisons | wall (CPU) | comparisons/s wall | per CPU-second |");
        Console.WriteLine("|---|---|---|---|---|---|---|");
        var random = new Random(7);
        foreach (var n in new[] { 5_000, 20_000 })
        {
            var a = RandomSet(random, n);
            var b = RandomSet(random, n);
            foreach (var cores in new[] { 1, Environment.ProcessorCount }.Distinct())
            {
                var hub = new LinkageHub(new LinkageOptions { Threshold = 0.7, UseBlocking = false, MaxDegreeOfParallelism = cores });
                hub.Link(a, b); // warm-up (JIT tiers)
                LinkageResult? result = null;
                var took = Measured.Of(() => result = hub.Link(a, b));
                var kernel = System.Runtime.Intrinsics.X86.Avx512BW.IsSupported ? "AVX-512BW nibble popcount" : "scalar POPCNT";
                Console.WriteLine($"| {n:N0} × {n:N0} | {cores} | {kernel} | {result!.Comparisons:N0} | {took} | {result.Comparisons / took.WallSeconds / 1e6:N0} M/s | {result.Comparisons / took.CpuSeconds / 1e6:N0} M/s |");
            }
        }
    }

    /// <summary>Uniformly random filters (each bit set with probability ½), as in anonlink's benchmark.</summary>
    internal static ClkSet RandomSet(Random random, int count)
    {
        var records = new ClkRecord[count];
        for (var i = 0; i < count; i++)
        {
            var bits = new ulong[16];
            for (var w = 0; w < bits.Length; w++)
            {
                bits[w] = (ulong)random.NextInt64() ^ ((ulong)random.Next() << 63);
            }
            records[i] = new ClkRecord(i.ToString(System.Globalization.CultureInfo.InvariantCulture), bits, []);
        }
        return ClkSet.From("random", 1024, records);
    }
}
