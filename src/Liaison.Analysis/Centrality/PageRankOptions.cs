namespace Liaison.Analysis.Centrality;

/// <summary>PageRank parameters; the defaults are NetworkX's (alpha 0.85, tol 1e-6, 100 iterations).</summary>
public sealed record PageRankOptions
{
    public double Damping { get; init; } = 0.85;

    /// <summary>Stop when the L1 change of one iteration is below <c>NodeCount × Tolerance</c> (NetworkX's rule).</summary>
    public double Tolerance { get; init; } = 1e-6;

    public int MaxIterations { get; init; } = 100;

    /// <summary>Whether edge weights bias the random walk (true) or every edge counts the same.</summary>
    public bool UseWeights { get; init; } = true;
}
