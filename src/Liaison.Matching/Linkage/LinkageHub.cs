namespace Liaison.Matching.Linkage;

/// <summary>
/// The linkage hub: compares two parties' CLKs and returns a one-to-one linkage. It holds no secret and
/// sees only filters, popcounts, opaque record ids and keyed blocking keys; any node can play the role.
/// Both sets must come from the same schema (equal fingerprints), or their bits mean different things.
/// </summary>
public sealed class LinkageHub
{
    private readonly LinkageOptions _options;

    public LinkageHub(LinkageOptions? options = null)
    {
        _options = options ?? new LinkageOptions();
        _options.Validate();
    }

    public LinkageOptions Options => _options;

    /// <summary>Links A to B: every pair at or above the threshold, then the greedy one-to-one solution.</summary>
    public LinkageResult Link(ClkSet a, ClkSet b)
    {
        CheckComparable(a, b);
        var (pairs, comparisons) = Candidates(a, b, sameSet: false);
        var candidateCount = pairs.Count;
        var chosen = GreedySolver.Solve(pairs, a.Count, b.Count);
        return new LinkageResult(ToMatches(chosen, a, b), comparisons, candidateCount);
    }

    /// <summary>
    /// Pairs within one set at or above the threshold (deduplication); not one-to-one, since one person
    /// may have several duplicates. Each pair appears once, A before B in set order.
    /// </summary>
    public LinkageResult Deduplicate(ClkSet set)
    {
        ArgumentNullException.ThrowIfNull(set);
        var (pairs, comparisons) = Candidates(set, set, sameSet: true);
        pairs.Sort(static (x, y) => y.Score != x.Score ? y.Score.CompareTo(x.Score) : x.A != y.A ? x.A.CompareTo(y.A) : x.B.CompareTo(y.B));
        return new LinkageResult(ToMatches(pairs, set, set), comparisons, pairs.Count);
    }

    private (List<ScoredPair> Pairs, long Comparisons) Candidates(ClkSet a, ClkSet b, bool sameSet) =>
        _options.UseBlocking && a.HasBlockKeys && b.HasBlockKeys
            ? BlockedScorer.Score(a, b, _options, sameSet)
            : AllPairsScorer.Score(a, b, _options.Threshold, _options.MaxDegreeOfParallelism, sameSet);

    private static List<LinkageMatch> ToMatches(List<ScoredPair> pairs, ClkSet a, ClkSet b) =>
        [.. pairs.Select(p => new LinkageMatch(a.Ids[p.A], b.Ids[p.B], p.Score))];

    private static void CheckComparable(ClkSet a, ClkSet b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (!string.Equals(a.SchemaFingerprint, b.SchemaFingerprint, StringComparison.Ordinal) || a.FilterBits != b.FilterBits)
        {
            throw new InvalidOperationException(
                $"the two CLK sets were encoded with different schemas ({a.SchemaFingerprint}/{a.FilterBits} bits vs {b.SchemaFingerprint}/{b.FilterBits} bits)");
        }
    }
}
