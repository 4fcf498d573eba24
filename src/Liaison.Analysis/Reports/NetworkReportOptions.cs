namespace Liaison.Analysis.Reports;

/// <summary>What a <see cref="NetworkReport"/> computes and how.</summary>
public sealed record NetworkReportOptions
{
    /// <summary>Above this many nodes betweenness is estimated from <see cref="BetweennessSamples"/> sources instead of computed exactly.</summary>
    public int ExactBetweennessUpTo { get; init; } = 5_000;

    /// <summary>Sources for the betweenness estimate on large graphs (or always, when <see cref="ForceSampling"/>).</summary>
    public int BetweennessSamples { get; init; } = 500;

    /// <summary>Above this many nodes closeness is estimated from <see cref="ClosenessPivots"/> pivots (one search per node is O(nm)).</summary>
    public int ExactClosenessUpTo { get; init; } = 20_000;

    public int ClosenessPivots { get; init; } = 500;

    /// <summary>Estimate betweenness and closeness from samples whatever the size (<see cref="BetweennessSamples"/> sources, <see cref="ClosenessPivots"/> pivots).</summary>
    public bool ForceSampling { get; init; }

    /// <summary>Seeds Louvain and the betweenness sample: the same seed gives the same report.</summary>
    public ulong Seed { get; init; } = 42;

    public double Resolution { get; init; } = 1.0;
}
