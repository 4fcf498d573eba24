namespace Liaison.Analysis.Centrality;

/// <summary>Betweenness parameters. Paths count hops: edge weights are tie strengths, not distances.</summary>
public sealed record BetweennessOptions
{
    /// <summary>Divide by the number of pairs as NetworkX does (undirected: × 2/((n−1)(n−2))).</summary>
    public bool Normalized { get; init; } = true;

    /// <summary>
    /// When set, Brandes runs from this many sources drawn with <see cref="Seed"/> and the sums are
    /// scaled by n/k (NetworkX's <c>k</c>): an unbiased estimate for graphs too big for the exact O(nm).
    /// </summary>
    public int? SampleSources { get; init; }

    public ulong Seed { get; init; } = 42;
}
