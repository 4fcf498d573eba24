namespace Liaison.Matching.Psi;

/// <summary>Computation settings for one side of a PSI session (not part of the protocol).</summary>
public sealed record PsiOptions
{
    /// <summary>Scalar multiplications run on this many cores; 1 gives per-core figures.</summary>
    public int MaxDegreeOfParallelism { get; init; } = Environment.ProcessorCount;

    public static PsiOptions Default { get; } = new();

    internal void For(int count, Action<int, int> range)
    {
        if (count == 0)
        {
            return;
        }
        var chunk = Math.Max(256, count / (MaxDegreeOfParallelism * 8));
        if (MaxDegreeOfParallelism <= 1 || count <= chunk)
        {
            range(0, count);
            return;
        }
        var chunks = (count + chunk - 1) / chunk;
        Parallel.For(0, chunks, new ParallelOptions { MaxDegreeOfParallelism = MaxDegreeOfParallelism },
            c => range(c * chunk, Math.Min(count, (c + 1) * chunk)));
    }
}
