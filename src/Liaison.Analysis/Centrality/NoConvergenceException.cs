namespace Liaison.Analysis.Centrality;

/// <summary>An iterative algorithm did not reach its tolerance within its iteration limit.</summary>
public sealed class NoConvergenceException(string algorithm, int iterations)
    : Exception($"{algorithm} did not converge in {iterations} iterations.")
{
    public string Algorithm { get; } = algorithm;

    public int Iterations { get; } = iterations;
}
