using Liaison.Matching.Clk;
using Liaison.Matching.Linkage;

namespace Liaison.Bench.Matching;

/// <summary>CLK encoding rate, FEBRL 5k × 5k linkage, and a synthetic 100k × 100k blocked linkage end to end.</summary>
internal static class ClkBench
{
    private static readonly byte[] Secret = "benchmark linkage secret, not for use"u8.ToArray();

    public static void Run(string febrl)
    {
        var schema = LinkageSchema.FebrlPerson;
        Console.WriteLine();
        Console.WriteLine("| CLK encode | cores | records | wall (CPU) | records/s wall | per CPU-second |");
        Console.WriteLine("|---|---|---|---|---|---|");
        var fileA = Path.Combine(febrl, "dataset4a.csv");
        var fileB = Path.Combine(febrl, "dataset4b.csv");
        CsvEncoding.EncodeFile(fileA, schema, Secret); // warm-up
        ClkRecord[] a = [], b = [];
        foreach (var cores in new[] { 1, Environment.ProcessorCount }.Distinct())
        {
            var took = Measured.Of(() =>
            {
                a = CsvEncoding.EncodeFile(fileA, schema, Secret, maxDegreeOfParallelism: cores);
                b = CsvEncoding.EncodeFile(fileB, schema, Secret, maxDegreeOfParallelism: cores);
            });
            Console.WriteLine($"| FEBRL 4a + 4b | {cores} | {a.Length + b.Length:N0} | {took} | {(a.Length + b.Length) / took.WallSeconds:N0} | {(a.Length + b.Length) / took.CpuSeconds:N0} |");
        }

        Console.WriteLine();
        Console.WriteLine("| CLK linkage | threshold | blocking | comparisons | wall (CPU) | comparisons/s wall | links | precision | recall |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|");
        var setA = ClkSet.From(schema.Fingerprint, schema.FilterBits, a);
        var setB = ClkSet.From(schema.Fingerprint, schema.FilterBits, b);
        new LinkageHub(new LinkageOptions { UseBlocking = false }).Link(setA, setB); // warm-up (JIT tiers)
        foreach (var blocking in new[] { false, true })
        {
            Link("FEBRL 4a × 4b (5k × 5k)", setA, setB, 0.8, blocking);
        }

        var (synthA, synthB) = SyntheticPeople.Write(febrl, 100_000, Path.Combine(Path.GetTempPath(), "liaison-bench"));
        ClkSet? bigA = null, bigB = null;
        var encode = Measured.Of(() =>
        {
            bigA = ClkSet.From(schema.Fingerprint, schema.FilterBits, CsvEncoding.EncodeFile(synthA, schema, Secret));
            bigB = ClkSet.From(schema.Fingerprint, schema.FilterBits, CsvEncoding.EncodeFile(synthB, schema, Secret));
        });
        var link = Link("synthetic 100k × 100k", bigA!, bigB!, 0.8, true);
        Console.WriteLine();
        Console.WriteLine($"synthetic 100k × 100k end to end on {Environment.ProcessorCount} cores: encode both {encode} + blocked link {link} = {(encode + link).WallSeconds:N1} s wall");
    }

    private static Measured Link(string label, ClkSet a, ClkSet b, double threshold, bool blocking)
    {
        LinkageResult? linked = null;
        var took = Measured.Of(() => linked = new LinkageHub(new LinkageOptions { Threshold = threshold, UseBlocking = blocking }).Link(a, b));
        var result = linked!;
        var correct = result.Matches.Count(m => m.AId.Split('-')[1] == m.BId.Split('-')[1]);
        var precision = result.Matches.Count == 0 ? 0 : (double)correct / result.Matches.Count;
        var recall = (double)correct / Math.Min(a.Count, b.Count);
        Console.WriteLine($"| {label} | {threshold} | {(blocking ? "keyed multi-pass" : "none (all pairs)")} | {result.Comparisons:N0} | {took} | {result.Comparisons / took.WallSeconds / 1e6:N1} M/s | {result.Matches.Count:N0} | {precision:F4} | {recall:F4} |");
        return took;
    }
}
