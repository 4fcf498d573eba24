using System.ComponentModel.DataAnnotations;

namespace Liaison.Matching.Linkage;

/// <summary>How the hub compares two sets of CLKs.</summary>
public sealed record LinkageOptions
{
    /// <summary>Dice threshold: pairs below it are never matched. 0.8 suits the built-in FEBRL schema (see docs/matching.md).</summary>
    [Range(0.0, 1.0)]
    public double Threshold { get; init; } = 0.8;

    /// <summary>Use the keyed blocking keys when both sets carry them; otherwise compare all pairs.</summary>
    public bool UseBlocking { get; init; } = true;

    /// <summary>Blocks larger than this on the B side are skipped (a "Smith + 1980" block in a national set); other passes still cover the pair.</summary>
    [Range(1, int.MaxValue)]
    public int MaxBlockSize { get; init; } = 5_000;

    public int MaxDegreeOfParallelism { get; init; } = Environment.ProcessorCount;

    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegative(Threshold);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(Threshold, 1.0);
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxBlockSize, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxDegreeOfParallelism, 1);
    }
}
