using Liaison.Matching.Clk;
using Liaison.Matching.Linkage;
using static Liaison.Matching.Tests.Clk.ClkFixtures;

namespace Liaison.Matching.Tests.Linkage;

public sealed class LinkageHubTests
{
    private static ClkSet Set(string fingerprint, params (string Id, ulong[] Bits)[] records) =>
        ClkSet.From(fingerprint, 64 * records[0].Bits.Length, records.Select(r => new ClkRecord(r.Id, r.Bits, [])));

    [Fact]
    public void Greedy_solution_links_each_record_at_most_once_taking_the_best_pair_first()
    {
        // a1–b1 = 1.0 is taken first; a2's best partner b1 (0.93) is then taken, so a2 gets b2 (0.86).
        var a = Set("s", ("a1", [0xFFUL]), ("a2", [0x7FUL]));
        var b = Set("s", ("b1", [0xFFUL]), ("b2", [0x3FUL | (1UL << 10)]));

        var result = new LinkageHub(new LinkageOptions { Threshold = 0.5 }).Link(a, b);

        Assert.Equal([("a1", "b1", 1.0), ("a2", "b2", 12.0 / 14)], result.Matches.Select(m => (m.AId, m.BId, m.Score)));
        Assert.Equal(4, result.Comparisons);
        Assert.Equal(4, result.CandidatePairs);
    }

    [Fact]
    public void Pairs_below_the_threshold_are_never_matched()
    {
        var a = Set("s", ("a1", [0b1111UL]));
        var b = Set("s", ("b1", [0b0011UL]));

        Assert.Empty(new LinkageHub(new LinkageOptions { Threshold = 0.7 }).Link(a, b).Matches);
        Assert.Single(new LinkageHub(new LinkageOptions { Threshold = 2.0 / 3 }).Link(a, b).Matches);
    }

    [Fact]
    public void Sets_from_different_schemas_are_refused()
    {
        var a = Set("schema-1", ("a1", [1UL]));
        var b = Set("schema-2", ("b1", [1UL]));

        Assert.Throws<InvalidOperationException>(() => new LinkageHub().Link(a, b));
    }

    [Fact]
    public void Blocked_and_all_pairs_linkage_agree_when_the_blocks_cover_the_true_pairs()
    {
        using var encoder = new ClkEncoder(NameAndBirth(), Secret);
        var people = new[] { ("Maria", "Popescu", "19840721"), ("Ion", "Ionescu", "19791103"), ("Ana", "Pop", "19840102"), ("Mihai", "Radu", "19650505") };
        var a = people.Select((p, i) => Encode(encoder, $"a{i}", p.Item1, p.Item2, p.Item3)).ToList();
        var b = people.Select((p, i) => Encode(encoder, $"b{i}", p.Item1 + "a", p.Item2, p.Item3)).ToList();
        var setA = ClkSet.From("s", 1024, a);
        var setB = ClkSet.From("s", 1024, b);

        var blocked = new LinkageHub(new LinkageOptions { Threshold = 0.7, UseBlocking = true }).Link(setA, setB);
        var allPairs = new LinkageHub(new LinkageOptions { Threshold = 0.7, UseBlocking = false }).Link(setA, setB);

        Assert.Equal(allPairs.Matches, blocked.Matches);
        Assert.Equal(4, blocked.Matches.Count);
        Assert.All(blocked.Matches, m => Assert.Equal(m.AId[1..], m.BId[1..]));
        Assert.True(blocked.Comparisons < allPairs.Comparisons);
    }

    [Fact]
    public void Deduplication_reports_each_pair_once()
    {
        var set = Set("s", ("r1", [0b1111UL]), ("r2", [0b1111UL]), ("r3", [0b1111_0000UL]));

        var result = new LinkageHub(new LinkageOptions { Threshold = 0.9, UseBlocking = false }).Deduplicate(set);

        Assert.Equal([("r1", "r2")], result.Matches.Select(m => (m.AId, m.BId)));
    }
}
