using System.Numerics;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Liaison.Matching.Linkage;

namespace Liaison.Matching.Tests.Linkage;

public sealed class DiceTests
{
    private static readonly Gen<ulong[]> Filter1024 = Gen.ArrayOf(ArbMap.Default.GeneratorFor<ulong>(), 16);

    private static int Naive(ulong[] a, ulong[] b) => a.Zip(b).Sum(p => BitOperations.PopCount(p.First & p.Second));

    [Property(MaxTest = 300)]
    public Property Scalar_and_vector_popcounts_agree_with_the_naive_count() =>
        Prop.ForAll(Filter1024.ToArbitrary(), Filter1024.ToArbitrary(), (a, b) =>
        {
            var expected = Naive(a, b);
            var scalar = Dice.AndPopCount1024(ref a[0], ref b[0]);
            var vector = System.Runtime.Intrinsics.X86.Avx512BW.IsSupported ? Dice.AndPopCount1024Avx512(ref a[0], ref b[0]) : expected;
            return scalar == expected && vector == expected && Dice.AndPopCount(a, b) == expected;
        });

    [Fact]
    public void Dice_of_identical_filters_is_one_and_of_disjoint_filters_zero()
    {
        ulong[] a = [0b1011, 0, 0, 0];
        ulong[] b = [0b0100, 0, 0, 0];

        Assert.Equal(1.0, Dice.Similarity(a, a));
        Assert.Equal(0.0, Dice.Similarity(a, b));
        Assert.Equal(2.0 * 2 / (3 + 3), Dice.Similarity(a, [0b0011 | 0b0100_0000UL, 0, 0, 0]));
    }

    [Fact]
    public void Two_empty_filters_score_zero_not_nan()
    {
        Assert.Equal(0.0, Dice.Similarity(new ulong[16], new ulong[16]));
    }
}

public sealed class AllPairsScorerTests
{
    [Property(MaxTest = 25)]
    public Property All_pairs_scan_finds_exactly_the_pairs_a_naive_scan_finds(PositiveInt seed) =>
        Prop.ToProperty(Check(seed.Get));

    private static bool Check(int seed)
    {
        // Odd sizes exercise the two-at-a-time loop's tail; half-dense filters give Dice near 0.5,
        // so a threshold of 0.5 cuts through the middle of the score distribution.
        var random = new Random(seed);
        ulong[][] Filters(int n) => [.. Enumerable.Range(0, n).Select(_ => Enumerable.Range(0, 16).Select(_ => (ulong)random.NextInt64() ^ ((ulong)random.Next(2) << 63)).ToArray())];
        var a = Filters(37);
        var b = Filters(1201);
        var setA = ClkSet.From("s", 1024, a.Select((f, i) => new Liaison.Matching.Clk.ClkRecord($"a{i}", f, [])));
        var setB = ClkSet.From("s", 1024, b.Select((f, i) => new Liaison.Matching.Clk.ClkRecord($"b{i}", f, [])));

        var (pairs, comparisons) = AllPairsScorer.Score(setA, setB, 0.5, 2, sameSet: false);

        var expected = new HashSet<(int, int)>();
        for (var i = 0; i < a.Length; i++)
        {
            for (var j = 0; j < b.Length; j++)
            {
                if (Dice.Similarity(a[i], b[j]) >= 0.5)
                {
                    expected.Add((i, j));
                }
            }
        }
        return expected.SetEquals(pairs.Select(p => (p.A, p.B))) && comparisons <= a.Length * b.Length
            && pairs.All(p => p.Score == Dice.Similarity(a[p.A], b[p.B]));
    }
}
