using Liaison.Matching.Clk;
using Liaison.Matching.Linkage;
using Xunit.Abstractions;

namespace Liaison.Matching.Tests.Linkage;

/// <summary>Encodes FEBRL dataset4a and dataset4b once for the accuracy tests (about two seconds).</summary>
public sealed class FebrlFixture
{
    public FebrlFixture()
    {
        var schema = LinkageSchema.FebrlPerson;
        var secret = "febrl accuracy test secret 2025"u8;
        A = ClkSet.From(schema.Fingerprint, schema.FilterBits, CsvEncoding.EncodeFile(TestVectors.PathOf("febrl/dataset4a.csv"), schema, secret));
        B = ClkSet.From(schema.Fingerprint, schema.FilterBits, CsvEncoding.EncodeFile(TestVectors.PathOf("febrl/dataset4b.csv"), schema, secret));
        Dataset1 = ClkSet.From(schema.Fingerprint, schema.FilterBits, CsvEncoding.EncodeFile(TestVectors.PathOf("febrl/dataset1.csv"), schema, secret));
    }

    public ClkSet A { get; }

    public ClkSet B { get; }

    public ClkSet Dataset1 { get; }

    /// <summary>"rec-1070-org" and "rec-1070-dup-0" are the same person.</summary>
    public static string Person(string id) => id.Split('-')[1];
}

public sealed class FebrlAccuracyTests(FebrlFixture febrl, ITestOutputHelper output) : IClassFixture<FebrlFixture>
{
    private (double Precision, double Recall, double F1) Measure(LinkageResult result, int truePairs, string label)
    {
        var correct = result.Matches.Count(m => FebrlFixture.Person(m.AId) == FebrlFixture.Person(m.BId));
        var precision = result.Matches.Count == 0 ? 0 : (double)correct / result.Matches.Count;
        var recall = (double)correct / truePairs;
        var f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        output.WriteLine($"{label}: {result.Matches.Count} links, {correct} correct, precision {precision:F4} recall {recall:F4} F1 {f1:F4}, {result.Comparisons} comparisons");
        return (precision, recall, f1);
    }

    [Fact]
    public void Dataset4_linked_at_threshold_0_8_beats_clkhash_published_recall()
    {
        var result = new LinkageHub(new LinkageOptions { Threshold = 0.8, UseBlocking = false }).Link(febrl.A, febrl.B);

        var (precision, recall, _) = Measure(result, 5000, "all pairs, t=0.8");

        // Measured with this secret: precision 1.0000, recall 0.9936 (clkhash publishes 1.000 / 0.992 at 0.8).
        Assert.True(precision >= 0.999, $"precision {precision}");
        Assert.True(recall >= 0.993, $"recall {recall}");
    }

    [Fact]
    public void Dataset4_linked_at_threshold_0_75_reaches_the_recall_goal()
    {
        var result = new LinkageHub(new LinkageOptions { Threshold = 0.75, UseBlocking = false }).Link(febrl.A, febrl.B);

        var (precision, recall, _) = Measure(result, 5000, "all pairs, t=0.75");

        // Measured with this secret: precision 1.0000, recall 0.9992.
        Assert.True(precision >= 0.999, $"precision {precision}");
        Assert.True(recall >= 0.995, $"recall {recall}");
    }

    [Fact]
    public void Blocked_linkage_keeps_recall_with_a_tiny_fraction_of_the_comparisons()
    {
        var result = new LinkageHub(new LinkageOptions { Threshold = 0.75, UseBlocking = true }).Link(febrl.A, febrl.B);

        var (precision, recall, _) = Measure(result, 5000, "blocked, t=0.75");

        // Measured with this secret: precision 1.0000, recall 0.9972 with 9,784 of the 25M comparisons.
        Assert.True(precision >= 0.999, $"precision {precision}");
        Assert.True(recall >= 0.995, $"recall {recall}");
        Assert.True(result.Comparisons < 20_000, $"{result.Comparisons} comparisons");
    }

    [Fact]
    public void Records_without_a_counterpart_get_no_hit_at_the_hit_threshold()
    {
        // Hit/no-hit is not one-to-one linkage: most asked records have no partner at the peer, so the
        // threshold alone must reject strangers. A's first half against B records of A's second half.
        var firstHalf = Enumerable.Range(0, 2500).ToHashSet();
        var askedPeople = firstHalf.Select(i => FebrlFixture.Person(febrl.A.Ids[i])).ToHashSet();
        var asked = Subset(febrl.A, firstHalf);
        var strangers = Subset(febrl.B, Enumerable.Range(0, febrl.B.Count).Where(j => !askedPeople.Contains(FebrlFixture.Person(febrl.B.Ids[j]))).ToHashSet());

        var atHitThreshold = new LinkageHub(new LinkageOptions { Threshold = 0.85, UseBlocking = false }).Link(asked, strangers);
        var atLinkThreshold = new LinkageHub(new LinkageOptions { Threshold = 0.8, UseBlocking = false }).Link(asked, strangers);
        output.WriteLine($"false hits among {asked.Count} strangers: {atHitThreshold.Matches.Count} at 0.85, {atLinkThreshold.Matches.Count} at 0.8");

        // Measured with this secret: 0 at 0.85, 156 at 0.8 — which is why docs/matching.md recommends 0.85 for hit/no-hit.
        Assert.True(atHitThreshold.Matches.Count <= 2, $"{atHitThreshold.Matches.Count} false hits at 0.85");
        Assert.True(atLinkThreshold.Matches.Count > atHitThreshold.Matches.Count);
    }

    [Fact]
    public void Dataset1_deduplication_finds_the_duplicates()
    {
        var result = new LinkageHub(new LinkageOptions { Threshold = 0.85, UseBlocking = true }).Deduplicate(febrl.Dataset1);

        var (precision, recall, _) = Measure(result, 500, "dataset1 dedup, blocked, t=0.85");

        // Measured with this secret: 470 of the 500 duplicate pairs, no false pair.
        Assert.True(precision >= 0.99, $"precision {precision}");
        Assert.True(recall >= 0.93, $"recall {recall}");
    }

    private static ClkSet Subset(ClkSet set, HashSet<int> keep) =>
        ClkSet.From(set.SchemaFingerprint, set.FilterBits, keep.Order().Select(i => new ClkRecord(set.Ids[i], set.Filter(i).ToArray(), set.BlockKeys[i])));
}
